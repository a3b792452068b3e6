import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { canonicalJson } from '../shared/index.js';
import { inlineRunner, runAssurance, runJobInline, type JobRunner } from './index.js';
import { sobolEstimate, sobolStops, sobolZ, tripleCell } from './sobol-precision.js';

/** A seeded uniform generator (mulberry32). */
function uniform(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A binary measure of three Bernoulli parameters x1, x2, x3 and a Bernoulli noise e that every matrix
 * shares (as the simulation's event stream): failure when x1 and (x2 or e), or x3 and not e.
 */
const P = [0.5, 0.3, 0.2];
const PE = 0.4;
const f = (x: readonly number[], e: number): number => ((x[0]! && (x[1]! || e)) || (x[2]! && !e) ? 1 : 0);

/** Closed forms by enumeration: the values the estimators converge to with the noise shared. */
function truth(): { first: number[]; total: number[] } {
  const points: { x: number[]; e: number; w: number }[] = [];
  for (let k = 0; k < 16; k++) {
    const x = [k & 1, (k >> 1) & 1, (k >> 2) & 1];
    const e = (k >> 3) & 1;
    const w = x.reduce((a, xi, i) => a * (xi ? P[i]! : 1 - P[i]!), 1) * (e ? PE : 1 - PE);
    points.push({ x, e, w });
  }
  const mean = points.reduce((a, q) => a + q.w * f(q.x, q.e), 0);
  const V = mean * (1 - mean);
  /** Var(E[f | the coordinates `keep` and e]). */
  const closed = (keep: (i: number) => boolean): number => {
    const groups = new Map<string, { w: number; s: number }>();
    for (const q of points) {
      const key = `${q.e}:${q.x.map((v, i) => (keep(i) ? v : '_')).join('')}`;
      const g = groups.get(key) ?? { w: 0, s: 0 };
      g.w += q.w;
      g.s += q.w * f(q.x, q.e);
      groups.set(key, g);
    }
    let m2 = 0;
    for (const g of groups.values()) m2 += (g.s / g.w) ** 2 * g.w;
    return m2 - mean * mean;
  };
  const ve = closed(() => false);
  return {
    first: P.map((_, i) => (closed((j) => j === i) - ve) / V),
    total: P.map((_, i) => 1 - closed((j) => j !== i) / V),
  };
}

/** The triple counts (a, b, c_i) of n runs of Saltelli's design, one 8-cell table per parameter. */
function design(n: number, rand: () => number): Float64Array[] {
  const cells = P.map(() => new Float64Array(8));
  const draw = (): number[] => P.map((p) => (rand() < p ? 1 : 0));
  for (let r = 0; r < n; r++) {
    const xa = draw();
    const xb = draw();
    const e = rand() < PE ? 1 : 0;
    const a = f(xa, e);
    const b = f(xb, e);
    P.forEach((_, i) => {
      const xab = xa.map((v, j) => (j === i ? xb[j]! : v));
      cells[i]![tripleCell(a, b, f(xab, e))]! += 1;
    });
  }
  return cells;
}

describe('Sobol intervals (delta method on the per-run triples)', () => {
  const t = truth();
  it('the closed forms are non-trivial: every parameter matters, with interactions', () => {
    for (let i = 0; i < 3; i++) {
      expect(t.first[i]).toBeGreaterThan(0.01);
      expect(t.total[i]).toBeGreaterThan(t.first[i]! + 0.01);
    }
  });
  it('converge to the closed forms', () => {
    const cells = design(400_000, uniform(1));
    cells.forEach((c, i) => {
      const s = sobolEstimate(c, 1.96)!;
      // About 4 standard errors at 400,000 runs.
      expect(Math.abs(s.first.value - t.first[i]!)).toBeLessThan(0.012);
      expect(Math.abs(s.total.value - t.total[i]!)).toBeLessThan(0.012);
    });
  });
  it('95% intervals cover the closed forms in about 95% of 400 seeded replications of 2,000 runs', () => {
    const R = 400;
    const hits = { first: [0, 0, 0], total: [0, 0, 0] };
    let all = 0;
    const zAll = sobolZ(6, 1, 0.05);
    for (let r = 0; r < R; r++) {
      const cells = design(2000, uniform(1000 + r));
      let every = true;
      cells.forEach((c, i) => {
        const s = sobolEstimate(c, 1.96)!;
        if (s.first.lo <= t.first[i]! && t.first[i]! <= s.first.hi) hits.first[i]!++;
        if (s.total.lo <= t.total[i]! && t.total[i]! <= s.total.hi) hits.total[i]!++;
        const w = sobolEstimate(c, zAll)!;
        const inside = (x: { lo: number; hi: number }, v: number): boolean => x.lo <= v && v <= x.hi;
        every &&= inside(w.first, t.first[i]!) && inside(w.total, t.total[i]!);
      });
      if (every) all++;
    }
    // Binomial(400, 0.95): 3 standard errors are ±3.3 points.
    for (const k of ['first', 'total'] as const)
      for (const h of hits[k]) {
        expect(h / R, k).toBeGreaterThan(0.915);
        expect(h / R, k).toBeLessThan(0.985);
      }
    // Bonferroni over the six intervals: all cover at once in at least 95% (less 3 standard errors).
    expect(all / R).toBeGreaterThan(0.935);
  });
  it('intervals contain the estimate (within [0, 1]); no variance → null; the floor keeps a width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(300), { minLength: 8, maxLength: 8 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (c, z) => {
          const s = sobolEstimate(c, z);
          const n = c.reduce((a, b) => a + b, 0);
          const a1 = c[4]! + c[5]! + c[6]! + c[7]!;
          const b1 = c[2]! + c[3]! + c[6]! + c[7]!;
          if (n < 2 || a1 + b1 === 0 || a1 + b1 === 2 * n) {
            expect(s).toBeNull();
            return;
          }
          expect(s).not.toBeNull();
          for (const x of [s!.first, s!.total]) {
            expect(x.lo).toBeLessThanOrEqual(Math.min(1, Math.max(0, x.value)) + 1e-12);
            expect(x.hi).toBeGreaterThanOrEqual(Math.max(0, Math.min(1, x.value)) - 1e-12);
            expect(x.lo).toBeGreaterThanOrEqual(0);
            expect(x.hi).toBeLessThanOrEqual(1);
          }
          const p = (a1 + b1) / (2 * n);
          expect(s!.first.halfWidth).toBeGreaterThanOrEqual((z * z) / (n * p * (1 - p)) - 1e-9);
          expect(s!.total.halfWidth).toBeGreaterThanOrEqual((z * z) / (2 * n * p * (1 - p)) - 1e-9);
        },
      ),
    );
  });
  it('a parameter stops once both failure half-widths are within the tolerance, or at the cap', () => {
    const rule = { minRuns: 1000, maxRuns: 8000, halfWidth: 0.02 };
    const x = (h: number) => ({ value: 0.3, lo: 0.3 - h, hi: 0.3 + h, halfWidth: h });
    expect(
      sobolStops(
        [
          { failure: { first: x(0.01), total: x(0.02) }, running: true, runs: 2000 },
          { failure: { first: x(0.01), total: x(0.03) }, running: true, runs: 2000 },
          { failure: { first: x(0.01), total: x(0.01) }, running: true, runs: 500 },
          { failure: null, running: true, runs: 8000 },
          { failure: { first: x(0.01), total: x(0.01) }, running: false, runs: 1000 },
        ],
        rule,
      ),
    ).toEqual(['precise', null, null, 'cap', null]);
  });
});

