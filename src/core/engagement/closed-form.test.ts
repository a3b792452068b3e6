import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  linearLawClosedForm,
  squareLawClosedForm,
  squareLawLosses,
  squareLawOutcome,
} from './closed-form.js';

// The documented ranges: 0 or a realistic magnitude (subnormal rates are outside them).
const strength = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e5, noNaN: true }));
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 0.2, noNaN: true }));
const time = fc.double({ min: 0, max: 120, noNaN: true });

describe('squareLawClosedForm', () => {
  it('matches hand-computed reference values', () => {
    // K = 0.04·1000² − 0.05·800² = 8000 > 0: red is annihilated; blue keeps √(K/b) = √200000.
    const end = squareLawClosedForm(1000, 800, 0.05, 0.04, 1000);
    expect(end.red).toBe(0);
    expect(end.blue).toBeCloseTo(Math.sqrt(200_000), 9);
    // λ = √(ab) = √0.002, r = √(a/b) = √1.25; x(10) = 1000·cosh(10λ) − r·800·sinh(10λ).
    const l = Math.sqrt(0.002) * 10;
    const at10 = squareLawClosedForm(1000, 800, 0.05, 0.04, 10);
    expect(at10.blue).toBeCloseTo(1000 * Math.cosh(l) - Math.sqrt(1.25) * 800 * Math.sinh(l), 9);
    expect(at10.red).toBeCloseTo(800 * Math.cosh(l) - (1000 / Math.sqrt(1.25)) * Math.sinh(l), 9);
    expect(squareLawClosedForm(1000, 800, 0.05, 0.04, 0)).toEqual({ blue: 1000, red: 800 });
  });

  it('keeps b·x² − a·y² constant, before and after an annihilation', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, time, (x0, y0, a, b, t) => {
        const s = squareLawClosedForm(x0, y0, a, b, t);
        if (a === 0 || b === 0) return; // one-sided fire: no hyperbola (tested below)
        const scale = Math.max(b * x0 * x0, a * y0 * y0, 1e-300);
        expect(Math.abs(b * s.blue ** 2 - a * s.red ** 2 - (b * x0 ** 2 - a * y0 ** 2)) / scale).toBeLessThan(
          1e-9,
        );
      }),
    );
  });

  it('stays in [0, initial], never NaN, even when λt overflows the exponential', () => {
    fc.assert(
      fc.property(
        strength,
        strength,
        rate,
        rate,
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (x0, y0, a, b, t) => {
          const s = squareLawClosedForm(x0, y0, a * 50, b * 50, t);
          expect(s.blue).toBeGreaterThanOrEqual(0);
          expect(s.red).toBeGreaterThanOrEqual(0);
          expect(s.blue).toBeLessThanOrEqual(x0 * (1 + 1e-12));
          expect(s.red).toBeLessThanOrEqual(y0 * (1 + 1e-12));
        },
      ),
    );
    // The draw (K = 0) with an infinite exponential: both decay as e^{−λt}.
    expect(squareLawClosedForm(100, 100, 1, 1, 1e6)).toEqual({ blue: 0, red: 0 });
  });

  it('handles one-sided fire (a = 0 or b = 0) and an absent side', () => {
    expect(squareLawClosedForm(100, 50, 0, 0.1, 2)).toEqual({ blue: 100, red: 30 });
    expect(squareLawClosedForm(100, 50, 0, 0.1, 10)).toEqual({ blue: 100, red: 0 });
    expect(squareLawClosedForm(100, 50, 0.5, 0, 3)).toEqual({ blue: 25, red: 50 });
    expect(squareLawClosedForm(100, 50, 0, 0, 3)).toEqual({ blue: 100, red: 50 });
    expect(squareLawClosedForm(0, 50, 0.1, 0.1, 3)).toEqual({ blue: 0, red: 50 });
  });
});

describe('squareLawOutcome', () => {
  it('gives the annihilation time at which the closed form reaches 0', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, (x0, y0, a, b) => {
        const o = squareLawOutcome(x0, y0, a, b);
        if (o.kind !== 'annihilation' || !Number.isFinite(o.time)) return;
        const before = squareLawClosedForm(x0, y0, a, b, o.time * (1 - 1e-6));
        const after = squareLawClosedForm(x0, y0, a, b, o.time * (1 + 1e-6) + 1e-9);
        expect(o.loser === 'blue' ? after.blue : after.red).toBe(0);
        expect(o.loser === 'blue' ? after.red : after.blue).toBeCloseTo(o.survivors, 6);
        expect(o.loser === 'blue' ? before.blue : before.red).toBeGreaterThanOrEqual(0);
      }),
    );
    // A near-draw (strengths one ulp apart): the time used to come from atanh(1 − 2e-16), whose rounding
    // put it before the closed form's zero (CI counterexample, 3 Dec 2026).
    const near = squareLawOutcome(0.001, 0.0010000000000000002, 1e-9, 1e-9);
    expect(near.kind).toBe('annihilation');
    if (near.kind === 'annihilation') {
      expect(squareLawClosedForm(0.001, 0.0010000000000000002, 1e-9, 1e-9, near.time * (1 + 1e-6)).blue).toBe(
        0,
      );
      expect(
        squareLawClosedForm(0.001, 0.0010000000000000002, 1e-9, 1e-9, near.time * (1 - 1e-6)).blue,
      ).toBeGreaterThan(0);
    }
    expect(squareLawOutcome(100, 100, 1, 1)).toEqual({ kind: 'no-annihilation' });
    expect(squareLawOutcome(100, 50, 0, 0.1)).toEqual({
      kind: 'annihilation',
      loser: 'red',
      time: 5,
      survivors: 100,
    });
  });
});

