import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearLawClosedForm, squareLawClosedForm, squareLawOutcome } from './closed-form.js';
import { checkEngagementSpec, simulateEngagement, type Arrival, type EngagementSpec } from './simulate.js';

const spec = (over: Partial<EngagementSpec> = {}): EngagementSpec => ({
  law: 'square',
  x0: 1000,
  y0: 800,
  a: 0.05,
  b: 0.04,
  days: 30,
  blueReinforcements: [],
  redReinforcements: [],
  ...over,
});

const strength = fc.oneof(fc.constant(0), fc.double({ min: 1, max: 1e5, noNaN: true }));
const rate = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 0.2, noNaN: true }));
const days = fc.integer({ min: 1, max: 60 });

/**
 * Tolerance of the numeric solution against the exact one: 1e-7 of the largest strength. RK4 with
 * h ≤ 1/256 day and λ·h ≤ 1/20 has a truncation error far below that (~(λh)⁴/120 per unit of λt); what is
 * left is the crossing refinement near an annihilation and rounding.
 */
const tol = (...xs: number[]): number => 1e-7 * Math.max(1, ...xs);

describe('simulateEngagement against the closed forms', () => {
  it('square law: every daily strength and the annihilation time', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, days, (x0, y0, a, b, d) => {
        const r = simulateEngagement(spec({ x0, y0, a, b, days: d }));
        for (const s of r.series) {
          const exact = squareLawClosedForm(x0, y0, a, b, s.day);
          expect(Math.abs(s.blue - exact.blue)).toBeLessThan(tol(x0, y0));
          expect(Math.abs(s.red - exact.red)).toBeLessThan(tol(x0, y0));
        }
        const o = squareLawOutcome(x0, y0, a, b);
        if (o.kind === 'annihilation' && o.time < d - 1e-6) {
          const got = o.loser === 'blue' ? r.annihilated.blue : r.annihilated.red;
          expect(got).not.toBeNull();
          expect(Math.abs((got ?? 0) - o.time)).toBeLessThan(1e-6);
        }
        expect(r.errorEstimate).toBeLessThan(tol(x0, y0));
      }),
      { numRuns: 200 },
    );
  });

  it('linear law: every daily strength', () => {
    const small = fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e-4, noNaN: true }));
    fc.assert(
      fc.property(strength, strength, small, small, days, (x0, y0, a, b, d) => {
        const r = simulateEngagement(spec({ law: 'linear', x0, y0, a, b, days: d }));
        for (const s of r.series) {
          const exact = linearLawClosedForm(x0, y0, a, b, s.day);
          expect(Math.abs(s.blue - exact.blue)).toBeLessThan(tol(x0, y0));
          expect(Math.abs(s.red - exact.red)).toBeLessThan(tol(x0, y0));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reinforcements are impulses at the start of their day: the exact solution restarted there', () => {
    const arrivals = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 40 }),
        strength: fc.double({ min: 0, max: 5e4, noNaN: true }),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(strength, strength, rate, rate, arrivals, arrivals, (x0, y0, a, b, blueIn, redIn) => {
        const r = simulateEngagement(
          spec({ x0, y0, a, b, days: 40, blueReinforcements: blueIn, redReinforcements: redIn }),
        );
        const at = (list: readonly Arrival[], d: number): number =>
          list.filter((x) => x.day === d).reduce((s, x) => s + x.strength, 0);
        let x = x0;
        let y = y0;
        const scale = x0 + y0 + [...blueIn, ...redIn].reduce((s, v) => s + v.strength, 0);
        for (let d = 1; d <= 40; d++) {
          const next = squareLawClosedForm(x + at(blueIn, d), y + at(redIn, d), a, b, 1);
          x = next.blue;
          y = next.red;
          expect(Math.abs((r.series[d]?.blue ?? NaN) - x)).toBeLessThan(tol(scale));
          expect(Math.abs((r.series[d]?.red ?? NaN) - y)).toBeLessThan(tol(scale));
        }
        expect(Math.abs(r.casualties.blue - (x0 + r.reinforcements.blue - x))).toBeLessThan(tol(scale));
      }),
      { numRuns: 100 },
    );
  });
});

