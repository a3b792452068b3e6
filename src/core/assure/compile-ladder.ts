/**
 * Compiles a validated scenario (and the force to simulate) into the flat block of numbers and typed arrays
 * the hot loop reads (`LadderParams`, ladder-params.ts), once. Equations and units: docs/model.md.
 */
import type { Distribution, Scenario } from '../scenario/index.js';
import { backstopKind, hostNation, LADDER_LEVELS } from '../scenario/index.js';
import { distributionMean, fillQuantileTable, quantile, TABLE_SIZE } from './distribution.js';
import type { ForceLayout } from './force-layout.js';
import { forceFromPledges } from './force-layout.js';
import {
  meanAttackFatalities,
  P_FATALITIES,
  type LadderParams,
  type UncertainParameter,
} from './ladder-params.js';
import { hashString } from './rng.js';

export interface CompileOptions {
  /** The force to simulate; default: the scenario's active pledges. */
  readonly force?: ForceLayout;
  /** Switch feedback off (exact Markov chain check). Default true. */
  readonly feedback?: boolean;
}

const FIXED_ZERO: Distribution = { dist: 'fixed', value: 0 };

/** Quadrature nodes for the expected fatalities of an attack (midpoints of equal-probability bins). */
export const ATTACK_NODES = 32;

/** In-host locations (country = the host nation) of the missions that deploy inside the host. */
export function inHostSites(s: Scenario): number {
  const host = hostNation(s)?.id;
  let n = 0;
  for (const m of s.missions)
    if (m.inHost) for (const l of m.locations) if (host === undefined || l.country === host) n++;
  return n;
}

const spread = (d: Distribution | undefined): boolean =>
  d !== undefined && d.dist !== 'fixed' && quantile(d, 0.1) !== quantile(d, 0.9);

/**
 * Compiles a validated scenario. A scenario without an adversary ladder cannot be simulated: the caller
 * checks `s.adversary` first (see `assure.ts`).
 */
