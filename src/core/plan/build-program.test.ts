import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyVariants, daysBetween, rotationRatio } from '../scenario/index.js';
import {
  availability,
  buildPlanProgram,
  periodsOf,
  removeConditionalEdits,
  removeNationsEdits,
} from './build-program.js';
import { badNames, rowsOf, variablesOf } from './linear-program.js';
import { resolvePlanOptions } from './options.js';
import { miniScenario, type MiniScenario } from './testing.js';

const base: MiniScenario = {
  periods: 3,
  units: [
    {
      id: 'bn',
      category: 'land',
      personnel: 600,
      costPerYearUsd: 5e7,
      tourMonths: 6,
      dwellMonths: 12,
      capabilities: { presence: 1 },
    },
    {
      id: 'jet',
      category: 'air',
      personnel: 200,
      costPerYearUsd: 2e8,
      tourMonths: 4,
      dwellMonths: 8,
      leadTimeDays: 100,
      capabilities: { orbit: 1 },
    },
  ],
  missions: [
    { id: 'land', requirements: [{ capability: 'presence', amount: 3 }] },
    { id: 'air', inHost: false, requirements: [{ capability: 'orbit', amount: 2, priority: 1 }] },
  ],
  nations: [
    { id: 'AAA', inventory: { bn: 9, jet: 6 }, committableShare: 1 / 3, personnelCeiling: 2000 },
    { id: 'BBB', inventory: { bn: 6 }, caveats: [{ hostTerritoryOnly: true }], conditions: ['backstop'] },
  ],
  pledges: [
    { nation: 'AAA', unitType: 'bn', units: 2 },
    { nation: 'AAA', unitType: 'jet', units: 1, missions: ['air'] },
    { nation: 'BBB', unitType: 'bn', units: 1 },
  ],
};

const names = (s: MiniScenario, input = {}): string[] =>
  variablesOf(buildPlanProgram(miniScenario(s), resolvePlanOptions(input)).lp).map((v) => v.name);

describe('rotation arithmetic', () => {
  it('a 6-month tour with 12 months of dwell (1:2) needs 3 units per unit deployed', () => {
    expect(rotationRatio({ tourMonths: 6, dwellMonths: 12 })).toBe(3);
    expect(rotationRatio({ tourMonths: 4, dwellMonths: 8 })).toBe(3);
    expect(rotationRatio({ tourMonths: 6, dwellMonths: 6 })).toBe(2);
  });
  it('potential mode: the supply row charges the rotation ratio against committable inventory', () => {
    const pm = buildPlanProgram(
      miniScenario({ ...base, pledges: [] }),
      resolvePlanOptions({ mode: 'potential' }),
    );
    const row = rowsOf(pm.lp).find((r) => r.name === 'supply[AAA,bn,1]');
    expect(row?.upper).toBeCloseTo(3); // 9 held × 1/3 committable
    expect(row?.coefficients).toEqual([3]); // rotation ratio 3 per unit deployed → 1 unit sustainable
    expect(variablesOf(pm.lp).find((v) => v.name === 'x[AAA,bn,land,1]')?.upper).toBeCloseTo(1);
    // A pledge is honoured even beyond the committable share: 2 deployed need 6 held.
    const pledged = buildPlanProgram(miniScenario(base), resolvePlanOptions({ mode: 'potential' }));
    expect(rowsOf(pledged.lp).find((r) => r.name === 'supply[AAA,bn,1]')?.upper).toBeCloseTo(6);
  });
});

