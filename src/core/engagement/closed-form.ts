/**
 * Exact solutions of Lanchester's attrition equations without reinforcements.
 *
 * Blue has strength x, red has strength y. a is red's effectiveness against blue and b is blue's
 * effectiveness against red, both per day. Strengths are headcounts, or any unit used the same way on both
 * sides.
 *
 * - Square law (aimed fire): dx/dt = −a·y, dy/dt = −b·x. Invariant: b·x² − a·y² = K.
 * - Linear law (area fire): dx/dt = −a·x·y, dy/dt = −b·x·y. Invariant: b·x − a·y = C, which is the same
 *   as b·(x0 − x) = a·(y0 − y).
 *
 * Sources: F. W. Lanchester, "Aircraft in Warfare: The Dawn of the Fourth Arm", Constable, London, 1916,
 * ch. V–VI (the N-square law). J. H. Engel, "A verification of Lanchester's law", Journal of the Operations
 * Research Society of America 2(2):163–171, 1954 (the square law with reinforcements, fitted to Iwo Jima).
 * The linear-law solution below is the logistic equation that the invariant gives (derived in
 * docs/engagement.md §2).
 */

/** The strengths of both sides at one moment. */
export interface Strengths {
  readonly blue: number;
  readonly red: number;
}

/** What each side has lost since t = 0: initial strength minus current strength (≥ 0). */
export interface Losses {
  blueLost: number;
  redLost: number;
}

/** How a square-law battle without reinforcements ends. */
export type SquareLawOutcome =
  /** One side reaches 0 at `time` (in days); the winner keeps `survivors`. */
  | {
      readonly kind: 'annihilation';
      readonly loser: 'blue' | 'red';
      readonly time: number;
      readonly survivors: number;
    }
  /** b·x0² = a·y0² (both decline together towards 0 but never reach it), or nobody fires. */
  | { readonly kind: 'no-annihilation' };

/**
 * Square-law strengths at time t, written into `out`. Before a side reaches 0, with λ = √(a·b):
 *
 *     x(t) = x0·cosh(λt) − √(a/b)·y0·sinh(λt),   y(t) = y0·cosh(λt) − √(b/a)·x0·sinh(λt)
 *
 * computed as √b·x = ½(v·e^{−λt} + u·e^{λt}) and √a·y = ½(v·e^{−λt} − u·e^{λt}) with u = √b·x0 − √a·y0,
 * v = √b·x0 + √a·y0: one `Math.exp`, no `cosh`/`sinh`, and K = b·x0² − a·y0² = u·v without cancellation.
 * Once the loser's formula reaches 0 it stays there (it no longer fires) and the winner keeps √(K/b)
 * (blue, K > 0) or √(−K/a) (red). With a = 0 or b = 0 one side takes no losses and the other declines
 * linearly.
 */
function squareLawInto(x0: number, y0: number, a: number, b: number, t: number, out: MutableStrengths): void {
  if (t === 0) {
    out.blue = x0;
    out.red = y0;
    return;
  }
  if (a === 0 || b === 0) {
    // Only one side (or neither) inflicts losses, at a constant rate: the shooter's strength never changes.
    out.blue = a === 0 ? x0 : Math.max(0, x0 - a * y0 * t);
    out.red = b === 0 ? y0 : Math.max(0, y0 - b * x0 * t);
    return;
  }
  const sa = Math.sqrt(a);
  const sb = Math.sqrt(b);
  const grow = Math.exp(sa * sb * t);
  const u = sb * x0 - sa * y0;
  const v = sb * x0 + sa * y0;
  // u = 0 (a draw) times an infinite exponential would be NaN; the growing term is then simply absent.
  const g = u === 0 ? 0 : u * grow;
  const d = v / grow;
  let x = (0.5 * (d + g)) / sb;
  let y = (0.5 * (d - g)) / sa;
  if (x <= 0 || y <= 0) {
    // The loser is the side the sign of u (of K) names, also when both terms underflow near a draw.
    if (u >= 0) {
      y = 0;
      x = Math.sqrt(u * v) / sb;
    } else {
      x = 0;
      y = Math.sqrt(-u * v) / sa;
    }
  }
  // Without reinforcements strengths never rise: clamping removes rounding (the cancellation in u·e^{λt}).
  out.blue = x < x0 ? x : x0;
  out.red = y < y0 ? y : y0;
}

interface MutableStrengths {
  blue: number;
  red: number;
}

/**
 * Exact square-law strengths at time t (days) with no reinforcements, valid for all t ≥ 0: after a side
 * reaches 0 it stays at 0 and the winner keeps its final strength.
 *
 * Ranges: x0, y0 in [0, 1e12]; a, b either 0 or in [1e-12, 1e3] per day; t ≥ 0 days. Outside them (for
 * instance subnormal rates, whose square roots lose all precision) the result is unspecified.
 */
export function squareLawClosedForm(x0: number, y0: number, a: number, b: number, t: number): Strengths {
  const out: MutableStrengths = { blue: 0, red: 0 };
  squareLawInto(x0, y0, a, b, t, out);
  return out;
}

