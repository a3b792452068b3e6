import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThreadPool } from '../src/adapters/threads/index.js';
import { createHighsSolver } from '../src/adapters/highs/index.js';
import { loadInput, runFrontier } from '../src/app/index.js';
import { planForce } from '../src/core/plan/index.js';
import { inlineRunner, pairedDifference } from '../src/core/assure/index.js';
import { frontierNotes, frontierText } from '../src/core/brief/index.js';
import {
  bisectScale,
  frontierCsv,
  frontierScales,
  neighboursOrdered,
  paretoEfficient,
  pointsPerBillion,
  targetBracket,
  type FrontierReport,
} from '../src/core/frontier/index.js';
import { canonicalJson } from '../src/core/shared/index.js';
import { bulwark, fixture } from './helpers.js';

describe('frontier analysis (pure)', () => {
  it('scales start at none, include the requirements as stated, and ascend geometrically', () => {
    const s = frontierScales(6, 2);
    expect(s).toHaveLength(6);
    expect(s[0]).toBe(0);
    expect(s).toContain(1);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    // 0.1 … 2 in 5 geometric steps: ratio 20^(1/4); the one nearest 1 (0.946) moved to 1.
    expect(s[1]).toBeCloseTo(0.1, 9);
    expect(s[2]).toBeCloseTo(0.1 * 20 ** 0.25, 6);
    expect(s[5]).toBeCloseTo(2, 9);
    expect(() => frontierScales(2, 2)).toThrow(/at least 3/);
  });

  it('the largest scale is always tried and 1 is in the family for every number of points (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.double({ min: 1.01, max: 20, noNaN: true }),
        (n, max) => {
          const s = frontierScales(n, max);
          expect(s).toHaveLength(n);
          expect(s.at(-1)).toBeCloseTo(max, 5);
          expect(s).toContain(1);
          for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
        },
      ),
      { seed: 9, numRuns: 200 },
    );
  });

  it('Pareto efficiency: no efficient point is dominated and every inefficient one is (property)', () => {
    const pt = fc.record({
      costUsdPerYear: fc.integer({ min: 0, max: 20 }),
      risk: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 1, maxLength: 12 }), (ps) => {
        const e = paretoEfficient(ps);
        const dominates = (q: (typeof ps)[number], p: (typeof ps)[number]): boolean =>
          q.costUsdPerYear <= p.costUsdPerYear &&
          q.risk <= p.risk &&
          (q.costUsdPerYear < p.costUsdPerYear || q.risk < p.risk);
        ps.forEach((p, i) => {
          const dominated = ps.some((q, j) => j !== i && dominates(q, p));
          const tiedEarlier = ps.some(
            (q, j) => j < i && q.costUsdPerYear === p.costUsdPerYear && q.risk === p.risk,
          );
          expect(e[i]).toBe(!dominated && !tiedEarlier);
        });
      }),
      { seed: 5, numRuns: 200 },
    );
    expect(
      paretoEfficient([
        { costUsdPerYear: 0, risk: 30 },
        { costUsdPerYear: 1, risk: 10 },
        { costUsdPerYear: 2, risk: 12 },
        { costUsdPerYear: 3, risk: 5 },
      ]),
    ).toEqual([true, true, false, true]);
  });

  it('brackets a target, bisects in log scale, orders neighbours and values increments', () => {
    expect(targetBracket([0.3, 0.2, 0.09, 0.05], 0.1)).toEqual({ below: 1, meets: 2 });
    expect(targetBracket([0.05, 0.04], 0.1)).toEqual({ below: -1, meets: 0 });
    expect(targetBracket([0.3, 0.2], 0.1)).toEqual({ below: -1, meets: -1 });
    expect(bisectScale(0.25, 1)).toBe(0.5);
    expect(bisectScale(0, 1)).toBe(0.5);
    // 60 runs only for the variant, 20 only for the baseline, of 10,000: d = +0.4 points, clearly > 0.
    expect(neighboursOrdered(pairedDifference(60, 20, 10_000), 0.001)).toBe(true);
    // 3 against 2: d = 0.0001 ± 0.00044, straddling 0: wider than ±0.0002, within ±0.005.
    const close = pairedDifference(3, 2, 10_000);
    expect(neighboursOrdered(close, 0.0002)).toBe(false);
    expect(neighboursOrdered(close, 0.005)).toBe(true);
    // −0.5 points for US$ 250m a year: 2 points per $bn.
    expect(pointsPerBillion(pairedDifference(0, 50, 10_000), 250e6)).toBeCloseTo(2, 9);
    expect(pointsPerBillion(pairedDifference(0, 50, 10_000), 0)).toBeNull();
  });
});

