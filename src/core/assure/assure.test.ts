import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { applyVariants, type Scenario } from '../scenario/index.js';
import { canonicalJson } from '../shared/index.js';
import {
  compileLadder,
  emptyForce,
  exactFirstPassage,
  forceFromPledges,
  inlineRunner,
  mergeChunks,
  pairedDifference,
  pinParameter,
  P_RISK,
  runAssurance,
  runChunk,
  runJobInline,
  seedStream,
  wilson,
  xoshiroNext,
  calibrate,
} from './index.js';
import { betaCdf, betaQuantile, normalQuantile } from './distribution.js';
import { exponentialZiggurat, hashUnit } from './rng.js';
import { exactOccupation } from './exact.js';
import { fatalityBin, fatalityBinLow, occupationCounts } from './partial-stats.js';
import { kaplanMeier } from './estimators.js';
import { NonFiniteHazardError } from './simulate.js';

const fixture = (): Scenario => loadFixture();
const variant = (s: Scenario, ids: string[]): Scenario => {
  const r = applyVariants(s, ids);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.scenario;
};

describe('random streams', () => {
  it('xoshiro128** matches the reference vector from state (1, 2, 3, 4)', () => {
    const s = Uint32Array.of(1, 2, 3, 4);
    expect([xoshiroNext(s), xoshiroNext(s), xoshiroNext(s)]).toEqual([11520, 0, 5927040]);
  });
  it('streams depend only on (seed, run) and differ between runs', () => {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    seedStream(7, 12, a);
    seedStream(7, 12, b);
    expect(a).toEqual(b);
    seedStream(7, 13, b);
    expect(a).not.toEqual(b);
  });
  it('the ziggurat draws Exp(1): mean, variance and tail within 4 standard errors', () => {
    const s = new Uint32Array(4);
    seedStream(3, 4, s);
    const n = 400_000;
    let m1 = 0;
    let m2 = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const x = exponentialZiggurat(s);
      m1 += x;
      m2 += x * x;
      if (x > 3) tail++;
    }
    const mean = m1 / n;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
    const p = Math.exp(-3);
    expect(Math.abs(tail / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
  it('hashUnit is uniform on (0, 1) (mean and range over many runs)', () => {
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = hashUnit(1, i, 12345);
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });
});

describe('distributions', () => {
  it('normal quantile matches known values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
  it('beta quantile inverts the beta CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        (p, a, b) => {
          expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 8);
        },
      ),
      { numRuns: 50 },
    );
    expect(betaCdf(0.5, 2, 2)).toBeCloseTo(0.5, 12);
  });
  it('fatality bins are exact below 256 and monotone above', () => {
    for (let v = 0; v < 256; v++) expect(fatalityBinLow(fatalityBin(v))).toBe(v);
    let last = -1;
    for (let v = 256; v < 1e6; v = Math.ceil(v * 1.01)) {
      const b = fatalityBin(v);
      expect(b).toBeGreaterThanOrEqual(last);
      expect(fatalityBinLow(b)).toBeLessThanOrEqual(v);
      expect(fatalityBinLow(b)).toBeGreaterThan(v * 0.98);
      last = b;
    }
  });
});

describe('statistics', () => {
  it('Wilson interval: known value and edge cases', () => {
    const w = wilson(10, 100);
    expect(w.lo).toBeCloseTo(0.0552, 4);
    expect(w.hi).toBeCloseTo(0.1744, 4);
    expect(wilson(0, 50).lo).toBe(0);
    expect(wilson(50, 50).hi).toBe(1);
  });
  it('Wilson interval contains p and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilson(k, n);
        expect(w.lo).toBeGreaterThanOrEqual(0);
        expect(w.hi).toBeLessThanOrEqual(1);
        expect(w.lo).toBeLessThanOrEqual(w.p + 1e-6);
        expect(w.hi).toBeGreaterThanOrEqual(w.p - 1e-6);
      }),
    );
  });
  it('Kaplan–Meier with censoring only at the horizon is the empirical survival', () => {
    const hist = Float64Array.of(0, 10, 0, 30, 60); // T = 3: events on days 1 and 3, 60 censored
    const km = kaplanMeier(hist, 3, 3);
    expect(km.survival).toEqual([1, 0.9, 0.9, 0.6]);
    expect(km.medianDay).toBeNull();
  });
  it('paired difference: zero when variants agree, wide when they disagree', () => {
    expect(pairedDifference(0, 0, 100)).toMatchObject({ difference: 0, lo: 0, hi: 0 });
    const d = pairedDifference(30, 10, 100);
    expect(d.difference).toBeCloseTo(0.2, 9);
    expect(d.lo).toBeLessThan(0.2);
    expect(d.hi).toBeGreaterThan(0.2);
  });
});