describe('simulateEngagement invariants', () => {
  it('square law keeps b·x² − a·y² constant without reinforcements', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, (x0, y0, a, b) => {
        const r = simulateEngagement(spec({ x0, y0, a, b, days: 50 }));
        const k0 = b * x0 * x0 - a * y0 * y0;
        const scale = Math.max(b * x0 * x0, a * y0 * y0, 1e-9);
        for (const s of r.series)
          expect(Math.abs(b * s.blue ** 2 - a * s.red ** 2 - k0) / scale).toBeLessThan(1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('linear law keeps b·(x0 − x) = a·(y0 − y)', () => {
    const small = fc.double({ min: 1e-9, max: 1e-4, noNaN: true });
    fc.assert(
      fc.property(strength, strength, small, small, (x0, y0, a, b) => {
        const r = simulateEngagement(spec({ law: 'linear', x0, y0, a, b, days: 50 }));
        const scale = Math.max(b * x0, a * y0, 1e-12);
        for (const s of r.series)
          expect(Math.abs(b * (x0 - s.blue) - a * (y0 - s.red)) / scale).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('strengths never go below 0, casualties never fall, a dead side stops firing', () => {
    fc.assert(
      fc.property(strength, strength, rate, rate, (x0, y0, a, b) => {
        const r = simulateEngagement(spec({ x0, y0, a: a * 10, b: b * 10, days: 20 }));
        for (const s of r.series) {
          expect(s.blue).toBeGreaterThanOrEqual(0);
          expect(s.red).toBeGreaterThanOrEqual(0);
        }
        for (let i = 1; i < r.series.length; i++) {
          expect(r.series[i]?.blue ?? 0).toBeLessThanOrEqual((r.series[i - 1]?.blue ?? 0) + 1e-9);
          expect(r.series[i]?.red ?? 0).toBeLessThanOrEqual((r.series[i - 1]?.red ?? 0) + 1e-9);
        }
      }),
      { numRuns: 100 },
    );
    // Red is wiped out on day 1; blue's strength is then frozen.
    const r = simulateEngagement(spec({ x0: 1000, y0: 10, a: 0.1, b: 0.5, days: 5 }));
    expect(r.annihilated.red).toBeLessThan(1);
    expect(r.series[2]?.blue).toBe(r.series[5]?.blue);
  });

  it('a side that starts at 0 is not "annihilated"; a revived side keeps its first annihilation date', () => {
    const r = simulateEngagement(
      spec({ x0: 0, y0: 100, a: 0.5, b: 0.5, days: 10, blueReinforcements: [{ day: 5, strength: 10 }] }),
    );
    expect(r.series[4]?.blue).toBe(0);
    expect(r.annihilated.blue).not.toBeNull();
    expect(r.annihilated.blue ?? 0).toBeGreaterThan(4);
    expect(r.annihilated.blue ?? 0).toBeLessThan(5);
    expect(r.casualties.blue).toBe(10);
  });

  it('fast battles get finer steps; an explicit stepsPerDay is used as given', () => {
    expect(simulateEngagement(spec()).stepsPerDay).toBe(256);
    expect(simulateEngagement(spec({ a: 200, b: 200 })).stepsPerDay).toBe(4096);
    expect(simulateEngagement(spec({ stepsPerDay: 64 })).stepsPerDay).toBe(64);
  });
});

describe('checkEngagementSpec', () => {
  it('names every bad field; simulateEngagement refuses such a spec', () => {
    const bad = spec({
      x0: -1,
      b: Number.NaN,
      days: 2.5,
      stepsPerDay: 3,
      blueReinforcements: [{ day: 0, strength: 1 }],
    });
    expect(checkEngagementSpec(bad).map((i) => i.path.join('.'))).toEqual([
      'x0',
      'b',
      'days',
      'blueReinforcements.0.day',
      'stepsPerDay',
    ]);
    expect(() => simulateEngagement(bad)).toThrow(RangeError);
    expect(checkEngagementSpec(spec())).toEqual([]);
  });
});