const small = {
  ref: fixture('minimal.yaml'),
  points: 6,
  runs: 2_000,
  maxRuns: 4_000,
  refineSteps: 3,
} as const;

describe('runFrontier (minimal fixture)', () => {
  let report: FrontierReport;
  it('gives the same report in process and on a 2-thread pool (seeded, common random numbers)', async () => {
    report = (await runFrontier({ ...small, runner: inlineRunner })).report;
    const pool = createThreadPool({ workers: 2, chunkRuns: 700 });
    try {
      const again = (await runFrontier({ ...small, runner: pool.run })).report;
      expect(canonicalJson(again)).toBe(canonicalJson(report));
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('answers the target question with a bracket: the cheapest force meets it, the scale below does not', () => {
    for (const c of report.cases) {
      const scales = c.points.filter((p) => p.kind === 'scale' || p.kind === 'none' || p.kind === 'refine');
      if (!c.cheapest.found) {
        expect(scales.every((p) => p.ceasefireFailed.p > report.target)).toBe(true);
        continue;
      }
      const best = c.cheapest.point!;
      expect(best.ceasefireFailed.p).toBeLessThanOrEqual(report.target);
      const cheaper = scales.filter((p) => p.scale! < best.scale!);
      expect(cheaper.every((p) => p.ceasefireFailed.p > report.target)).toBe(true);
    }
  });

  it('every case is simulated on the same runs, and force and backstop lower the risk', () => {
    const byId = Object.fromEntries(report.cases.map((c) => [c.id, c]));
    const none = byId['none']!;
    const own = byId['intelligence-logistics']!;
    const full = byId['full']!;
    const at = (c: typeof none, id: string) => c.points.find((p) => p.id === id)!.ceasefireFailed.p;
    // With no force, the backstop still deters; more backstop, less risk (same runs: no noise in the order).
    expect(at(none, 's0')).toBeGreaterThan(at(own, 's0'));
    expect(at(own, 's0')).toBeGreaterThan(at(full, 's0'));
    // The requirements as stated lower the risk against no force, in every case.
    for (const c of report.cases) expect(at(c, 's1')).toBeLessThan(at(c, 's0'));
    // Every paired difference is exactly the difference of the two points' estimates (same runs): a wrong
    // pairing or index between run order and the report's order would break it.
    for (const c of report.cases)
      for (const p of c.points) {
        if (p.versus === undefined) continue;
        const other = c.points.find((q) => q.id === p.versus!.id)!;
        expect(p.runs).toBe(other.runs);
        expect(p.versus.ceasefireFailed.difference).toBeCloseTo(
          p.ceasefireFailed.p - other.ceasefireFailed.p,
          5,
        );
      }
    // The scale points' neighbours are the next smaller grid scale.
    const grid = own.points.filter((p) => p.kind === 'scale');
    grid.forEach((p, i) => expect(p.versus?.id).toBe(i === 0 ? 's0' : grid[i - 1]!.id));
    // The robustness levels: a bolder adversary never fails less at the same force (pinned, same runs).
    const lv = report.robustness!.levels;
    lv[0]!.points.forEach((p, i) => {
      expect(p.ceasefireFailed.p).toBeLessThanOrEqual(lv[1]!.points[i]!.ceasefireFailed.p);
      expect(lv[1]!.points[i]!.ceasefireFailed.p).toBeLessThanOrEqual(lv[2]!.points[i]!.ceasefireFailed.p);
    });
  });

  it('values each backstop against the case without one, and says so in words', () => {
    expect(report.backstopWorth.map((w) => w.case)).toEqual(['intelligence-logistics', 'full']);
    for (const w of report.backstopWorth) {
      if (w.equivalent === undefined) {
        expect(w.extraPersonnel).toBeNull();
        expect(w.lowestWithout.ceasefireFailed.p).toBeGreaterThan(w.reference.ceasefireFailed.p);
      } else expect(w.equivalent.ceasefireFailed.p).toBeLessThanOrEqual(w.reference.ceasefireFailed.p);
    }
    const text = frontierNotes(report).join('\n');
    expect(text).toMatch(/Cheapest force keeping the risk at or below 10\.0%/);
    expect(text).toMatch(/What the backstop is worth/);
    // One home per sentence: every word of the answers comes from the catalogue (the pseudo locale marks
    // each message ⟦…⟧; nothing is left once the marked messages are removed), and French has as many.
    let pseudo = frontierNotes(report, frontierText('pseudo')).join(' ');
    while (/⟦[^⟦⟧]*⟧/.test(pseudo)) pseudo = pseudo.replace(/⟦[^⟦⟧]*⟧/g, '');
    expect(pseudo.trim()).toBe('');
    const fr = frontierNotes(report, frontierText('fr'));
    expect(fr).toHaveLength(frontierNotes(report).length);
    expect(fr.join('\n')).toMatch(/Ce que vaut le filet de sécurité/);
    expect(fr.join('\n')).not.toMatch(/What the backstop|Cheapest force/);
    const csv = frontierCsv(report).trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + report.cases.reduce((a, c) => a + c.points.length, 0));
  });

  it('refuses a backstop case the scenario does not have, a variant that is not a backstop, and a target outside (0, 1)', async () => {
    await expect(
      runFrontier({ ...small, backstops: ['uk-withdraws'], runner: inlineRunner }),
    ).rejects.toThrow(/does not change the guarantor/);
    await expect(runFrontier({ ...small, backstops: ['nope'], runner: inlineRunner })).rejects.toThrow(
      /neither a backstop kind of this scenario \(none, .*\) nor a variant/,
    );
    await expect(runFrontier({ ...small, target: 1.5, runner: inlineRunner })).rejects.toThrow(/--target/);
  });
});

describe('runFrontier (ukraine-2025, few runs)', () => {
  it('counts each point’s personnel and nations as its plan does, the guarantor’s own units included', async () => {
    // ukraine-2025's pledged plan has US ISR in theatre: the simulated force leaves it out, the point
    // must not (the briefing's bottom line quotes the plan's 13,915 from 12 nations for the same force).
    const solver = await createHighsSolver();
    const { report } = await runFrontier({
      ref: 'ukraine-2025',
      backstops: ['intelligence-logistics'],
      points: 3,
      runs: 100,
      maxRuns: 100,
      refineSteps: 0,
      robustness: false,
      solver,
      runner: inlineRunner,
    });
    const s = loadInput('ukraine-2025').scenario;
    const plan = planForce(s, solver, { options: { mode: 'pledged' } }).plan;
    const usa = plan.personnelByNation.find((n) => n.nation === 'USA');
    expect(usa?.peakDeployed).toBeGreaterThan(0);
    const pledged = report.cases[0]?.points.find((p) => p.kind === 'pledged');
    expect(pledged?.peakPersonnel).toBe(Math.round(plan.personnelTotals.peakDeployed));
    expect(pledged?.nations).toBe(plan.personnelByNation.filter((n) => n.peakDeployed > 0).length);
  }, 120_000);
});

describe('bulwark frontier (CLI)', () => {
  it('prints the answers, and exits 2 naming a bad flag', () => {
    const ok = bulwark([
      'frontier',
      fixture('minimal.yaml'),
      '--points',
      '4',
      '--runs',
      '500',
      '--no-robustness',
      '--backstop',
      'none,intelligence-logistics',
    ]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/deterrence frontier/);
    expect(ok.stdout).toMatch(/What the backstop is worth/);
    const bad = bulwark(['frontier', fixture('minimal.yaml'), '--target', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--target/);
    const nope = bulwark(['frontier', fixture('minimal.yaml'), '--backstop', 'nope', '--runs', '100']);
    expect(nope.status).toBe(2);
    expect(nope.stderr).toMatch(/"nope" is neither/);
  }, 120_000);
});
