/**
 * Exact level-occupation probabilities of the model with feedback switched off (DESIGN.md §6 "Exactness").
 * Without belief updates, withdrawals, host growth or guarantor decisions, and with ρ fixed, the ladder is a
 * discrete-time Markov chain with one transition matrix per planning period:
 *   M[ℓ][ℓ+1] = (1 − e^{−(u+d)}) · u / (u + d),  M[ℓ][ℓ−1] = (1 − e^{−(u+d)}) · d / (u + d),  M[ℓ][ℓ] = e^{−(u+d)},
 * with u = λup(ℓ), d = λdown(ℓ). π_t = π_{t−1} M(period of day t); π_0 = δ_0.
 */
import { periodOfSimulationDay } from '../scenario/index.js';
import type { LadderParams } from './ladder-params.js';
import { emptyDeterrence, fillDeterrence } from './ladder-params.js';

/**
 * Daily hazards (up, down) per level for period p, everyone present, H = H0, belief at its prior, casualty
 * tolerances at their means: the deterrence model of `deterrence.ts` at one fixed state.
 */
export function constantHazards(
  m: LadderParams,
  rho: number,
  period: number,
): { up: Float64Array; down: Float64Array } {
  const N = m.nations;
  let ex = 0;
  for (let k = 0; k < N; k++) ex += m.exposed[period * N + k]!;
  const mu = m.priorAlpha / (m.priorAlpha + m.priorBeta);
  const U = fillDeterrence(m, emptyDeterrence(), period, null, m.hostBaseline, mu, rho, null);
  const X = m.theta * U;
  const war = m.guarantorActive === 1 && m.guarantorInHarmsWay === 1;
  const up = new Float64Array(m.levels);
  const down = new Float64Array(m.levels);
  for (let l = 0; l < m.levels; l++) {
    const open = l === 3 || l === 4 ? ex > 0 : l === 5 ? war : true;
    up[l] = open ? m.up[l]! * Math.exp(m.deter[l]! * X) : 0;
    down[l] = m.down[l]!;
  }
  return { up, down };
}

/**
 * Probability of each level at the end of each day, [day * L + level] for day 0 … T, for the feedback-off
 * chain at risk tolerance rho.
 */
export function exactOccupation(m: LadderParams, rho: number): Float64Array {
  const L = m.levels;
  const T = m.horizonDays;
  const out = new Float64Array((T + 1) * L);
  out[0] = 1;
  const matrices = Array.from({ length: m.periods }, (_, p) => {
    const { up, down } = constantHazards(m, rho, p);
    const stay = new Float64Array(L);
    const toUp = new Float64Array(L);
    const toDown = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      const lam = up[l]! + down[l]!;
      const move = lam > 0 ? 1 - Math.exp(-lam) : 0;
      stay[l] = 1 - move;
      toUp[l] = lam > 0 ? (move * up[l]!) / lam : 0;
      toDown[l] = lam > 0 ? (move * down[l]!) / lam : 0;
    }
    return { stay, toUp, toDown };
  });
  for (let t = 1; t <= T; t++) {
    const period = periodOfSimulationDay(m.periodEnds, t);
    const M = matrices[period]!;
    for (let l = 0; l < L; l++) {
      const p = out[(t - 1) * L + l]!;
      if (p === 0) continue;
      out[t * L + l]! += p * M.stay[l]!;
      if (l + 1 < L) out[t * L + l + 1]! += p * M.toUp[l]!;
      if (l > 0) out[t * L + l - 1]! += p * M.toDown[l]!;
    }
  }
  return out;
}

/** Probability of having reached level ≥ `target` by each day (the target made absorbing), days 0 … T. */
export function exactFirstPassage(m: LadderParams, rho: number, target: number): Float64Array {
  const T = m.horizonDays;
  const out = new Float64Array(T + 1);
  let pi = new Float64Array(target + 1);
  pi[0] = 1;
  for (let t = 1; t <= T; t++) {
    const period = periodOfSimulationDay(m.periodEnds, t);
    const { up, down } = constantHazards(m, rho, period);
    const next = new Float64Array(target + 1);
    next[target] = pi[target]!;
    for (let l = 0; l < target; l++) {
      const lam = up[l]! + down[l]!;
      const move = lam > 0 ? 1 - Math.exp(-lam) : 0;
      next[l]! += pi[l]! * (1 - move);
      if (lam > 0) {
        next[l + 1]! += (pi[l]! * move * up[l]!) / lam;
        if (l > 0) next[l - 1]! += (pi[l]! * move * down[l]!) / lam;
      }
    }
    pi = next;
    out[t] = pi[target]!;
  }
  return out;
}