describe('squareLawLosses', () => {
  it('is the initial strength minus the closed form, within [0, initial]', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, time, (x0, y0, a, b, t) => {
        const l = squareLawLosses(x0, y0, a, b, t);
        const s = squareLawClosedForm(x0, y0, a, b, t);
        expect(l.blueLost).toBeCloseTo(x0 - s.blue, 6);
        expect(l.redLost).toBeCloseTo(y0 - s.red, 6);
        expect(l.blueLost).toBeGreaterThanOrEqual(-1e-9 * x0);
        expect(l.redLost).toBeLessThanOrEqual(y0 * (1 + 1e-12));
      }),
    );
  });

  it('writes into `out` when given one', () => {
    const out = { blueLost: -1, redLost: -1 };
    expect(squareLawLosses(100, 50, 0, 0.1, 2, out)).toBe(out);
    expect(out).toEqual({ blueLost: 0, redLost: 20 });
  });

  it('more blue at the start never gives red fewer casualties, nor blue more while blue survives', () => {
    fc.assert(
      fc.property(strength, strength, strength, rate, rate, time, (x0, extra, y0, a, b, t) => {
        const base = squareLawLosses(x0, y0, a, b, t);
        const more = squareLawLosses(x0 + extra, y0, a, b, t);
        const tol = 1e-9 * (x0 + extra + y0 + 1);
        expect(more.redLost).toBeGreaterThanOrEqual(base.redLost - tol);
        // Blue's losses are ∫ a·y dt and more blue means less red at every moment, so they fall, unless
        // the smaller blue force is wiped out: it then loses only what it had (see the next test).
        if (squareLawClosedForm(x0, y0, a, b, t).blue > 0)
          expect(more.blueLost).toBeLessThanOrEqual(base.blueLost + tol);
      }),
    );
  });

  it('a larger blue force that still loses can lose more people than a smaller one had', () => {
    // Against 1,000 red with equal rates, 10 blue are gone in about a day and 11 blue too: 11 lost > 10.
    expect(squareLawLosses(11, 1000, 0.01, 0.01, 30).blueLost).toBeGreaterThan(
      squareLawLosses(10, 1000, 0.01, 0.01, 30).blueLost,
    );
  });

  it("red's losses never fall as the battle goes on", () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, time, time, (x0, y0, a, b, t1, dt) => {
        const early = squareLawLosses(x0, y0, a, b, t1);
        const late = squareLawLosses(x0, y0, a, b, t1 + dt);
        const tol = 1e-9 * (x0 + y0 + 1);
        expect(late.redLost).toBeGreaterThanOrEqual(early.redLost - tol);
        expect(late.blueLost).toBeGreaterThanOrEqual(early.blueLost - tol);
      }),
    );
  });
});

describe('linearLawClosedForm', () => {
  const small = fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1e-4, noNaN: true }));

  it('keeps b·x − a·y constant, i.e. b·(x0 − x) = a·(y0 − y)', () => {
    fc.assert(
      fc.property(strength, strength, small, small, time, (x0, y0, a, b, t) => {
        const s = linearLawClosedForm(x0, y0, a, b, t);
        const scale = Math.max(b * x0, a * y0, 1e-300);
        expect(Math.abs(b * (x0 - s.blue) - a * (y0 - s.red)) / scale).toBeLessThan(1e-9);
      }),
    );
  });

  it('solves dx/dt = −a·x·y (central difference of the closed form)', () => {
    fc.assert(
      fc.property(
        strength,
        strength,
        small,
        small,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        (x0, y0, a, b, t) => {
          const e = 1e-4;
          const lo = linearLawClosedForm(x0, y0, a, b, t - e);
          const hi = linearLawClosedForm(x0, y0, a, b, t + e);
          const mid = linearLawClosedForm(x0, y0, a, b, t);
          // Truncation O(e²) relative to the rate, rounding ~1e-16·strength/e absolute.
          const round = 1e-10 * (x0 + y0) + 1e-300;
          expect(Math.abs((hi.blue - lo.blue) / (2 * e) + a * mid.blue * mid.red)).toBeLessThan(
            1e-6 * a * x0 * y0 + round,
          );
          expect(Math.abs((hi.red - lo.red) / (2 * e) + b * mid.blue * mid.red)).toBeLessThan(
            1e-6 * b * x0 * y0 + round,
          );
        },
      ),
    );
  });

  it('has the limits the invariant predicts and the degenerate cases', () => {
    // C = b·x0 − a·y0 = 0.002·1000 − 0.001·1000 = 1 > 0: red decays to 0, blue tends to C/b = 500.
    const end = linearLawClosedForm(1000, 1000, 0.001, 0.002, 1e4);
    expect(end.red).toBe(0);
    expect(end.blue).toBeCloseTo(500, 9);
    // C = 0: x = x0 / (1 + a·y0·t).
    expect(linearLawClosedForm(100, 200, 0.002, 0.004, 5).blue).toBeCloseTo(100 / (1 + 0.002 * 200 * 5), 12);
    const oneSided = linearLawClosedForm(100, 200, 0, 0.001, 5);
    expect(oneSided.blue).toBe(100);
    expect(oneSided.red).toBeCloseTo(200 * Math.exp(-0.1 * 5), 9);
    expect(linearLawClosedForm(0, 200, 0.01, 0.01, 5)).toEqual({ blue: 0, red: 200 });
  });
});
