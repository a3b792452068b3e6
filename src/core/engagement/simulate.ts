/**
 * Numeric integration of Lanchester's equations with reinforcements (docs/engagement.md §3).
 *
 *     square law (aimed fire):  dx/dt = −a·y⁺ + P(t),      dy/dt = −b·x⁺ + Q(t)
 *     linear law (area fire):   dx/dt = −a·x⁺·y⁺ + P(t),   dy/dt = −b·x⁺·y⁺ + Q(t)
 *
 * x is blue, y is red, s⁺ = max(s, 0): a side at 0 stops firing and cannot go below 0. P and Q are
 * impulses: an arrival of s on day d adds s at t = d − 1, the start of that day (Engel 1954 spreads each
 * day's landings over that day instead; docs/engagement.md §5 measures the difference for Iwo Jima).
 *
 * Method: classical fourth-order Runge–Kutta with a fixed sub-step h = 1/n day (n ≥ 256, raised for fast
 * battles so that λ·h ≤ 1/20). When a side crosses 0 inside a sub-step, the step is cut at the crossing
 * (secant refinement on the RK4 step length), the side is set to exactly 0 and the rest of the sub-step
 * is integrated without it. The whole run is repeated with 2h and the Richardson estimate
 * max |s_h − s_2h| / 15 over the daily strengths is returned as `errorEstimate` (RK4's global error is
 * O(h⁴), so the estimate is ~1/15 of the coarse run's error).
 */
import type { Issue } from '../shared/index.js';
import { issue } from '../shared/index.js';

export const lanchesterLaws = ['square', 'linear'] as const;
export type LanchesterLaw = (typeof lanchesterLaws)[number];

/** `strength` arrives at the start of day `day` (1 = the first day, i.e. at t = day − 1). */
export interface Arrival {
  readonly day: number;
  readonly strength: number;
}

export interface EngagementSpec {
  readonly law: LanchesterLaw;
  /** Initial strengths, ≥ 0. */
  readonly x0: number;
  readonly y0: number;
  /** Red's effectiveness against blue and blue's against red, ≥ 0, per day. */
  readonly a: number;
  readonly b: number;
  /** Arrivals, days in 1 … `days`; several on one day add up. */
  readonly blueReinforcements: readonly Arrival[];
  readonly redReinforcements: readonly Arrival[];
  /** Length of the engagement in days, integer ≥ 1. */
  readonly days: number;
  /** RK4 sub-steps per day (an even integer ≥ 2); by default chosen from the fastest rate (≥ 256). */
  readonly stepsPerDay?: number;
}

export interface DayStrengths {
  /** 0 … days: the strengths at the end of that day (day 0 = the start, before any arrival). */
  readonly day: number;
  readonly blue: number;
  readonly red: number;
}

export interface EngagementResult {
  readonly law: LanchesterLaw;
  readonly days: number;
  readonly stepsPerDay: number;
  /** One entry per day 0 … days. */
  readonly series: readonly DayStrengths[];
  /** Initial strength plus every arrival minus the final strength. */
  readonly casualties: { readonly blue: number; readonly red: number };
  readonly reinforcements: { readonly blue: number; readonly red: number };
  /**
   * The first time (in days since the start, fractional: 35.4 is during day 36) a side with positive
   * strength reached 0; null if it never did. A side that starts at 0 is not annihilated by that, and a
   * later arrival does not undo the date. Under the linear law strengths only decay towards 0, so this is
   * null unless the integration itself reaches 0.
   */
  readonly annihilated: { readonly blue: number | null; readonly red: number | null };
  /** Richardson estimate of the integration error in the daily strengths (same unit as the strengths). */
  readonly errorEstimate: number;
}

