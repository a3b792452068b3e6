/**
 * The event-driven loop (ringDay's closed form) against its oracle, the per-day loop: the closed form
 * against day-by-day summation; the same runs giving the same statistics; and, with independent draws,
 * equal distributions by a chi-square test of homogeneity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../test/helpers.js';
import { compileLadder } from './compile-ladder.js';
import type { LadderParams } from './ladder-params.js';
import { hazardSum, ringDay, runChunk } from './simulate.js';
import type { PartialStats } from './partial-stats.js';

const builtin = (name: string): LadderParams => compileLadder(loadBuiltin(name));

/** Every hazard × f: the same ladder with f× fewer moves per day (longer sojourns, more jumps). */
const slower = (m: LadderParams, f: number): LadderParams => ({
  ...m,
  up: m.up.map((x) => x * f),
  down: m.down.map((x) => x * f),
});

/** The oracle: day by day, upL *= r; cum += upL + d, the first day cum ≥ need (0: not within K). */
function summedRingDay(need: number, u: number, d: number, r: number, K: number): number {
  let up = u;
  let cum = 0;
  for (let k = 1; k <= K; k++) {
    up *= r;
    cum += up + d;
    if (cum >= need) return k;
  }
  return 0;
}

const COMPARED = [
  'outcomes',
  'reached',
  'finalLevel',
  'occupancy',
  'firstMinor',
  'firstFailure',
  'firstTripwire',
  'firstWider',
  'fatalities',
  'withdrawals',
  'withdrawnBy',
  'guarantor',
] as const;
const same = (a: PartialStats, b: PartialStats): string[] =>
  COMPARED.filter((k) => JSON.stringify(Array.from(a[k])) !== JSON.stringify(Array.from(b[k])));

/**
 * Chi-square test of homogeneity of two count vectors over the same bins (bins with no count on either side
 * dropped): returns the statistic and its degrees of freedom.
 */
function chiSquare(a: ArrayLike<number>, b: ArrayLike<number>): { x2: number; df: number } {
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    na += a[i]!;
    nb += b[i]!;
  }
  let x2 = 0;
  let bins = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]! + b[i]!;
    if (t === 0) continue;
    bins++;
    const ea = (t * na) / (na + nb);
    const eb = (t * nb) / (na + nb);
    x2 += (a[i]! - ea) ** 2 / ea + (b[i]! - eb) ** 2 / eb;
  }
  return { x2, df: bins - 1 };
}

/** Upper 0.1% point of χ²(df) by Wilson–Hilferty (z = 3.090; within 1% of the exact value for df ≥ 3). */
const chi2Critical = (df: number): number => df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;

/** First-passage days binned by month (the last bin: never within the horizon). */
function byMonth(first: Float64Array, T: number): number[] {
  const out = new Array<number>(Math.ceil(T / 30) + 1).fill(0);
  for (let t = 0; t <= T; t++) out[Math.floor(t / 30)]! += first[t]!;
  out[out.length - 1]! += first[T + 1]!;
  return out;
}

describe('ringDay: the day a clock rings, in closed form', () => {
  it('constant and geometric hazards: known answers', () => {
    // λ = 0.25 a day: the clock 1.0 rings on day 4; 1.01 on day 5.
    expect(ringDay(1, 0.2, 0.05, 1, 0, 0, 100)).toBe(4);
    expect(ringDay(1.01, 0.2, 0.05, 1, 0, 0, 100)).toBe(5);
    expect(ringDay(1.01, 0.2, 0.05, 1, 0, 0, 4)).toBe(0);
    // u = 1, r = 1/2, no down hazard: the sums are 1/2, 3/4, 7/8, …; 0.8 rings on day 3; 1 never.
    const lr = Math.log(0.5);
    expect(ringDay(0.8, 1, 0, 0.5, lr, Math.expm1(lr), 100)).toBe(3);
    expect(ringDay(1, 1, 0, 0.5, lr, Math.expm1(lr), 1000)).toBe(0);
    expect(hazardSum(1, 0, 0.5, lr, Math.expm1(lr), 3)).toBeCloseTo(0.875, 15);
    // With a down hazard 0.1 as well: 0.6, 0.95, 1.175: 1.0 rings on day 3.
    expect(ringDay(1, 1, 0.1, 0.5, lr, Math.expm1(lr), 100)).toBe(3);
  });

  it('equals day-by-day summation for any hazards (up to rounding at the boundary)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.05, noNaN: true })),
        fc.double({ min: 1e-6, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 1500 }),
        (u, d, c, need, K) => {
          const lr = -c;
          const r = c === 0 ? 1 : Math.exp(lr);
          const got = ringDay(need, u, d, r, lr, Math.expm1(lr), K);
          const want = summedRingDay(need, u, d, r, K);
          if (got === want) return;
          // A difference only where the summed total sits within rounding of the clock on the boundary day.
          const day = Math.min(got, want) || Math.max(got, want);
          const s = hazardSum(u, d, r, lr, Math.expm1(lr), day);
          expect(Math.abs(s - need)).toBeLessThan(1e-9 * Math.max(1, need));
        },
      ),
      { numRuns: 3000, seed: 18 },
    );
  });
});

describe('event-driven loop against the per-day loop (the oracle)', () => {
  const models: [string, LadderParams][] = [
    ['ukraine-2025', builtin('ukraine-2025')],
    ['ukraine-2025, hazards ×0.02', slower(builtin('ukraine-2025'), 0.02)],
    ['baltic-efp-2017', builtin('baltic-efp-2017')],
  ];
  for (const [name, m] of models)
    it(`${name}: the same runs give the same statistics, day by day`, () => {
      const job = { models: [m] };
      const events = runChunk(job, 20260106, 0, 4000, 'events')[0]!;
      const days = runChunk(job, 20260106, 0, 4000, 'days')[0]!;
      expect(same(events, days)).toEqual([]);
    });

  it('equal in distribution: chi-square homogeneity on outcomes and first-passage months, independent seeds', () => {
    // Independent draws (different seeds), so this tests the distributions, not the shared random numbers.
    for (const m of [builtin('ukraine-2025'), slower(builtin('ukraine-2025'), 0.05)]) {
      const job = { models: [m] };
      const a = runChunk(job, 1, 0, 20_000, 'events')[0]!;
      const b = runChunk(job, 2, 0, 20_000, 'days')[0]!;
      for (const [x, y] of [
        [a.outcomes, b.outcomes],
        [a.finalLevel, b.finalLevel],
        [byMonth(a.firstMinor, m.horizonDays), byMonth(b.firstMinor, m.horizonDays)],
        [byMonth(a.firstFailure, m.horizonDays), byMonth(b.firstFailure, m.horizonDays)],
      ] as const) {
        const { x2, df } = chiSquare(x, y);
        expect(x2).toBeLessThan(chi2Critical(Math.max(df, 3)));
      }
    }
  });

  it('the chi-square check can fail: it rejects a model whose probing is 20% faster', () => {
    const m = builtin('ukraine-2025');
    const faster = { ...m, up: m.up.map((x, l) => (l === 1 ? x * 1.2 : x)) };
    const a = runChunk({ models: [m] }, 1, 0, 20_000, 'events')[0]!;
    const b = runChunk({ models: [faster] }, 2, 0, 20_000, 'days')[0]!;
    const { x2, df } = chiSquare(byMonth(a.firstMinor, m.horizonDays), byMonth(b.firstMinor, m.horizonDays));
    expect(x2).toBeGreaterThan(chi2Critical(Math.max(df, 3)));
  });
});