export function compileLadder(s: Scenario, options: CompileOptions = {}): LadderParams {
  const adv = s.adversary;
  if (adv === undefined) throw new Error('compileLadder: the scenario has no adversary');
  const force = options.force ?? forceFromPledges(s);
  const a = s.assurance;
  const L = LADDER_LEVELS;
  const up = new Float64Array(L);
  const down = new Float64Array(L);
  const deter = new Float64Array(L);
  adv.ladder.forEach((l, i) => {
    if (i >= L) return;
    up[i] = l.upPerDay;
    down[i] = l.downPerDay;
    deter[i] = l.deterrence;
  });
  up[L - 1] = 0;
  down[0] = 0;

  const N = force.nations.length;
  const P = Math.max(1, force.periods);
  const personnel = new Float64Array(P * N);
  const exposed = new Float64Array(P * N);
  const combat = new Float64Array(P * N);
  const exposedCombat = new Float64Array(P * N);
  const trainees = new Float64Array(P * N);
  const weight = new Float64Array(N);
  force.nations.forEach((n, k) => {
    for (let p = 0; p < P; p++) {
      personnel[p * N + k] = n.personnel[p] ?? 0;
      exposed[p * N + k] = n.exposedPersonnel[p] ?? 0;
      combat[p * N + k] = n.combatPower[p] ?? 0;
      exposedCombat[p * N + k] = n.exposedCombatPower[p] ?? 0;
      trainees[p * N + k] = n.traineesPerYear[p] ?? 0;
      weight[k] = Math.max(weight[k]!, n.personnel[p] ?? 0);
    }
  });

  const periodChanges = new Uint8Array(P);
  for (let p = 0; p < P; p++) {
    let differs = p === 0;
    for (let k = 0; k < N && !differs; k++) {
      const a = p * N + k;
      const b = (p - 1) * N + k;
      differs =
        personnel[a] !== personnel[b] ||
        exposed[a] !== exposed[b] ||
        combat[a] !== combat[b] ||
        trainees[a] !== trainees[b];
    }
    periodChanges[p] = differs ? 1 : 0;
  }
  const g = s.guarantor?.backstop;
  const kind = backstopKind(s);
  const active = g !== undefined && kind !== 'none';
  const effect = active ? g.kinds[kind] : undefined;
  const power = active && effect !== undefined ? g.power * effect.weight : 0;

  // Coalition retaliation per nation: a share of R by peak personnel, or each contributor's committable
  // share of its defence budget against the host's (see the schema's `assurance.retaliation`).
  let totalWeight = 0;
  for (let k = 0; k < N; k++) totalWeight += weight[k]!;
  const host = hostNation(s);
  const retaliationBy = new Float64Array(N);
  force.nations.forEach((fn, k) => {
    if (a.retaliation === 'defence-budget') {
      const n = s.nations.find((x) => x.id === fn.id);
      const hostBudget = host?.defenceBudgetUsd ?? 0;
      retaliationBy[k] =
        n !== undefined && hostBudget > 0 ? ((n.defenceBudgetUsd ?? 0) * n.committableShare) / hostBudget : 0;
    } else retaliationBy[k] = totalWeight > 0 ? (a.retaliation * weight[k]!) / totalWeight : 0;
  });
  const sites = Math.max(1, inHostSites(s));

  const attack = a.attack;
  const dists: (Distribution | undefined)[] = [
    adv.riskTolerance,
    active ? g.credibility : undefined,
    attack !== undefined ? attack.strength : a.attackFatalities,
    ...force.nations.map((n) => n.casualtyTolerance),
  ];
  const parameters: UncertainParameter[] = [
    { key: 'riskTolerance', label: 'adversary risk tolerance ρ', uncertain: spread(dists[0]) },
    { key: 'credibility', label: 'guarantor credibility c', uncertain: spread(dists[1]) },
    attack !== undefined
      ? { key: 'attackStrength', label: 'attacker strength per attack', uncertain: spread(dists[2]) }
      : { key: 'attackFatalities', label: 'fatalities per attack', uncertain: spread(dists[2]) },
    ...force.nations.map((n) => ({
      key: `tolerance:${n.id}`,
      label: `${n.id} casualty tolerance`,
      uncertain: spread(n.casualtyTolerance),
    })),
  ];
  const tables = new Float64Array(dists.length * (TABLE_SIZE + 1));
  dists.forEach((d, i) => fillQuantileTable(d ?? FIXED_ZERO, tables, i * (TABLE_SIZE + 1)));
  const attackNodes = new Float64Array(ATTACK_NODES);
  for (let j = 0; j < ATTACK_NODES; j++)
    attackNodes[j] = quantile(dists[P_FATALITIES] ?? FIXED_ZERO, (j + 0.5) / ATTACK_NODES);
  const engagement = {
    on: attack !== undefined ? 1 : 0,
    days: attack?.days ?? 0,
    a: attack?.attackerEffectiveness ?? 0,
    b: attack?.defenderEffectiveness ?? 0,
    killed: attack?.killedShare ?? 1,
    // Without an engagement the fatalities are drawn directly: their mean (negative draws count 0).
    mean:
      attack === undefined && a.attackFatalities !== undefined
        ? Math.max(0, distributionMean(a.attackFatalities))
        : 0,
  };
  const expectedFatalities = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let ex = 0;
    let cp = 0;
    for (let k = 0; k < N; k++) {
      ex += exposed[p * N + k]!;
      cp += exposedCombat[p * N + k]!;
    }
    expectedFatalities[p] = meanAttackFatalities(engagement, attackNodes, ex / sites, cp / sites);
  }
  const hostBlock = a.host;
  return {
    levels: L,
    horizonDays: a.horizonDays,
    up,
    down,
    deter,
    theta: a.theta,
    wHost: a.weights.host,
    wForce: a.weights.force,
    wRetaliation: a.weights.retaliation,
    wGuarantor: a.weights.guarantor,
    hostBaseline: hostBlock?.baseline ?? 0,
    hostPerTrainee: hostBlock?.perTrainee ?? 0,
    hostReference: hostBlock?.reference ?? 1,
    forceReference: a.forceReference,
    retaliationBy,
    retaliationStake: a.retaliationStake,
    guarantorActive: active ? 1 : 0,
    guarantorPower: power,
    guarantorInHarmsWay: effect?.inHarmsWay === true ? 1 : 0,
    visibility: effect?.visibility ?? 0,
    trigger: a.tripwire === 'trigger' ? 1 : 0,
    audiencePerPerson: a.commitment.audienceCostPerThousand / 1000,
    aloneMultiplier: a.commitment.aloneMultiplier,
    hostLoss: a.commitment.hostLoss,
    engagement: engagement.on,
    attackDays: engagement.days,
    attackerEffectiveness: engagement.a,
    defenderEffectiveness: engagement.b,
    killedShare: engagement.killed,
    sites,
    attackNodes,
    attackMean: engagement.mean,
    expectedFatalities,
    lagDays: g?.responseLagDays ?? 0,
    fatalityThreshold: g?.fatalityThreshold ?? 0,
    interventionDeters: a.interventionDeters,
    detersTo: a.interventionDetersTo,
    priorAlpha: adv.priorResolve.alpha,
    priorBeta: adv.priorResolve.beta,
    collapseShare: a.collapseShare,
    nations: N,
    periods: P,
    periodEnds: periodEndsOf(force, P),
    personnel,
    exposed,
    combat,
    exposedCombat,
    trainees,
    weight,
    periodChanges,
    tables,
    keys: Uint32Array.from(parameters.map((p) => hashString(p.key))),
    fixed: new Float64Array(dists.length).fill(NaN),
    hasTolerance: Uint8Array.from(force.nations.map((n) => (n.casualtyTolerance === undefined ? 0 : 1))),
    meanTolerance: Float64Array.from(
      force.nations.map((n) =>
        n.casualtyTolerance === undefined ? Infinity : distributionMean(n.casualtyTolerance),
      ),
    ),
    feedback: options.feedback === false ? 0 : 1,
    nationIds: force.nations.map((n) => n.id),
    parameters,
  };
}

/**
 * The layout's period end days as P strictly increasing positive days (a layout without a calendar entry for
 * a period ends it one day after the previous one).
 */
function periodEndsOf(force: ForceLayout, P: number): Int32Array {
  const out = new Int32Array(P);
  let prev = 0;
  for (let p = 0; p < P; p++) {
    const e = Math.round(force.periodEnds[p] ?? prev + 1);
    out[p] = e > prev ? e : prev + 1;
    prev = out[p]!;
  }
  return out;
}
