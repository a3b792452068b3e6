/**
 * Experimental designs over sweep parameters: a full grid of listed values, or a Latin hypercube sample
 * of numeric ranges (McKay, Beckman and Conover, "A comparison of three methods for selecting values of
 * input variables in the analysis of output from a computer code", Technometrics 21(2), 1979): each range
 * is cut into n equal strata, every stratum is used exactly once per parameter, strata are paired across
 * parameters by independent random permutations, and a point is drawn uniformly inside its stratum.
 * The hypercube depends only on (seed, n, parameters), so a design is reproducible.
 */
import { seedStream, TWO_POW_MINUS_32, xoshiroNext } from '../assure/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import type { SweepParam, SweepValue } from './param.js';

/** One point of a design: a value for each parameter, in the parameters' order. */
export interface SweepPoint {
  /** 0-based position in the design. */
  readonly index: number;
  readonly values: readonly SweepValue[];
}

export type Design = { readonly kind: 'grid' } | { readonly kind: 'lhs'; readonly points: number };

/** Designs larger than this are refused (a typo such as lhs:1000000 would otherwise queue for days). */
export const MAX_POINTS = 100_000;

/** Parses `grid` or `lhs:N`. */
export function parseDesign(text: string): Result<Design> {
  if (text === 'grid') return ok({ kind: 'grid' });
  const m = /^lhs:(\d+)$/.exec(text);
  const n = m === null ? NaN : Number(m[1]);
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_POINTS)
    return fail([
      issue('sweep.design', ['design'], `expected grid or lhs:N (1 ≤ N ≤ ${MAX_POINTS}), got "${text}"`),
    ]);
  return ok({ kind: 'lhs', points: n });
}

/** Every combination of listed values; the first parameter varies slowest. */
export function gridDesign(params: readonly SweepParam[]): Result<SweepPoint[]> {
  const ranged = params.find((p) => p.values === undefined);
  if (ranged !== undefined)
    return fail([
      issue(
        'sweep.grid-range',
        ['param'],
        `"${ranged.name}": a grid needs listed values (a,b,…), not a range`,
      ),
    ]);
  const lists = params.map((p) => p.values!);
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (total > MAX_POINTS)
    return fail([issue('sweep.too-many', ['param'], `the grid has ${total} points (at most ${MAX_POINTS})`)]);
  const points: SweepPoint[] = [];
  for (let i = 0; i < total; i++) {
    let rest = i;
    const values: SweepValue[] = new Array<SweepValue>(lists.length);
    for (let d = lists.length - 1; d >= 0; d--) {
      const l = lists[d]!;
      values[d] = l[rest % l.length]!;
      rest = Math.floor(rest / l.length);
    }
    points.push({ index: i, values });
  }
  return ok(points);
}

/**
 * A Latin hypercube of `n` points over the parameters' ranges (each parameter needs `lo..hi`). Values in
 * [lo, hi); a parameter with lo = hi is constant. Uses xoshiro128** seeded from (seed, parameter index).
 */
export function lhsDesign(params: readonly SweepParam[], n: number, seed: number): Result<SweepPoint[]> {
  const listed = params.find((p) => p.range === undefined);
  if (listed !== undefined)
    return fail([
      issue('sweep.lhs-values', ['param'], `"${listed.name}": a Latin hypercube needs a range lo..hi`),
    ]);
  const columns = params.map((p, d) => {
    const [lo, hi] = p.range!;
    const state = new Uint32Array(4);
    seedStream(seed >>> 0, d, state);
    const uniform = (): number => xoshiroNext(state) * TWO_POW_MINUS_32;
    const strata = Array.from({ length: n }, (_, i) => i);
    // Fisher–Yates (Knuth, TAOCP vol. 2, Algorithm P).
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      const t = strata[i]!;
      strata[i] = strata[j]!;
      strata[j] = t;
    }
    return strata.map((s) => lo + ((s + uniform()) / n) * (hi - lo));
  });
  return ok(Array.from({ length: n }, (_, i) => ({ index: i, values: columns.map((c) => c[i]!) })));
}

/** The design's points: a grid of the listed values, or a seeded Latin hypercube of the ranges. */
export function buildDesign(
  params: readonly SweepParam[],
  design: Design,
  seed: number,
): Result<SweepPoint[]> {
  if (params.length === 0)
    return fail([issue('sweep.no-params', ['param'], 'a sweep needs at least one --param')]);
  switch (design.kind) {
    case 'grid':
      return gridDesign(params);
    case 'lhs':
      return lhsDesign(params, design.points, seed);
    default: {
      const never: never = design;
      return never;
    }
  }
}