describe('Sobol sized by precision: on the fixture', () => {
  const cases = [{ id: 'base', label: 'Base', scenario: loadFixture() }];
  const opts = { runs: 200, seed: 3, tornadoRuns: 0, sobolRuns: 16_000 };
  it('parameters stop at their own looks; any chunking gives the same JSON; each row equals a fixed run of its size', async () => {
    const a = await runAssurance(cases, opts, inlineRunner);
    const chunky: JobRunner = (job, seed, runs, _p, first = 0) =>
      Promise.resolve(runJobInline(job, seed, runs, 777, first));
    const b = await runAssurance(cases, opts, chunky);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(canonicalJson(b.value)).toBe(canonicalJson(a.value));
    const s = a.value.sobol!;
    expect(new Set(s.rows.map((r) => r.runs)).size).toBeGreaterThan(1);
    expect(s.modelRuns).toBeLessThan(s.fixedModelRuns);
    expect(s.runs).toBe(Math.max(...s.rows.map((r) => r.runs)));
    expect(s.modelRuns).toBe(2 * s.runs + s.rows.reduce((x, r) => x + r.runs, 0));
    expect(s.stops.precise + s.stops.cap).toBe(s.rows.length);
    for (const r of s.rows) {
      expect(r.runs).toBeGreaterThanOrEqual(1000);
      expect(r.runs).toBeLessThanOrEqual(16_000);
      const h = Math.max(
        r.first.ceasefireFailed! - r.firstLo.ceasefireFailed!,
        r.firstHi.ceasefireFailed! - r.first.ceasefireFailed!,
        r.total.ceasefireFailed! - r.totalLo.ceasefireFailed!,
        r.totalHi.ceasefireFailed! - r.total.ceasefireFailed!,
      );
      if (r.stop === 'precise') expect(h, r.key).toBeLessThanOrEqual(0.02 + 1e-6);
      else expect(r.runs).toBe(16_000);
      // A row's runs [0, n) are those of a fixed-size analysis of n runs: the same indices.
      const fixed = await runAssurance(
        cases,
        { ...opts, sobolRuns: r.runs, sobolMinRuns: r.runs },
        inlineRunner,
      );
      if (!fixed.ok) throw new Error('fixed');
      const f = fixed.value.sobol!.rows.find((x) => x.key === r.key)!;
      expect(f.first, r.key).toEqual(r.first);
      expect(f.total, r.key).toEqual(r.total);
    }
    // ρ dominates failure; its interval covers the estimate of a fixed run of four times the cap.
    const rho = s.rows.find((r) => r.key === 'riskTolerance')!;
    expect(rho.firstLo.ceasefireFailed).toBeGreaterThan(0.5);
    const big = await runAssurance(cases, { ...opts, sobolRuns: 64_000, sobolMinRuns: 64_000 }, inlineRunner);
    if (!big.ok) throw new Error('big');
    const bigRho = big.value.sobol!.rows.find((r) => r.key === 'riskTolerance')!;
    expect(bigRho.first.ceasefireFailed!).toBeGreaterThanOrEqual(rho.firstLo.ceasefireFailed!);
    expect(bigRho.first.ceasefireFailed!).toBeLessThanOrEqual(rho.firstHi.ceasefireFailed!);
    expect(bigRho.total.ceasefireFailed!).toBeGreaterThanOrEqual(rho.totalLo.ceasefireFailed!);
    expect(bigRho.total.ceasefireFailed!).toBeLessThanOrEqual(rho.totalHi.ceasefireFailed!);
  });
  it('progress reports the Sobol phase with parameters settled and its spend against the cap', async () => {
    const seen: { spent: number; cap: number; settled: number; rows: number }[] = [];
    const r = await runAssurance(cases, { ...opts, sobolRuns: 4000 }, inlineRunner, (_d, _t, phase) => {
      if (phase.name === 'sobol')
        seen.push({ spent: phase.spent!, cap: phase.cap!, settled: phase.settled!, rows: phase.rows! });
    });
    if (!r.ok) throw new Error('run');
    const s = r.value.sobol!;
    const last = seen[seen.length - 1]!;
    expect(last.spent).toBe(s.modelRuns);
    expect(last.cap).toBe(s.fixedModelRuns);
    expect(last.settled).toBe(s.rows.length);
    expect(last.rows).toBe(s.rows.length);
  });
});
