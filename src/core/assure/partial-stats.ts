/**
 * Partial statistics of a chunk of runs: integer counts and histograms only, so merging is exact (sums of
 * integers below 2^53) and the merged result is the same for any split of the runs into chunks.
 */
import type { LadderParams } from './ladder-params.js';

/** Outcomes at the horizon, least to most severe (definitions: docs/model.md §Outcomes). */
export const OUTCOMES = [
  'held',
  'contested',
  'contained',
  'renewedWar',
  'coalitionCollapse',
  'widerWar',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const O_HELD = 0;
export const O_CONTESTED = 1;
export const O_CONTAINED = 2;
export const O_RENEWED = 3;
export const O_COLLAPSE = 4;
export const O_WIDER = 5;
/** Per-run category for paired comparisons: outcome × 2 + (ceasefire failed: reached level ≥ 3). */
export const CATEGORIES = OUTCOMES.length * 2;

/** Guarantor counters: runs in which the backstop was triggered, … (see `GUARANTOR_FIELDS`). */
export const GUARANTOR_FIELDS = [
  'runsTriggered',
  'runsIntervened',
  'runsAbstained',
  'interventions',
  'deterred',
  'escalated',
] as const;

/** Histogram bins for fatalities: exact below 256, then 64 logarithmic sub-bins per power of two. */
export const FATALITY_BINS = 256 + 23 * 64;

/** Bin of a non-negative integer count. */
export function fatalityBin(v: number): number {
  if (v < 256) return v;
  const x = Math.min(v, 0x7fffffff);
  const e = 31 - Math.clz32(x);
  return Math.min(FATALITY_BINS - 1, 256 + (e - 8) * 64 + ((x >>> (e - 6)) & 63));
}

/** Smallest value in a fatality bin. */
export function fatalityBinLow(b: number): number {
  if (b < 256) return b;
  const e = 8 + Math.floor((b - 256) / 64);
  return (64 + ((b - 256) % 64)) * 2 ** (e - 6);
}

export interface PartialStats {
  runs: number;
  /** Simulated run-days (runs × horizon). */
  runDays: number;
  outcomes: Float64Array;
  /** Runs whose highest level reached was ≥ ℓ. */
  reached: Float64Array;
  /** Runs by level at the horizon. */
  finalLevel: Float64Array;
  /** Runs by day (1 … T) of first reaching level ≥ 2, ≥ 3, ≥ 4, 6; index T + 1: not reached (censored). */
  firstMinor: Float64Array;
  firstFailure: Float64Array;
  firstTripwire: Float64Array;
  firstWider: Float64Array;
  /** Level occupation in difference form at [day * L + level], day 0 … T; prefix sums give counts. */
  occupancy: Float64Array;
  /** Runs by total coalition fatalities (binned, `fatalityBin`). */
  fatalities: Float64Array;
  /** Runs by number of nations withdrawn (0 … N). */
  withdrawals: Float64Array;
  /** Runs in which nation k withdrew. */
  withdrawnBy: Float64Array;
  guarantor: Float64Array;
  /** Paired categories with model 0 of the job: [cat0 * CATEGORIES + cat]. */
  joint: Float64Array;
  /** Paired categories with model 1 of the job (zero for model 0): [cat1 * CATEGORIES + cat] (Sobol). */
  joint1: Float64Array;
}

export function emptyStats(m: LadderParams): PartialStats {
  const T = m.horizonDays;
  return {
    runs: 0,
    runDays: 0,
    outcomes: new Float64Array(OUTCOMES.length),
    reached: new Float64Array(m.levels),
    finalLevel: new Float64Array(m.levels),
    firstMinor: new Float64Array(T + 2),
    firstFailure: new Float64Array(T + 2),
    firstTripwire: new Float64Array(T + 2),
    firstWider: new Float64Array(T + 2),
    occupancy: new Float64Array((T + 1) * m.levels),
    fatalities: new Float64Array(FATALITY_BINS),
    withdrawals: new Float64Array(m.nations + 1),
    withdrawnBy: new Float64Array(m.nations),
    guarantor: new Float64Array(GUARANTOR_FIELDS.length),
    joint: new Float64Array(CATEGORIES * CATEGORIES),
    joint1: new Float64Array(CATEGORIES * CATEGORIES),
  };
}

/** The typed-array fields of `PartialStats`: what is merged, encoded for the queue and checked on decode. */
export const STATS_ARRAY_FIELDS = [
  'outcomes',
  'reached',
  'finalLevel',
  'firstMinor',
  'firstFailure',
  'firstTripwire',
  'firstWider',
  'occupancy',
  'fatalities',
  'withdrawals',
  'withdrawnBy',
  'guarantor',
  'joint',
  'joint1',
] as const satisfies readonly (keyof PartialStats)[];

/** Adds `b` into `a` (same model shape). Exact: every entry is an integer. */
export function mergeInto(a: PartialStats, b: PartialStats): PartialStats {
  a.runs += b.runs;
  a.runDays += b.runDays;
  for (const f of STATS_ARRAY_FIELDS) {
    const x = a[f];
    const y = b[f];
    if (x.length !== y.length) throw new Error(`mergeInto: ${f} lengths differ`);
    for (let i = 0; i < x.length; i++) x[i]! += y[i]!;
  }
  return a;
}

/** Merges chunk results (each one `PartialStats` per model of the job) in the given (fixed) order. */
export function mergeChunks(
  models: readonly LadderParams[],
  chunks: readonly (readonly PartialStats[])[],
): PartialStats[] {
  const out = models.map(emptyStats);
  for (const chunk of chunks) chunk.forEach((s, v) => mergeInto(out[v]!, s));
  return out;
}

/** Level occupation counts at the end of each day: [day * L + level], day 0 … T. */
export function occupationCounts(s: PartialStats, levels: number): Float64Array {
  const out = Float64Array.from(s.occupancy);
  for (let i = levels; i < out.length; i++) out[i]! += out[i - levels]!;
  return out;
}
