import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { inlineRunner, runAssurance } from '../assure/index.js';
import {
  applyPoint,
  buildDesign,
  parseDesign,
  parseSweepParams,
  rowsToCsv,
  sweepRows,
  type SweepParam,
} from './index.js';
import { gridDesign, lhsDesign } from './design.js';
import { parseSweepParam } from './param.js';
import { resolvePath } from './apply.js';

const param = (text: string): SweepParam => {
  const r = parseSweepParam(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('sweep parameters', () => {
  it('parses lists, ranges, words and booleans', () => {
    expect(param('guarantor.backstop.credibility.alpha=1,2.5,1e1')).toEqual({
      name: 'guarantor.backstop.credibility.alpha',
      path: ['guarantor', 'backstop', 'credibility', 'alpha'],
      values: [1, 2.5, 10],
    });
    expect(param('adversary.riskTolerance.mean=-1..2').range).toEqual([-1, 2]);
    expect(param('guarantor.backstop.kind=none,air-cover').values).toEqual(['none', 'air-cover']);
    expect(param('x=true').values).toEqual([true]);
  });

  it('reports every bad parameter at once', () => {
    const r = parseSweepParams(['a', 'b..c=1', 'c=2..1', 'd=1,,2', 'e=1', 'e=2']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => i.code)).toEqual([
      'sweep.param-form',
      'sweep.param-path',
      'sweep.param-range',
      'sweep.param-values',
      'sweep.param-duplicate',
    ]);
  });

  it('parses designs', () => {
    expect(parseDesign('grid')).toEqual({ ok: true, value: { kind: 'grid' } });
    expect(parseDesign('lhs:12')).toEqual({ ok: true, value: { kind: 'lhs', points: 12 } });
    expect(parseDesign('lhs:0').ok).toBe(false);
    expect(parseDesign('sobol:4').ok).toBe(false);
  });
});

describe('designs', () => {
  it('a grid is the full product, first parameter slowest', () => {
    const r = gridDesign([param('a=1,2'), param('b=x,y,z')]);
    expect(r.ok && r.value.map((p) => p.values)).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
    expect(gridDesign([param('a=0..1')]).ok).toBe(false);
    expect(buildDesign([], { kind: 'grid' }, 1).ok).toBe(false);
  });

  it('a Latin hypercube uses each stratum of each range exactly once, reproducibly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        fc.array(
          fc.tuple(
            fc.double({ min: -5, max: 5, noNaN: true }),
            fc.double({ min: 0.01, max: 5, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (n, seed, dims) => {
          const params = dims.map(([lo, w], d) => ({
            name: `p${d}`,
            path: [`p${d}`],
            range: [lo, lo + w] as const,
          }));
          const r = lhsDesign(params, n, seed);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(lhsDesign(params, n, seed)).toEqual(r);
          params.forEach((p, d) => {
            const [lo, hi] = p.range;
            const strata = r.value.map((pt) =>
              Math.floor(((pt.values[d] as number) - lo) / ((hi - lo) / n) + 1e-9),
            );
            expect(new Set(strata.map((s) => Math.min(n - 1, s))).size).toBe(n);
            for (const pt of r.value) {
              expect(pt.values[d]).toBeGreaterThanOrEqual(lo);
              expect(pt.values[d]).toBeLessThanOrEqual(hi);
            }
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a different seed gives a different hypercube', () => {
    const p = [param('a=0..1'), param('b=0..1')];
    const a = lhsDesign(p, 8, 1);
    const b = lhsDesign(p, 8, 2);
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
  });
});

describe('applying points', () => {
  const s = loadFixture();

  it('resolves keys, indices and ids', () => {
    expect(resolvePath(s, ['adversary', 'ladder', '2', 'upPerDay'])).toEqual({
      ok: true,
      value: ['adversary', 'ladder', 2, 'upPerDay'],
    });
    const r = resolvePath(s, ['nations', 'GBR', 'id']);
    expect(r.ok && r.value[1]).toBe(s.nations.findIndex((n) => n.id === 'GBR'));
    const bad = resolvePath(s, ['adversary', 'nope', 'x']);
    expect(!bad.ok && bad.error[0]!.code).toBe('sweep.path-missing');
    expect(resolvePath(s, ['nations', 'XXX', 'id']).ok).toBe(false);
  });

  it('writes the values, leaves the input alone and validates again', () => {
    const params = [
      param('guarantor.backstop.credibility.alpha=5'),
      param('adversary.riskTolerance.mean=0.5'),
    ];
    const r = applyPoint(s, params, { index: 0, values: [5, 0.5] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.value.guarantor?.backstop?.credibility;
    expect(c !== undefined && 'alpha' in c && c.alpha).toBe(5);
    expect(s.guarantor?.backstop?.credibility).toEqual({ dist: 'beta', alpha: 2, beta: 2 });
    const bad = applyPoint(s, [params[0]!], { index: 3, values: [-1] });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error[0]!.message).toMatch(/^at sweep point 3 \(guarantor.backstop.credibility.alpha=-1\)/);
  });

  it('makes one tidy row per case and measure, and CSV with a header', async () => {
    const params = [param('adversary.riskTolerance.mean=0.5')];
    const point = { index: 0, values: [0.5] };
    const scenario = applyPoint(s, params, point);
    if (!scenario.ok) throw new Error('apply');
    const result = await runAssurance(
      [{ id: 'base', label: 'base', scenario: scenario.value }],
      { runs: 200, seed: 3, tornadoRuns: 0 },
      inlineRunner,
    );
    if (!result.ok) throw new Error('run');
    const rows = sweepRows(params, point, result.value);
    expect(rows).toHaveLength(10);
    const outcomes = rows.filter((r) => r.kind === 'outcome');
    expect(outcomes.reduce((a, r) => a + r.count, 0)).toBe(200);
    const csv = rowsToCsv(params, rows).split('\r\n');
    expect(csv[0]).toBe('point,adversary.riskTolerance.mean,case,kind,measure,p,lo,hi,count,runs,seed');
    expect(csv[1]).toMatch(/^0,0\.5,base,outcome,held,/);
    expect(csv).toHaveLength(12);
  });
});
