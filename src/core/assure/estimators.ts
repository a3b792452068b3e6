/**
 * Statistics of merged Monte Carlo counts. All inputs are integer counts; outputs are rounded to 6 decimals
 * so that the JSON of a result is stable.
 */

/** Rounds to 6 decimals (results are estimates; more digits are noise and make JSON diffs noisy). */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Two-sided 95% normal quantile. */
export const Z95 = 1.959963984540054;

export interface Proportion {
  readonly count: number;
  readonly n: number;
  /** Estimate k / n. */
  readonly p: number;
  /** Wilson score interval (95%). */
  readonly lo: number;
  readonly hi: number;
}

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, JASA 22, 1927):
 * (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n). Well behaved at k = 0 and k = n.
 */
export function wilson(count: number, n: number, z = Z95): Proportion {
  if (n <= 0) return { count, n, p: 0, lo: 0, hi: 1 };
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return {
    count,
    n,
    p: round6(p),
    lo: round6(Math.max(0, centre - half)),
    hi: round6(Math.min(1, centre + half)),
  };
}

export interface SurvivalCurve {
  /** Days at which the curve is reported (a grid over 0 … T, always including T). */
  readonly days: readonly number[];
  /** Kaplan–Meier estimate S(day) and its 95% interval (Greenwood variance, log-log transform). */
  readonly survival: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** First day with S ≤ 0.5, or null when the curve stays above one half (median not reached). */
  readonly medianDay: number | null;
}

/**
 * Kaplan–Meier estimate (Kaplan and Meier, JASA 53, 1958) from a histogram of event days: `hist[d]` runs had
 * the event on day d (1 … T), `hist[T + 1]` runs were censored at the horizon. With censoring only at the
 * horizon the estimate equals the empirical survival; it is computed in the general product form so that
 * other censoring can be added. Greenwood's variance with the log(−log) interval (Kalbfleisch–Prentice).
 */
export function kaplanMeier(hist: Float64Array, horizon: number, points = 100): SurvivalCurve {
  let atRisk = 0;
  for (let d = 1; d <= horizon + 1; d++) atRisk += hist[d] ?? 0;
  const step = Math.max(1, Math.round(horizon / points));
  const days: number[] = [];
  const survival: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  let S = 1;
  let greenwood = 0;
  let medianDay: number | null = null;
  const push = (d: number): void => {
    days.push(d);
    survival.push(round6(S));
    if (S <= 0 || S >= 1 || greenwood === 0) {
      lo.push(round6(S));
      hi.push(round6(S));
      return;
    }
    const se = Math.sqrt(greenwood) / Math.abs(Math.log(S));
    lo.push(round6(S ** Math.exp(Z95 * se)));
    hi.push(round6(S ** Math.exp(-Z95 * se)));
  };
  push(0);
  for (let d = 1; d <= horizon; d++) {
    const events = hist[d] ?? 0;
    if (events > 0 && atRisk > 0) {
      S *= 1 - events / atRisk;
      if (atRisk > events) greenwood += events / (atRisk * (atRisk - events));
      atRisk -= events;
    }
    if (medianDay === null && S <= 0.5) medianDay = d;
    if (d % step === 0 || d === horizon) push(d);
  }
  return { days, survival, lo, hi, medianDay };
}

/** Cumulative probability of the event by day `d` from a first-event histogram (1 − S(d)). */
export function eventProbabilityBy(hist: Float64Array, day: number): number {
  let n = 0;
  let k = 0;
  for (let i = 0; i < hist.length; i++) {
    n += hist[i]!;
    if (i >= 1 && i <= day) k += hist[i]!;
  }
  return n > 0 ? k / n : 0;
}

/**
 * Quantile q of a histogram: the value of the first bin whose cumulative count reaches q · n (inverse of
 * the empirical CDF). `valueOf(bin)` maps a bin to the value it reports. Null for an empty histogram.
 */
export function histogramQuantile(
  hist: Float64Array,
  q: number,
  valueOf: (bin: number) => number = (b) => b,
  from = 0,
  to = hist.length,
): number | null {
  let n = 0;
  for (let i = from; i < to; i++) n += hist[i]!;
  if (n === 0) return null;
  const target = Math.max(1, Math.ceil(q * n));
  let c = 0;
  for (let i = from; i < to; i++) {
    c += hist[i]!;
    if (c >= target) return valueOf(i);
  }
  return valueOf(to - 1);
}

export interface PairedDifference {
  /** p(variant) − p(baseline), on the same runs (common random numbers). */
  readonly difference: number;
  /** 95% interval for the difference of paired proportions (Wald, with the paired variance). */
  readonly lo: number;
  readonly hi: number;
  /** Runs where only the variant, or only the baseline, had the event. */
  readonly onlyVariant: number;
  readonly onlyBaseline: number;
}

/**
 * Difference of two proportions measured on the same runs. With b runs where only the variant had the event
 * and c where only the baseline had it, d = (b − c) / n and Var(d) = (b + c − n·d²) / n² (the paired,
 * McNemar-type variance: it is small when the two variants mostly agree run by run, which is the point of
 * common random numbers).
 */
export function pairedDifference(onlyVariant: number, onlyBaseline: number, n: number): PairedDifference {
  if (n <= 0) return { difference: 0, lo: 0, hi: 0, onlyVariant, onlyBaseline };
  const d = (onlyVariant - onlyBaseline) / n;
  const v = Math.max(0, (onlyVariant + onlyBaseline - n * d * d) / (n * n));
  const h = Z95 * Math.sqrt(v);
  return { difference: round6(d), lo: round6(d - h), hi: round6(d + h), onlyVariant, onlyBaseline };
}