/** Every problem with a spec (paths name its fields). An empty list means `simulateEngagement` accepts it. */
export function checkEngagementSpec(spec: EngagementSpec): Issue[] {
  const out: Issue[] = [];
  const nonNegative = (v: number, field: string): void => {
    if (!Number.isFinite(v) || v < 0)
      out.push(issue('engagement.range', [field], `must be a finite number ≥ 0`));
  };
  if (!lanchesterLaws.includes(spec.law))
    out.push(issue('engagement.law', ['law'], 'must be square or linear'));
  nonNegative(spec.x0, 'x0');
  nonNegative(spec.y0, 'y0');
  nonNegative(spec.a, 'a');
  nonNegative(spec.b, 'b');
  if (!Number.isInteger(spec.days) || spec.days < 1)
    out.push(issue('engagement.range', ['days'], 'must be an integer ≥ 1'));
  const arrivals = (list: readonly Arrival[], field: string): void =>
    list.forEach((r, i) => {
      if (!Number.isInteger(r.day) || r.day < 1 || r.day > spec.days)
        out.push(
          issue('engagement.arrival-day', [field, i, 'day'], `must be a whole day in 1 … ${spec.days}`),
        );
      if (!Number.isFinite(r.strength) || r.strength < 0)
        out.push(issue('engagement.range', [field, i, 'strength'], 'must be a finite number ≥ 0'));
    });
  arrivals(spec.blueReinforcements, 'blueReinforcements');
  arrivals(spec.redReinforcements, 'redReinforcements');
  const n = spec.stepsPerDay;
  if (n !== undefined && (!Number.isInteger(n) || n < 2 || n % 2 !== 0))
    out.push(issue('engagement.range', ['stepsPerDay'], 'must be an even integer ≥ 2'));
  return out;
}

const minSteps = 256;
const maxSteps = 65_536;

/**
 * Sub-steps per day: at least 256, and enough that λ·h ≤ 1/20 for the fastest rate λ (√(ab) for the
 * square law; a·Ymax and b·Xmax for the linear law, with Xmax, Ymax the initial strength plus every
 * arrival), rounded up to a power of two and capped at 65,536.
 */
function defaultSteps(spec: EngagementSpec, blueTotal: number, redTotal: number): number {
  const lambda =
    spec.law === 'square' ? Math.sqrt(spec.a * spec.b) : Math.max(spec.a * redTotal, spec.b * blueTotal);
  let n = minSteps;
  while (n < maxSteps && lambda / n > 1 / 20) n *= 2;
  return n;
}

/**
 * Integrates the engagement day by day. Throws `RangeError` for a spec `checkEngagementSpec` rejects (the
 * file loader checks first, so that is a bug). Pure and deterministic.
 */
export function simulateEngagement(spec: EngagementSpec): EngagementResult {
  const problems = checkEngagementSpec(spec);
  if (problems.length > 0)
    throw new RangeError(
      `invalid engagement: ${problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ')}`,
    );
  const blueIn = arrivalsByDay(spec.blueReinforcements, spec.days);
  const redIn = arrivalsByDay(spec.redReinforcements, spec.days);
  const blueTotal = sum(blueIn);
  const redTotal = sum(redIn);
  const n = spec.stepsPerDay ?? defaultSteps(spec, spec.x0 + blueTotal, spec.y0 + redTotal);
  const fine = integrate(spec, blueIn, redIn, n);
  const coarse = integrate(spec, blueIn, redIn, n / 2);
  let err = 0;
  for (let i = 0; i < fine.blue.length; i++)
    err = Math.max(
      err,
      Math.abs((fine.blue[i] ?? 0) - (coarse.blue[i] ?? 0)),
      Math.abs((fine.red[i] ?? 0) - (coarse.red[i] ?? 0)),
    );
  const series: DayStrengths[] = [];
  for (let d = 0; d <= spec.days; d++)
    series.push({ day: d, blue: fine.blue[d] ?? 0, red: fine.red[d] ?? 0 });
  const last = series[spec.days] ?? { blue: 0, red: 0 };
  return {
    law: spec.law,
    days: spec.days,
    stepsPerDay: n,
    series,
    casualties: { blue: spec.x0 + blueTotal - last.blue, red: spec.y0 + redTotal - last.red },
    reinforcements: { blue: blueTotal, red: redTotal },
    annihilated: { blue: fine.blueDead, red: fine.redDead },
    errorEstimate: err / 15,
  };
}