const scratch: MutableStrengths = { blue: 0, red: 0 };

/**
 * Losses of each side after t days of square-law fire with no reinforcements: the attrition of one attack
 * in the Monte Carlo, called once per simulated attack.
 *
 * Units: x0 and y0 in persons (or any unit used the same way on both sides); a is red's effectiveness
 * against blue and b blue's against red, in blue (red) casualties per red (blue) unit per day; t in days.
 * Ranges: x0, y0 in [0, 1e12]; a, b either 0 or in [1e-12, 1e3]; t ≥ 0. Inputs are not checked (this is a
 * hot path); outside the ranges the result is unspecified. Returns 0 ≤ blueLost ≤ x0 and 0 ≤ redLost ≤ y0
 * (up to rounding, ~1e-15 relative).
 *
 * Cost: one `Math.exp` and two `Math.sqrt` (a third when a side is annihilated), no allocation beyond the
 * returned object; pass `out` to reuse an object and allocate nothing.
 */
export function squareLawLosses(
  x0: number,
  y0: number,
  a: number,
  b: number,
  t: number,
  out: Losses = { blueLost: 0, redLost: 0 },
): Losses {
  squareLawInto(x0, y0, a, b, t, scratch);
  out.blueLost = x0 - scratch.blue;
  out.redLost = y0 - scratch.red;
  return out;
}

/**
 * When and how a square-law battle without reinforcements ends (ranges as for `squareLawClosedForm`).
 * With a, b > 0 and K = b·x0² − a·y0²: red is annihilated when K > 0, at tanh(λt) = √a·y0 / (√b·x0);
 * blue when K < 0, at tanh(λt) = √b·x0 / (√a·y0); nobody when K = 0. The time is computed as
 * ½·ln(v/|u|)/λ (u, v as in the closed form), the same number without atanh's loss of precision near 1,
 * so it is the instant at which `squareLawClosedForm` itself reaches 0.
 */
export function squareLawOutcome(x0: number, y0: number, a: number, b: number): SquareLawOutcome {
  if (a === 0 && b === 0) return { kind: 'no-annihilation' };
  if (a === 0 || b === 0) {
    // One-sided fire: the target falls linearly, unless the shooter is absent or the target already is.
    const [shooter, target, rate, loser] =
      a === 0 ? [x0, y0, b, 'red' as const] : [y0, x0, a, 'blue' as const];
    if (shooter === 0 || target === 0) return { kind: 'no-annihilation' };
    return { kind: 'annihilation', loser, time: target / (rate * shooter), survivors: shooter };
  }
  // In u = √b·x0 − √a·y0 and v = √b·x0 + √a·y0, as the closed form computes them (K = u·v): the loser is
  // the side the sign of u names, and the time is atanh of the smaller ratio written as ½·ln(v/|u|), which
  // keeps its precision near a draw, where atanh(1 − ε) would lose it to the rounding of the ratio.
  const sa = Math.sqrt(a);
  const sb = Math.sqrt(b);
  const u = sb * x0 - sa * y0;
  const v = sb * x0 + sa * y0;
  if (u === 0) return { kind: 'no-annihilation' };
  const time = (0.5 * Math.log(v / Math.abs(u))) / (sa * sb);
  if (u > 0) {
    if (y0 === 0) return { kind: 'no-annihilation' };
    return { kind: 'annihilation', loser: 'red', time, survivors: Math.sqrt(u * v) / sb };
  }
  if (x0 === 0) return { kind: 'no-annihilation' };
  return { kind: 'annihilation', loser: 'blue', time, survivors: Math.sqrt(-u * v) / sa };
}

/**
 * (1 − e^{−c·t}) / c, and t when c = 0: the integrating factor of the logistic equation, accurate for
 * small c·t through `Math.expm1`.
 */
function logisticFactor(c: number, t: number): number {
  return c === 0 ? t : -Math.expm1(-c * t) / c;
}

/**
 * Exact linear-law strengths at time t (days) with no reinforcements.
 *
 * With C = b·x0 − a·y0 (the invariant b·x − a·y), a·y = b·x − C turns dx/dt = −a·x·y into the logistic
 * equation dx/dt = C·x − b·x², whose solution is
 *
 *     x(t) = x0 / (1 + a·y0·g(C, t)),   y(t) = y0 / (1 + b·x0·g(−C, t)),   g(c, t) = (1 − e^{−c·t}) / c
 *
 * (g(0, t) = t). Neither side reaches 0 in finite time: the loser decays exponentially, the winner tends to
 * C/b (blue) or −C/a (red). Valid for a = 0 or b = 0 as well. Ranges: x0, y0, a, b, t ≥ 0 and finite,
 * rates not subnormal.
 */
export function linearLawClosedForm(x0: number, y0: number, a: number, b: number, t: number): Strengths {
  const c = b * x0 - a * y0;
  // g(c, t) can overflow to Infinity for the loser; x0 / Infinity is then the correct limit 0.
  return {
    blue: x0 / (1 + a * y0 * logisticFactor(c, t)),
    red: y0 / (1 + b * x0 * logisticFactor(-c, t)),
  };
}