describe('simulation', () => {
  it('results do not depend on the split into chunks', () => {
    const s = fixture();
    const job = { models: [compileLadder(s), compileLadder(variant(s, ['no-backstop']))] };
    const whole = runChunk(job, 99, 0, 3000);
    const parts = mergeChunks(job.models, [
      runChunk(job, 99, 0, 1),
      runChunk(job, 99, 1, 1234),
      runChunk(job, 99, 1234, 3000),
    ]);
    expect(parts).toEqual(whole);
    expect(runJobInline(job, 99, 3000, 777)).toEqual(whole);
  });
  it('probabilities stay in [0, 1] and outcomes sum to the runs (any seed)', () => {
    const m = compileLadder(fixture());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const [st] = runChunk({ models: [m] }, seed, 0, 200);
        expect(st!.outcomes.reduce((a, b) => a + b, 0)).toBe(200);
        expect(st!.reached[0]).toBe(200);
        const occ = occupationCounts(st!, m.levels);
        for (let d = 0; d <= m.horizonDays; d += 73) {
          let sum = 0;
          for (let l = 0; l < m.levels; l++) sum += occ[d * m.levels + l]!;
          expect(sum).toBe(200);
        }
      }),
      { numRuns: 20 },
    );
  });
  it('common random numbers: the same scenario as two models gives identical runs', () => {
    const m = compileLadder(fixture());
    const [a, b] = runChunk({ models: [m, m] }, 5, 0, 2000);
    expect(b!.outcomes).toEqual(a!.outcomes);
    const diag = Array.from({ length: 12 }, (_, i) => b!.joint[i * 12 + i]!).reduce((x, y) => x + y, 0);
    expect(diag).toBe(2000);
  });
  it('with feedback off the Monte Carlo agrees with the exact Markov chain within 4 standard errors', () => {
    const rho = 2.5;
    const m = pinParameter(compileLadder(fixture(), { feedback: false }), P_RISK, rho);
    const runs = 40_000;
    const [st] = runChunk({ models: [m] }, 20260106, 0, runs);
    const occ = occupationCounts(st!, m.levels);
    const exact = exactOccupation(m, rho);
    let compared = 0;
    for (const d of [1, 3, 10, 30, 90, 183, 184, 250, 365]) {
      for (let l = 0; l < m.levels; l++) {
        const p = exact[d * m.levels + l]!;
        const q = occ[d * m.levels + l]! / runs;
        const se = Math.max(Math.sqrt((p * (1 - p)) / runs), 1 / runs);
        expect(Math.abs(q - p)).toBeLessThanOrEqual(4 * se);
        if (p > 0.01) compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    const passage = exactFirstPassage(m, rho, 3);
    let cum = 0;
    for (let d = 1; d <= m.horizonDays; d++) {
      cum += st!.firstFailure[d]!;
      if (d % 60 !== 0) continue;
      const p = passage[d]!;
      const se = Math.max(Math.sqrt((p * (1 - p)) / runs), 1 / runs);
      expect(Math.abs(cum / runs - p)).toBeLessThanOrEqual(4 * se);
    }
  });
  it('a force lowers the risk of ceasefire failure; no force means no attacks on it', () => {
    const s = variant(fixture(), ['no-backstop']);
    const job = {
      models: [compileLadder(s, { force: emptyForce(s) }), compileLadder(s, { force: forceFromPledges(s) })],
    };
    const [none, force] = runJobInline(job, 3, 5000);
    expect(none!.reached[4]).toBe(0);
    expect(force!.reached[3]!).toBeLessThan(none!.reached[3]!);
  });

  // Regression (issue 16, High 1): these values made a hazard NaN or infinite and the loop stopped
  // advancing. Validation now rejects them; values that still reach the loop stop it with a coded error.
  it.each([
    [
      'a pledge of 1e308 units',
      (s: Scenario): Scenario => ({
        ...s,
        pledges: s.pledges.map((p, i) => (i === 0 ? { ...p, units: 1e308 } : p)),
      }),
    ],
    [
      'a risk tolerance of sd 1e308',
      (s: Scenario): Scenario => ({
        ...s,
        adversary: { ...s.adversary!, riskTolerance: { dist: 'normal', mean: 1, sd: 1e308 } },
      }),
    ],
    [
      'a risk tolerance of mean 1e308 and θ 1000',
      (s: Scenario): Scenario => ({
        ...s,
        adversary: { ...s.adversary!, riskTolerance: { dist: 'normal', mean: 1e308, sd: 2 } },
        assurance: { ...s.assurance, theta: 1000 },
      }),
    ],
  ])('%s stops the simulation with assure.non-finite-hazard instead of spinning', (_, edit) => {
    const m = compileLadder(edit(fixture()));
    expect(() => runChunk({ models: [m] }, 7, 0, 50)).toThrow(NonFiniteHazardError);
    expect(() => runChunk({ models: [m] }, 7, 0, 50)).toThrow(/^assure\.non-finite-hazard: ladder level \d/);
  });

  it('any finite or non-finite hazard scale either simulates every run or throws the coded error', () => {
    const base = compileLadder(fixture());
    fc.assert(
      fc.property(
        fc.constantFrom(1, 1e300, 1e308, Infinity, NaN),
        fc.constantFrom(1, 1e3, 1e308, Infinity),
        fc.integer({ min: 0, max: 6 }),
        (scale, theta, level) => {
          const up = Float64Array.from(base.up);
          up[level] = up[level]! * scale;
          const m = { ...base, up, theta: base.theta * theta };
          try {
            const [st] = runChunk({ models: [m] }, 1, 0, 20);
            expect(st!.runs).toBe(20);
            expect(st!.outcomes.reduce((a, b) => a + b, 0)).toBe(20);
          } catch (e) {
            expect(e).toBeInstanceOf(NonFiniteHazardError);
          }
        },
      ),
      { seed: 16, numRuns: 60 },
    );
  });
});

