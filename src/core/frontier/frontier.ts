/**
 * The deterrence frontier's pure analysis (docs/frontier.md): which forces to try, when a point has had
 * enough runs, which points are efficient, the cheapest force that meets a risk target, what a backstop is
 * worth in force, and what each mission's increment buys. The use case (app/frontier.ts) plans and
 * simulates; everything it decides from the numbers is here.
 */
import type { PairedDifference, Proportion } from '../assure/index.js';

/**
 * Scales of the base requirements the frontier tries: 0 (no force), then `points − 1` scales spaced
 * geometrically from `min` to `max` (risk falls fastest for the first troops, so small forces get more
 * points), the one nearest 1 other than `max` moved to exactly 1 (the requirements as stated). Ascending,
 * no duplicates; the last is always `max`.
 */
export function frontierScales(points: number, max: number, min = 0.1): number[] {
  if (!Number.isSafeInteger(points) || points < 3) throw new RangeError('a frontier needs at least 3 points');
  if (!(max > min) || !(min > 0)) throw new RangeError(`scales need 0 < min < max, got ${min} and ${max}`);
  const n = points - 1;
  const out = Array.from({ length: n }, (_, i) => min * (max / min) ** (n === 1 ? 0 : i / (n - 1)));
  // The point nearest 1 becomes 1, but never the largest (the family must reach beyond 1).
  if (max > 1 && min <= 1 && n >= 2) {
    let near = 0;
    for (let i = 0; i < n - 1; i++)
      if (Math.abs(Math.log(out[i]!)) < Math.abs(Math.log(out[near]!))) near = i;
    out[near] = 1;
  }
  return [0, ...out.map((s) => Math.round(s * 1e6) / 1e6)];
}

/** The measures the frontier reports for one simulated force. */
export interface RiskMeasures {
  /** P(the ceasefire fails within the horizon): the level-3 rung reached. */
  readonly ceasefireFailed: Proportion;
  /** P(the tripwire is tested): the force attacked. */
  readonly tripwireTested: Proportion;
  /** P(war with the guarantor). */
  readonly widerWar: Proportion;
}

/**
 * Two neighbouring points are ordered when the 95% interval of their paired difference excludes 0, or is
 * narrower than ±`resolution` (then they are equal at the resolution asked, and more runs would not
 * change what the frontier says).
 */
export function neighboursOrdered(d: PairedDifference, resolution: number): boolean {
  return d.lo > 0 || d.hi < 0 || (d.hi - d.lo) / 2 <= resolution;
}

/** A point for the efficiency and target questions: its cost and its risk. */
export interface CostRisk {
  readonly costUsdPerYear: number;
  readonly risk: number;
}

/**
 * Which points are on the Pareto frontier of cost against risk: no other point is at most as costly and
 * at most as risky, and strictly better in one. Ties (same cost and risk) keep the first.
 */
export function paretoEfficient(points: readonly CostRisk[]): boolean[] {
  return points.map((p, i) =>
    points.every(
      (q, j) =>
        j === i ||
        !(
          q.costUsdPerYear <= p.costUsdPerYear &&
          q.risk <= p.risk &&
          (q.costUsdPerYear < p.costUsdPerYear || q.risk < p.risk || j < i)
        ),
    ),
  );
}

/**
 * The bracket for the cheapest scale meeting a target on an ascending family of scales: the index of the
 * first scale whose risk is at most `target` (−1 when none is), and of the scale before it (−1 when the
 * first scale already meets it).
 */
export function targetBracket(risks: readonly number[], target: number): { below: number; meets: number } {
  const meets = risks.findIndex((r) => r <= target);
  return { below: meets <= 0 ? -1 : meets - 1, meets };
}

/** Bisection of a bracket [lo, hi] of scales: the midpoint, in log scale when both ends are positive. */
export function bisectScale(lo: number, hi: number): number {
  const m = lo > 0 && hi > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  return Math.round(m * 1e6) / 1e6;
}

/**
 * The value of one increment: how many points of P(ceasefire fails) it removes per US$ bn a year (positive:
 * it lowers the risk), from a paired difference (increment − reference) and the cost it adds. Null when it
 * adds no cost.
 */
export function pointsPerBillion(d: PairedDifference, addedCostUsdPerYear: number): number | null {
  if (!(addedCostUsdPerYear > 0)) return null;
  return (-d.difference * 100) / (addedCostUsdPerYear / 1e9);
}

/** A point of an ascending family of scales, with its P(ceasefire fails) interval. */
export interface ScaledRisk {
  readonly scale: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * What the runs can tell apart around a goal on an ascending family: the largest scale whose interval lies
 * wholly above the goal, and the smallest whose interval lies wholly at or below it (indices, −1: none).
 */
export function separatedBracket(
  points: readonly ScaledRisk[],
  goal: number,
): { above: number; below: number } {
  let above = -1;
  let below = -1;
  points.forEach((p, i) => {
    if (p.lo > goal && (above < 0 || p.scale > points[above]!.scale)) above = i;
    if (p.hi <= goal && (below < 0 || p.scale < points[below]!.scale)) below = i;
  });
  return { above, below };
}
