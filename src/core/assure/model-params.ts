/**
 * Compiles a scenario (and the force to simulate) into one flat block of numbers and typed arrays, once.
 * The hot loop (`simulate.ts`) reads only this block. It is structured-cloneable, so worker threads receive
 * it as is. Equations and units: docs/model.md.
 */
import type { Distribution, Scenario } from '../scenario/index.js';
import { backstopKind } from '../scenario/index.js';
import { LADDER_LEVELS } from '../scenario/index.js';
import { fillQuantileTable, quantile, TABLE_SIZE } from './distribution.js';
import type { ForceLayout } from './force-layout.js';
import { forceFromPledges } from './force-layout.js';
import { hashString } from './rng.js';

/** Index of the adversary's risk tolerance ρ among the uncertain parameters. */
export const P_RISK = 0;
/** Index of the guarantor's credibility c. */
export const P_CREDIBILITY = 1;
/** Index of the fatalities of one attack on the force (drawn per attack, not per run). */
export const P_FATALITIES = 2;
/** Index of the first nation's casualty tolerance; nation k is at P_TOLERANCE + k. */
export const P_TOLERANCE = 3;

/** One uncertain parameter, for reports. */
export interface UncertainParameter {
  /** Stable key, also the hash key of its random draw: `riskTolerance`, `credibility`, `tolerance:GBR`, … */
  readonly key: string;
  readonly label: string;
  /** False when the scenario gives it no spread (fixed value or absent): tornado skips it. */
  readonly uncertain: boolean;
}

export interface ModelParams {
  /** Ladder levels L (7). */
  readonly levels: number;
  /** Simulated days T. */
  readonly horizonDays: number;
  /** Base up and down hazards per level, per day, and the per-level deterrence multiplier. */
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly deter: Float64Array;
  readonly theta: number;
  readonly wHost: number;
  readonly wForce: number;
  readonly wRetaliation: number;
  readonly wGuarantor: number;
  /** Host strength H0, strength per trainee, and H_ref. */
  readonly hostBaseline: number;
  readonly hostPerTrainee: number;
  readonly hostReference: number;
  /** F_ref. */
  readonly forceReference: number;
  /** R at full force. */
  readonly retaliation: number;
  /** 1 when the guarantor offers a backstop (kind ≠ none). */
  readonly guarantorActive: number;
  /** G_eff = power × powerByKind[kind]. */
  readonly guarantorPower: number;
  readonly lagDays: number;
  readonly fatalityThreshold: number;
  readonly interventionDeters: number;
  readonly detersTo: number;
  readonly priorAlpha: number;
  readonly priorBeta: number;
  readonly collapseShare: number;
  /** Nations in the force N, periods, days per period. */
  readonly nations: number;
  readonly periods: number;
  readonly periodDays: number;
  /** Per period p and nation k at [p * N + k]. */
  readonly personnel: Float64Array;
  readonly exposed: Float64Array;
  readonly combat: Float64Array;
  readonly trainees: Float64Array;
  /** Peak personnel of nation k (its weight in "most of the force"). */
  readonly weight: Float64Array;
  /** 1 when period p's force layout differs from period p − 1's (period 0: 1). */
  readonly periodChanges: Uint8Array;
  /** Quantile tables, parameter i at [i * (TABLE_SIZE + 1)]. */
  readonly tables: Float64Array;
  /** Hash key of each parameter's per-run draw. */
  readonly keys: Uint32Array;
  /** Pinned value of each parameter, NaN when drawn (tornado pins one at a time). */
  readonly fixed: Float64Array;
  /** 1 when nation k has a casualty tolerance (else it never withdraws). */
  readonly hasTolerance: Uint8Array;
  /** 1: full model; 0: no belief updates, no withdrawals, no host growth, no guarantor decisions. */
  readonly feedback: number;
  /** Labels for reports (not read by the loop). */
  readonly nationIds: readonly string[];
  readonly parameters: readonly UncertainParameter[];
}

export interface CompileOptions {
  /** The force to simulate; default: the scenario's active pledges. */
  readonly force?: ForceLayout;
  /** Switch feedback off (exact Markov chain check). Default true. */
  readonly feedback?: boolean;
}

const FIXED_ZERO: Distribution = { dist: 'fixed', value: 0 };

const spread = (d: Distribution | undefined): boolean =>
  d !== undefined && d.dist !== 'fixed' && quantile(d, 0.1) !== quantile(d, 0.9);