describe('assurance and calibration', () => {
  it('serialises to identical JSON for any chunking and reports every outcome', async () => {
    const s = fixture();
    const cases = [
      { id: 'base', label: 'Base', scenario: s },
      { id: 'no-backstop', label: 'No backstop', scenario: variant(s, ['no-backstop']) },
    ];
    const opts = { runs: 4000, seed: 11, tornadoRuns: 1000 };
    const a = await runAssurance(cases, opts, inlineRunner);
    const chunky = (job: Parameters<typeof inlineRunner>[0], seed: number, runs: number) =>
      Promise.resolve(runJobInline(job, seed, runs, 333));
    const b = await runAssurance(cases, opts, chunky);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(canonicalJson(a.value)).toBe(canonicalJson(b.value));
    const c = a.value.cases[0]!;
    const total = Object.values(c.outcomes).reduce((x, o) => x + o.count, 0);
    expect(total).toBe(4000);
    expect(a.value.comparisons).toHaveLength(1);
    expect(a.value.tornado?.rows.map((r) => r.key)).toContain('riskTolerance');
    expect(a.value.tornado?.rows[0]?.key).toBe('riskTolerance');
  });
  it('Sobol indices: ρ carries most of the variance of failure; credibility some; chunking-independent', async () => {
    const cases = [{ id: 'base', label: 'Base', scenario: fixture() }];
    const opts = { runs: 500, seed: 5, tornadoRuns: 0, sobolRuns: 20_000 };
    const a = await runAssurance(cases, opts, inlineRunner);
    const b = await runAssurance(cases, opts, (job, seed, runs, _p, first = 0) =>
      Promise.resolve(runJobInline(job, seed, runs, 1_234, first)),
    );
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(canonicalJson(b.value)).toBe(canonicalJson(a.value));
    const rows = a.value.sobol?.rows ?? [];
    const rho = rows.find((r) => r.key === 'riskTolerance');
    const cred = rows.find((r) => r.key === 'credibility');
    expect(rho?.first.ceasefireFailed).toBeGreaterThan(0.5);
    expect(rho?.total.ceasefireFailed).toBeLessThanOrEqual(1.05);
    // Failure (level 3) comes before any guarantor decision, but the adversary perceives the guarantor's
    // resolve before any trigger (visibility): credibility moves failure, far less than ρ.
    expect(cred?.total.ceasefireFailed ?? 0).toBeGreaterThan(0);
    expect(cred?.total.ceasefireFailed ?? 1).toBeLessThan((rho?.total.ceasefireFailed ?? 0) / 5);
  });
  it('the fixture lands in the outside-view calibration ranges', async () => {
    const r = await calibrate(fixture(), 20_000, 1, inlineRunner);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const row of r.value.rows) expect(row.within, row.measure).toBe(true);
  });
});
