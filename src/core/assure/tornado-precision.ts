/**
 * The tornado sized by precision (docs/model.md §10, "Tornado sized by precision"): each row (a parameter
 * pinned low and high on the same runs) gets runs in doubling batches and stops once its swing is known
 * well enough to rank it, instead of a fixed number of runs per row.
 *
 * Pure decisions on merged integer counts, taken at fixed batch boundaries (`tornadoLooks`) for every row
 * in row order: since a row's counts over runs [0, n) depend only on (seed, n), the rows that stop, when,
 * and so the whole result, are the same for any number of threads or machines.
 */
import { normalQuantile } from './distribution.js';

/** How the tornado sizes its rows. */
export interface TornadoPrecision {
  /** Runs every row gets before it may stop (at most `maxRuns`). */
  readonly minRuns: number;
  /** Runs per row at most: a row still unresolved there stops at this cap. */
  readonly maxRuns: number;
  /**
   * A row is precise enough once its half-width is at most this share of the largest swing's lower bound
   * (0.02: the row's bar is known to 2% of the longest bar's length).
   */
  readonly relativeHalfWidth: number;
  /** Family-wise error of all the rows' intervals at all looks together (Bonferroni; 0.05). */
  readonly familyError: number;
}

/** Defaults of the sizing rule (the cap is the caller's `tornadoRuns`). */
export const TORNADO_PRECISION: Omit<TornadoPrecision, 'maxRuns'> = {
  minRuns: 1000,
  relativeHalfWidth: 0.02,
  familyError: 0.05,
};

/** Why a row stopped. */
export type TornadoStop =
  /** Its interval is disjoint from every other row's: its rank is known. */
  | 'separated'
  /** Its half-width is at most `relativeHalfWidth` of the largest swing: a tie at that precision. */
  | 'precise'
  /** It cannot move the ranking measure by construction: its swing is exactly zero. */
  | 'exact'
  /** It reached `maxRuns`. */
  | 'cap';

/**
 * Run counts at which rows are looked at: minRuns, 2·minRuns, 4·minRuns, … and maxRuns last (increasing,
 * at least one). minRuns is clamped to [1, maxRuns].
 */
export function tornadoLooks(p: Pick<TornadoPrecision, 'minRuns' | 'maxRuns'>): number[] {
  const cap = Math.max(1, Math.floor(p.maxRuns));
  let n = Math.min(cap, Math.max(1, Math.floor(p.minRuns)));
  const out: number[] = [];
  for (; n < cap; n *= 2) out.push(n);
  out.push(cap);
  return out;
}

/**
 * The normal quantile giving every row's interval at every look simultaneous coverage ≥ 1 − familyError:
 * Bonferroni over `rows` rows and `looks` looks, z = Φ⁻¹(1 − α / (2 · rows · looks)).
 */
export function familyZ(rows: number, looks: number, familyError: number): number {
  const m = Math.max(1, rows) * Math.max(1, looks);
  return normalQuantile(1 - familyError / (2 * m));
}

/** A row's swing estimate: |d| of the paired difference d of P(ceasefire failed), high side minus low. */
export interface SwingInterval {
  /** |d|. */
  readonly swing: number;
  /** Interval of |d| at the family's z (lo ≥ 0). */
  readonly lo: number;
  readonly hi: number;
  readonly halfWidth: number;
}

/**
 * The interval of |d| from the paired counts of the two sides on the same n runs: b runs where only the
 * high side failed, c where only the low side did; d = (b − c)/n with the paired variance
 * (b + c − n·d²)/n² (estimators.ts `pairedDifference`), floored at z²/n² so that a row with no discordant
 * run still has half-width z²/n — wider than the exact zero-event bound −ln(α′)/n at α′ = Φ(−z).
 */
export function swingInterval(b: number, c: number, n: number, z: number): SwingInterval {
  if (n <= 0) return { swing: 0, lo: 0, hi: Infinity, halfWidth: Infinity };
  const d = (b - c) / n;
  const v = Math.max((b + c - n * d * d) / (n * n), (z * z) / (n * n));
  const h = z * Math.sqrt(v);
  const lo = d - h;
  const hi = d + h;
  const a = Math.abs(d);
  if (lo > 0) return { swing: a, lo, hi, halfWidth: h };
  if (hi < 0) return { swing: a, lo: -hi, hi: -lo, halfWidth: h };
  return { swing: a, lo: 0, hi: a + h, halfWidth: h };
}

/** One row at a look: its interval (null for a row exact by construction) and whether it is still running. */
export interface TornadoRowState {
  readonly interval: SwingInterval | null;
  readonly running: boolean;
  /** Runs the row has so far. */
  readonly runs: number;
}

/**
 * The rows that stop at this look (null: keeps running; stopped rows stay null). Every row's latest
 * interval counts, stopped rows' included (their last one). Decided for each running row in row order on
 * the same inputs, so the decisions do not depend on the order rows were simulated in.
 */
export function tornadoStops(
  rows: readonly TornadoRowState[],
  p: Pick<TornadoPrecision, 'minRuns' | 'maxRuns' | 'relativeHalfWidth'>,
): (TornadoStop | null)[] {
  let largest = 0;
  for (const r of rows) if (r.interval !== null && r.interval.lo > largest) largest = r.interval.lo;
  const minRuns = Math.min(p.minRuns, p.maxRuns);
  return rows.map((r, j) => {
    if (!r.running || r.runs < minRuns) return null;
    const x = r.interval;
    if (x === null) return 'exact';
    const separated = rows.every((o, k) => {
      const y = o.interval;
      return k === j || y === null || y.hi < x.lo || y.lo > x.hi;
    });
    if (separated) return 'separated';
    if (largest > 0 && x.halfWidth <= p.relativeHalfWidth * largest) return 'precise';
    return r.runs >= p.maxRuns ? 'cap' : null;
  });
}