/**
 * Compiles a validated scenario. A scenario without an adversary ladder cannot be simulated: the caller
 * checks `s.adversary` first (see `assure.ts`).
 */
export function compileModel(s: Scenario, options: CompileOptions = {}): ModelParams {
  const adv = s.adversary;
  if (adv === undefined) throw new Error('compileModel: the scenario has no adversary');
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
  const trainees = new Float64Array(P * N);
  const weight = new Float64Array(N);
  force.nations.forEach((n, k) => {
    for (let p = 0; p < P; p++) {
      personnel[p * N + k] = n.personnel[p] ?? 0;
      exposed[p * N + k] = n.exposedPersonnel[p] ?? 0;
      combat[p * N + k] = n.combatPower[p] ?? 0;
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
  const power = active ? g.power * g.powerByKind[kind] : 0;

  const dists: (Distribution | undefined)[] = [
    adv.riskTolerance,
    active ? g.credibility : undefined,
    a.attackFatalities,
    ...force.nations.map((n) => n.casualtyTolerance),
  ];
  const parameters: UncertainParameter[] = [
    { key: 'riskTolerance', label: 'adversary risk tolerance ρ', uncertain: spread(dists[0]) },
    { key: 'credibility', label: 'guarantor credibility c', uncertain: spread(dists[1]) },
    { key: 'attackFatalities', label: 'fatalities per attack', uncertain: spread(dists[2]) },
    ...force.nations.map((n) => ({
      key: `tolerance:${n.id}`,
      label: `${n.id} casualty tolerance`,
      uncertain: spread(n.casualtyTolerance),
    })),
  ];
  const tables = new Float64Array(dists.length * (TABLE_SIZE + 1));
  dists.forEach((d, i) => fillQuantileTable(d ?? FIXED_ZERO, tables, i * (TABLE_SIZE + 1)));
  const host = a.host;
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
    hostBaseline: host?.baseline ?? 0,
    hostPerTrainee: host?.perTrainee ?? 0,
    hostReference: host?.reference ?? 1,
    forceReference: a.forceReference,
    retaliation: a.retaliation,
    guarantorActive: active ? 1 : 0,
    guarantorPower: power,
    lagDays: g?.responseLagDays ?? 0,
    fatalityThreshold: g?.fatalityThreshold ?? 0,
    interventionDeters: a.interventionDeters,
    detersTo: a.interventionDetersTo,
    priorAlpha: adv.priorResolve.alpha,
    priorBeta: adv.priorResolve.beta,
    collapseShare: a.collapseShare,
    nations: N,
    periods: P,
    periodDays: Math.max(1, force.periodDays),
    personnel,
    exposed,
    combat,
    trainees,
    weight,
    periodChanges,
    tables,
    keys: Uint32Array.from(parameters.map((p) => hashString(p.key))),
    fixed: new Float64Array(dists.length).fill(NaN),
    hasTolerance: Uint8Array.from(force.nations.map((n) => (n.casualtyTolerance === undefined ? 0 : 1))),
    feedback: options.feedback === false ? 0 : 1,
    nationIds: force.nations.map((n) => n.id),
    parameters,
  };
}

/** The same model with parameter `index` pinned at `value` (tornado sides, exact checks). */
export function pinParameter(m: ModelParams, index: number, value: number): ModelParams {
  const fixed = Float64Array.from(m.fixed);
  fixed[index] = value;
  return { ...m, fixed };
}

/** Salt that turns a parameter's draw into an independent one (Sobol's second sample B). */
export const RESAMPLE_SALT = 0x6a09e667;

/**
 * The same model with the per-run draws of the parameters in `indices` taken from an independent sample
 * (their hash keys salted): Saltelli's matrices B (all parameters) and A_B^(i) (parameter i only).
 */
export function resampleParameters(m: ModelParams, indices: readonly number[]): ModelParams {
  const keys = Uint32Array.from(m.keys);
  for (const i of indices) keys[i] = (keys[i]! ^ RESAMPLE_SALT) >>> 0;
  return { ...m, keys };
}

/** Quantile of uncertain parameter `index` at probability p, read from its table (what the loop samples). */
export function parameterQuantile(m: ModelParams, index: number, p: number): number {
  const off = index * (TABLE_SIZE + 1);
  const x = p * TABLE_SIZE;
  const i = Math.min(TABLE_SIZE - 1, Math.floor(x));
  const lo = m.tables[off + i]!;
  return lo + (x - i) * (m.tables[off + i + 1]! - lo);
}