/** Arrivals summed per day, index 1 … days. */
function arrivalsByDay(list: readonly Arrival[], days: number): Float64Array {
  const out = new Float64Array(days + 1);
  for (const r of list) out[r.day] = (out[r.day] ?? 0) + r.strength;
  return out;
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

interface Run {
  blue: Float64Array;
  red: Float64Array;
  blueDead: number | null;
  redDead: number | null;
}

/** The integration loop: plain numbers, no allocation per step (STYLE.md habit 8). */
function integrate(spec: EngagementSpec, blueIn: Float64Array, redIn: Float64Array, n: number): Run {
  const { a, b } = spec;
  const linear = spec.law === 'linear';
  const h = 1 / n;
  const blue = new Float64Array(spec.days + 1);
  const red = new Float64Array(spec.days + 1);
  let x = spec.x0;
  let y = spec.y0;
  let blueDead: number | null = null;
  let redDead: number | null = null;
  blue[0] = x;
  red[0] = y;
  // One RK4 step of length s from (x, y), result in (sx, sy): created once per run, it returns through two
  // locals instead of an object so that a step allocates nothing.
  let sx = 0;
  let sy = 0;
  const step = (x: number, y: number, s: number): void => {
    let xp = x > 0 ? x : 0;
    let yp = y > 0 ? y : 0;
    const k1x = linear ? -a * xp * yp : -a * yp;
    const k1y = linear ? -b * xp * yp : -b * xp;
    let xm = x + 0.5 * s * k1x;
    let ym = y + 0.5 * s * k1y;
    xp = xm > 0 ? xm : 0;
    yp = ym > 0 ? ym : 0;
    const k2x = linear ? -a * xp * yp : -a * yp;
    const k2y = linear ? -b * xp * yp : -b * xp;
    xm = x + 0.5 * s * k2x;
    ym = y + 0.5 * s * k2y;
    xp = xm > 0 ? xm : 0;
    yp = ym > 0 ? ym : 0;
    const k3x = linear ? -a * xp * yp : -a * yp;
    const k3y = linear ? -b * xp * yp : -b * xp;
    xm = x + s * k3x;
    ym = y + s * k3y;
    xp = xm > 0 ? xm : 0;
    yp = ym > 0 ? ym : 0;
    const k4x = linear ? -a * xp * yp : -a * yp;
    const k4y = linear ? -b * xp * yp : -b * xp;
    sx = x + (s / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    sy = y + (s / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
  };
  for (let d = 1; d <= spec.days; d++) {
    x += blueIn[d] ?? 0;
    y += redIn[d] ?? 0;
    for (let i = 0; i < n; i++) {
      let t = d - 1 + i * h;
      let left = h;
      // At most two crossings per sub-step (one per side); the loop ends when the sub-step is used up.
      while (left > 0) {
        step(x, y, left);
        const blueCrosses = x > 0 && sx <= 0;
        const redCrosses = y > 0 && sy <= 0;
        if (!blueCrosses && !redCrosses) {
          x = sx > 0 ? sx : 0;
          y = sy > 0 ? sy : 0;
          break;
        }
        // Cut the step where the first side reaches 0: linear guess, then secant on the step length.
        const sb = blueCrosses ? crossing(x, y, left, sx, true) : Infinity;
        const sr = redCrosses ? crossing(x, y, left, sy, false) : Infinity;
        const s = Math.min(sb, sr);
        step(x, y, s);
        x = sx > 0 ? sx : 0;
        y = sy > 0 ? sy : 0;
        if (sb <= sr) {
          x = 0;
          blueDead ??= t + s;
        }
        if (sr <= sb) {
          y = 0;
          redDead ??= t + s;
        }
        t += s;
        left -= s;
      }
    }
    blue[d] = x;
    red[d] = y;
  }
  return { blue, red, blueDead, redDead };

  /** Step length in (0, full] at which the blue (or red) component of one RK4 step from (x, y) is 0. */
  function crossing(x: number, y: number, full: number, end: number, isBlue: boolean): number {
    const start = isBlue ? x : y;
    let s0 = 0;
    let f0 = start;
    let s1 = full;
    let f1 = end;
    for (let k = 0; k < 8 && f1 !== f0; k++) {
      const s2 = s1 - (f1 * (s1 - s0)) / (f1 - f0);
      if (!(s2 > 0 && s2 <= full)) break;
      step(x, y, s2);
      s0 = s1;
      f0 = f1;
      s1 = s2;
      f1 = isBlue ? sx : sy;
      if (Math.abs(f1) <= 1e-12 * Math.max(1, start)) break;
    }
    return Math.min(full, Math.max(s1, Number.MIN_VALUE));
  }
}
