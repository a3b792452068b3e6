/**
 * Sobol indices with intervals, sized by precision (docs/model.md §10, "Sobol sized by precision").
 *
 * Saltelli's design on a binary measure f: per run, a = f(A), b = f(B) and c = f(A_B^(i)) (A with
 * parameter i from B, all three on the same event stream). The estimators are means of per-run terms,
 *
 *   S_i  = mean(b (c − a)) / V           (Saltelli et al. 2010)
 *   S_Ti = mean((a − c)²) / (2 V)         (Jansen 1999)
 *   V    = p (1 − p),  p = mean((a + b) / 2)   (A and B pooled),
 *
 * so each is a smooth function of the means of three per-run terms, all functions of the triple (a, b, c).
 * The 8 counts of the triples (`PartialStats.triple`, integers merged exactly across chunks in any order)
 * give those means and their covariance exactly, and the delta method gives the variance of each index.
 *
 * The sizing mirrors the tornado's (tornado-precision.ts): each parameter's A_B^(i) runs in doubling
 * batches to fixed looks, and stops at the first look where both its indices for P(ceasefire failed) have
 * a half-width at most `halfWidth`; decisions read only merged counts at the looks, so the result is the
 * same for any number of threads or machines.
 */
import { familyZ, tornadoLooks } from './tornado-precision.js';

/** How Sobol indices are sized. */
export interface SobolPrecision {
  /** Runs every parameter gets before it may stop (at most `maxRuns`). */
  readonly minRuns: number;
  /** Runs per parameter at most (`--sobol-runs`). */
  readonly maxRuns: number;
  /** A parameter stops once both its indices for P(ceasefire failed) have at most this half-width. */
  readonly halfWidth: number;
  /** Family-wise error of every reported interval at every look together (Bonferroni; 0.05). */
  readonly familyError: number;
}

export const SOBOL_PRECISION: Omit<SobolPrecision, 'maxRuns'> = {
  minRuns: 1000,
  halfWidth: 0.02,
  familyError: 0.05,
};

/** Why a parameter stopped: both its failure indices known to `halfWidth`, or the cap. */
export type SobolStop = 'precise' | 'cap';

/** Looks as the tornado's: minRuns, 2·minRuns, 4·minRuns, … and maxRuns last. */
export const sobolLooks = tornadoLooks;

/**
 * The normal quantile for `intervals` intervals at `looks` looks (Bonferroni), as the tornado's.
 */
export const sobolZ = familyZ;

/** One index with its interval. */
export interface IndexInterval {
  readonly value: number;
  /** The interval clipped to [0, 1] (where the index lies), so clipping never drops the true value. */
  readonly lo: number;
  readonly hi: number;
  /** z × standard error, before clipping: what the stopping rule compares with `halfWidth`. */
  readonly halfWidth: number;
}

/** Cell of a triple (a, b, c) in an 8-cell count table. */
export const tripleCell = (a: number, b: number, c: number): number => a * 4 + b * 2 + c;

/**
 * The first-order and total indices of one parameter and measure from the 8 triple counts (cell
 * a·4 + b·2 + c) at normal quantile z; null when the measure has no variance over A and B (V = 0) or fewer
 * than two runs. Each index's variance is floored at that of its numerator term with a per-run variance of
 * z²/n (as the tornado floors its swings'), so an index whose numerator term never varied keeps a
 * half-width of at least z²/(n V) (first) or z²/(2 n V) (total) instead of zero.
 */
export function sobolEstimate(
  cells: ArrayLike<number>,
  z: number,
): { readonly first: IndexInterval; readonly total: IndexInterval } | null {
  let n = 0;
  let sy = 0;
  let sw = 0;
  let su = 0;
  let syy = 0;
  let suu = 0;
  let syu = 0;
  let swu = 0;
  for (let k = 0; k < 8; k++) {
    const m = cells[k] ?? 0;
    if (m === 0) continue;
    const a = k >> 2;
    const b = (k >> 1) & 1;
    const c = k & 1;
    const y = b * (c - a);
    const w = a === c ? 0 : 1;
    const u = (a + b) / 2;
    n += m;
    sy += m * y;
    sw += m * w;
    su += m * u;
    syy += m * y * y;
    suu += m * u * u;
    syu += m * y * u;
    swu += m * w * u;
  }
  if (n < 2) return null;
  const my = sy / n;
  const mw = sw / n;
  const mu = su / n;
  const V = mu * (1 - mu);
  if (!(V > 0)) return null;
  const floor = (z * z) / n;
  const cyy = syy / n - my * my;
  const cww = mw - mw * mw;
  const cuu = suu / n - mu * mu;
  const cyu = syu / n - my * mu;
  const cwu = swu / n - mw * mu;
  // d V / d mu = 1 − 2 mu.
  const dV = 1 - 2 * mu;
  // `variance` is per run; `least` its floor: the numerator term's variance floored at z²/n.
  const interval = (value: number, variance: number, least: number): IndexInterval => {
    const h = z * Math.sqrt(Math.max(least, variance) / n);
    return {
      value,
      lo: Math.min(1, Math.max(0, value - h)),
      hi: Math.max(0, Math.min(1, value + h)),
      halfWidth: h,
    };
  };
  // S = my / V: gradient (1/V, −my·dV/V²).
  const g1 = 1 / V;
  const g2 = (-my * dV) / (V * V);
  const first = interval(my / V, g1 * g1 * cyy + 2 * g1 * g2 * cyu + g2 * g2 * cuu, g1 * g1 * floor);
  // T = mw / (2V): gradient (1/(2V), −mw·dV/(2V²)).
  const t1 = 1 / (2 * V);
  const t2 = (-mw * dV) / (2 * V * V);
  const total = interval(mw / (2 * V), t1 * t1 * cww + 2 * t1 * t2 * cwu + t2 * t2 * cuu, t1 * t1 * floor);
  return { first, total };
}

/** One parameter at a look: its failure indices (null: no variance yet), whether running, its runs. */
export interface SobolRowState {
  readonly failure: { readonly first: IndexInterval; readonly total: IndexInterval } | null;
  readonly running: boolean;
  readonly runs: number;
}

/** The parameters that stop at this look (null: keeps running; stopped ones stay null). */
export function sobolStops(
  rows: readonly SobolRowState[],
  p: Pick<SobolPrecision, 'minRuns' | 'maxRuns' | 'halfWidth'>,
): (SobolStop | null)[] {
  const minRuns = Math.min(p.minRuns, p.maxRuns);
  return rows.map((r) => {
    if (!r.running || r.runs < minRuns) return null;
    const f = r.failure;
    if (f !== null && f.first.halfWidth <= p.halfWidth && f.total.halfWidth <= p.halfWidth) return 'precise';
    return r.runs >= p.maxRuns ? 'cap' : null;
  });
}