describe('buildPlanProgram', () => {
  it('creates readable variables only where a nation can supply a unit a mission needs', () => {
    const v = names(base);
    expect(v).toContain('x[AAA,bn,land,1]');
    expect(v).toContain('s[land,presence,2]');
    expect(v).toContain('s[air,orbit,3]');
    // Air squadrons are pledged for `air` only and cannot serve `land` anyway.
    expect(v.filter((n) => n.startsWith('x[AAA,jet,land'))).toEqual([]);
  });
  it('applies caveats: BBB excludes missions on host territory', () => {
    const v = names(base);
    expect(v.filter((n) => n.startsWith('x[BBB'))).toEqual([]);
    const open = names({
      ...base,
      nations: base.nations.map((n) => (n.id === 'BBB' ? { ...n, caveats: [] } : n)),
    });
    expect(open).toContain('x[BBB,bn,land,1]');
  });
  it('applies lead times against period days (jets ready from day 100: 81 of P1’s 181 days, all of P2)', () => {
    const pm = buildPlanProgram(miniScenario(base), resolvePlanOptions({}));
    const upper = (name: string): number | undefined =>
      variablesOf(pm.lp).find((x) => x.name === name)?.upper;
    // One jet pledged: in P1 it can be there on average 81/181 of a unit, from P2 a whole unit.
    expect(upper('x[AAA,jet,air,1]')).toBeCloseTo(81 / 181, 12);
    expect(upper('x[AAA,jet,air,2]')).toBe(1);
    expect(periodsOf(miniScenario(base)).map((p) => [p.startDay, p.days])).toEqual([
      [0, 181],
      [181, 184],
      [365, 181],
    ]);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  it('availability: the share of a period after the lead time has passed', () => {
    expect(availability({ startDay: 0, days: 181 }, 0)).toBe(1);
    expect(availability({ startDay: 0, days: 181 }, 100)).toBeCloseTo(81 / 181, 12);
    expect(availability({ startDay: 0, days: 181 }, 181)).toBe(0);
    expect(availability({ startDay: 0, days: 181 }, 400)).toBe(0);
    expect(availability({ startDay: 181, days: 184 }, 100)).toBe(1);
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 400 }), fc.nat(2000), (start, days, lead) => {
        const a = availability({ startDay: start, days }, lead);
        return (
          a >= 0 && a <= 1 && (lead <= start ? a === 1 : true) && (lead >= start + days ? a === 0 : true)
        );
      }),
    );
  });
  it('drops pledges and nations conditional on a backstop that is not there', () => {
    const nob = names({
      ...base,
      backstop: 'none',
      nations: base.nations.map((n) => ({ ...n, caveats: [] })),
    });
    expect(nob.filter((n) => n.includes('BBB'))).toEqual([]);
  });
  it('drops a withdrawn nation (variant) entirely, also from fair share', () => {
    const s = miniScenario({ ...base, variants: [{ id: 'out', name: 'A out', withdraw: ['AAA'] }] });
    const r = applyVariants(s, ['out']);
    if (!r.ok) throw new Error('variant failed');
    const pm = buildPlanProgram(r.value.scenario, resolvePlanOptions({}));
    expect(variablesOf(pm.lp).some((v) => v.name.includes('AAA'))).toBe(false);
    expect(pm.fair.nations).toEqual(['BBB']);
  });
  it('pledges with different mission sets become separate pools with their own supply rows', () => {
    const s: MiniScenario = {
      ...base,
      missions: [...base.missions, { id: 'reserve', requirements: [{ capability: 'presence', amount: 1 }] }],
      pledges: [
        { nation: 'AAA', unitType: 'bn', units: 2, missions: ['land'] },
        { nation: 'AAA', unitType: 'bn', units: 1, missions: ['reserve'] },
      ],
    };
    const pm = buildPlanProgram(miniScenario(s), resolvePlanOptions({}));
    const supply = rowsOf(pm.lp).filter((r) => r.name.startsWith('supply[AAA,bn,1'));
    expect(supply.map((r) => [r.name, r.upper])).toEqual([
      ['supply[AAA,bn,1,p1]', 2],
      ['supply[AAA,bn,1,p2]', 1],
    ]);
    expect(variablesOf(pm.lp).map((v) => v.name)).toContain('x[AAA,bn,reserve,1,p2]');
    expect(variablesOf(pm.lp).map((v) => v.name)).toContain('up[AAA,bn,reserve,2,p2]');
    expect(rowsOf(pm.lp).map((r) => r.name)).toContain('churn[AAA,bn,reserve,2,p2]');
    expect(badNames(pm.lp)).toEqual([]);
  });
  it('names every column and row uniquely, without whitespace (names are made on demand)', () => {
    for (const input of [{}, { mode: 'potential' as const }, { integer: true }]) {
      const pm = buildPlanProgram(miniScenario(base), resolvePlanOptions(input));
      expect(badNames(pm.lp)).toEqual([]);
      const names = [...variablesOf(pm.lp), ...rowsOf(pm.lp)].map((x) => x.name);
      for (const prefix of [
        's[',
        'x[',
        'burden',
        'over[',
        'under[',
        'up[',
        'down[',
        'cover[',
        'supply[',
        'fair[',
        'churn[',
      ])
        expect(
          names.some((n) => n.startsWith(prefix)),
          prefix,
        ).toBe(true);
      expect(() => pm.lp.variables.names.at(pm.lp.variables.count)).toThrow(RangeError);
      expect(() => pm.lp.rows.names.at(-1)).toThrow(RangeError);
    }
  });
  it('adds ceilings, fair share and churn rows', () => {
    const pm = buildPlanProgram(
      miniScenario({ ...base, nations: base.nations.map((n) => ({ ...n, caveats: [] })) }),
      resolvePlanOptions({}),
    );
    const rows = rowsOf(pm.lp).map((r) => r.name);
    expect(rows).toContain('personnel[AAA,1]');
    expect(rows).toContain('burden-total');
    expect(rows).toContain('fair[AAA]');
    expect(rows).toContain('churn[AAA,bn,land,2]');
    expect(pm.fair.shares).toEqual({ AAA: 0.5, BBB: 0.5 });
    const noFair = buildPlanProgram(
      miniScenario(base),
      resolvePlanOptions({ weights: { unfairness: 0, churn: 0 } }),
    );
    expect(rowsOf(noFair.lp).some((r) => r.name.startsWith('fair') || r.name.startsWith('churn'))).toBe(
      false,
    );
  });
  it('weights shortfall by priority, period length and requirement size; cost by mean unit cost', () => {
    const pm = buildPlanProgram(miniScenario(base), resolvePlanOptions({}));
    const cost = (n: string): number | undefined => variablesOf(pm.lp).find((v) => v.name === n)?.cost;
    // priority 1 (×9), half a year, per unit of a requirement of 2: 10,000 × 9 × 0.5 / 2
    expect(cost('s[air,orbit,1]')).toBeCloseTo(22_500);
    // priority 2 (×3): 10,000 × 3 × 0.5 / 3
    expect(cost('s[land,presence,1]')).toBeCloseTo(5_000);
    // $50m a year against a mean of $125m, half a year
    expect(cost('x[AAA,bn,land,1]')).toBeCloseTo(0.2);
  });
  it('resilience edits fix a nation at zero and renormalise fair shares; conditional edits cut supply', () => {
    const s = miniScenario({ ...base, nations: base.nations.map((n) => ({ ...n, caveats: [] })) });
    const pm = buildPlanProgram(s, resolvePlanOptions({}));
    const edits = removeNationsEdits(pm, ['AAA']);
    const fixed = edits.filter((e) => e.kind === 'column-bounds');
    expect(fixed.length).toBe(pm.sourcing.filter((c) => c.nation === 'AAA').length);
    expect(
      edits.filter((e) => e.kind === 'coefficient').map((e) => (e.kind === 'coefficient' ? e.value : 0)),
    ).toEqual([-0, -1]);
    expect(pm.conditionalNations).toEqual(['BBB']);
    const cond = removeConditionalEdits(pm);
    expect(
      cond.some(
        (e) => e.kind === 'column-bounds' && pm.sourcing.find((c) => c.column === e.column)?.nation === 'BBB',
      ),
    ).toBe(true);
  });
});
