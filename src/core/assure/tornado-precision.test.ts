import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { canonicalJson } from '../shared/index.js';
import { inlineRunner, runAssurance, runJobInline, type JobRunner } from './index.js';
import {
  familyZ,
  swingInterval,
  tornadoLooks,
  tornadoStops,
  type TornadoRowState,
} from './tornado-precision.js';

const rule = { minRuns: 1000, maxRuns: 100_000, relativeHalfWidth: 0.02 };

/**
 * The sequential procedure on expected counts: row j's high side alone fails in a share onlyHigh[j] of
 * runs and its low side alone in onlyLow[j] (so its swing is their difference). Returns each row's runs.
 */
function sequence(onlyHigh: readonly number[], onlyLow: readonly number[], minRuns = 1000): number[] {
  const p = { ...rule, minRuns };
  const looks = tornadoLooks(p);
  const z = familyZ(onlyHigh.length, looks.length, 0.05);
  const rows: TornadoRowState[] = onlyHigh.map(() => ({ interval: null, running: true, runs: 0 }));
  for (const n of looks) {
    rows.forEach((r, j) => {
      if (!r.running) return;
      const b = Math.round(onlyHigh[j]! * n);
      const c = Math.round(onlyLow[j]! * n);
      rows[j] = { interval: swingInterval(b, c, n, z), running: true, runs: n };
    });
    tornadoStops(rows, p).forEach((s, j) => {
      if (s !== null) rows[j] = { ...rows[j]!, running: false };
    });
  }
  return rows.map((r) => r.runs);
}

describe('tornado sized by precision: the rule', () => {
  it('looks double from the minimum and end at the cap', () => {
    expect(tornadoLooks({ minRuns: 1000, maxRuns: 100_000 })).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 100_000,
    ]);
    expect(tornadoLooks({ minRuns: 1000, maxRuns: 200 })).toEqual([200]);
    expect(tornadoLooks({ minRuns: 1000, maxRuns: 1000 })).toEqual([1000]);
  });
  it('Bonferroni z: 0.05 over one interval is the usual 1.96; more rows and looks widen it', () => {
    expect(familyZ(1, 1, 0.1)).toBeCloseTo(1.644854, 5);
    expect(familyZ(26, 8, 0.05)).toBeGreaterThan(familyZ(26, 1, 0.05));
  });
  it('the interval of |d| contains |d|, is never below 0, and keeps a floor without discordant runs', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fc.integer({ min: 1, max: 10_000 }), (b, c, extra) => {
        const n = b + c + extra;
        const x = swingInterval(b, c, n, 3.6);
        expect(x.swing).toBeCloseTo(Math.abs(b - c) / n, 12);
        expect(x.lo).toBeGreaterThanOrEqual(0);
        expect(x.lo).toBeLessThanOrEqual(x.swing);
        expect(x.hi).toBeGreaterThanOrEqual(x.swing);
        expect(x.halfWidth).toBeGreaterThanOrEqual((3.6 * 3.6) / n - 1e-15);
      }),
    );
    expect(swingInterval(0, 0, 1000, 3).hi).toBeCloseTo(9 / 1000, 12);
  });
  it('nothing stops before the minimum, whatever the intervals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            b: fc.nat(900),
            c: fc.nat(900),
            runs: fc.integer({ min: 1, max: 999 }),
            exact: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const states = rows.map((r) => ({
            interval: r.exact ? null : swingInterval(Math.min(r.b, r.runs), 0, r.runs, 3.6),
            running: true,
            runs: r.runs,
          }));
          expect(tornadoStops(states, rule).every((s) => s === null)).toBe(true);
        },
      ),
    );
  });
  it('well-separated swings stop sooner than close ones; exact rows stop at the minimum', () => {
    // Swings 0.30, 0.10, and two at 0.040 / 0.042; a parameter that cannot move failure (exact).
    const z = familyZ(4, 8, 0.05);
    const runs = sequence([0.3, 0.12, 0.05, 0.052], [0, 0.02, 0.01, 0.01]);
    expect(runs[0]).toBe(1000);
    expect(runs[1]).toBeLessThan(runs[2]!);
    expect(runs[2]).toBeGreaterThan(4000);
    expect(runs[3]).toBe(runs[2]);
    const exact = tornadoStops(
      [
        { interval: null, running: true, runs: 1000 },
        { interval: swingInterval(300, 0, 1000, z), running: true, runs: 1000 },
      ],
      rule,
    );
    expect(exact).toEqual(['exact', 'separated']);
  });
  it('a row still unresolved at the cap stops there', () => {
    const z = familyZ(2, 8, 0.05);
    const close = (n: number) => swingInterval(Math.round(0.3 * n), Math.round(0.29 * n), n, z);
    const s = tornadoStops(
      [
        { interval: close(100_000), running: true, runs: 100_000 },
        { interval: close(100_000), running: true, runs: 100_000 },
      ],
      rule,
    );
    expect(s).toEqual(['cap', 'cap']);
  });
});

describe('tornado sized by precision: on the fixture', () => {
  const cases = [{ id: 'base', label: 'Base', scenario: loadFixture() }];
  it('the ranking of resolved rows equals that of a fixed-size run with twice the cap; any chunking, same JSON', async () => {
    const opts = { runs: 1000, seed: 9, tornadoRuns: 8000 };
    const a = await runAssurance(cases, opts, inlineRunner);
    const chunky: JobRunner = (job, seed, runs, _p, first = 0) =>
      Promise.resolve(runJobInline(job, seed, runs, 777, first));
    const b = await runAssurance(cases, opts, chunky);
    const fixed = await runAssurance(
      cases,
      { ...opts, tornadoRuns: 16_000, tornadoMinRuns: 16_000 },
      inlineRunner,
    );
    expect(a.ok && b.ok && fixed.ok).toBe(true);
    if (!a.ok || !b.ok || !fixed.ok || a.value.tornado === null || fixed.value.tornado === null) return;
    expect(canonicalJson(b.value)).toBe(canonicalJson(a.value));
    const t = a.value.tornado;
    const f = fixed.value.tornado;
    // Adaptive: rows differ in runs, none below the minimum, none above the cap; cheaper than fixed.
    expect(new Set(t.rows.map((r) => r.runs)).size).toBeGreaterThan(1);
    for (const r of t.rows) {
      expect(r.runs).toBeGreaterThanOrEqual(1000);
      expect(r.runs).toBeLessThanOrEqual(8000);
    }
    expect(t.modelRuns).toBeLessThan(t.fixedModelRuns);
    expect(f.rows.every((r) => r.runs === 16_000)).toBe(true);
    // Every pair of rows whose intervals are disjoint is ordered as in the fixed run.
    const rank = new Map(f.rows.map((r, i) => [r.key, i]));
    let pairs = 0;
    for (const x of t.rows)
      for (const y of t.rows)
        if (x.swingLo > y.swingHi && y.stop !== 'exact') {
          pairs++;
          expect(rank.get(x.key)!, `${x.key} above ${y.key}`).toBeLessThan(rank.get(y.key)!);
        }
    expect(pairs).toBeGreaterThan(3);
    // The rows that stopped as separated hold the rank of the fixed run.
    t.rows.forEach((r, i) => {
      if (r.stop === 'separated') expect(rank.get(r.key), r.key).toBe(i);
    });
    // Exact rows (cannot move failure) stop at the minimum with a zero swing.
    for (const r of t.rows.filter((x) => x.inert.includes('ceasefireFailed'))) {
      expect(r.stop).toBe('exact');
      expect(r.runs).toBe(1000);
      expect(r.swings.ceasefireFailed).toBe(0);
    }
  });
});
