/**
 * The deployment flow through the planner: arrivals from lift capacity worked out by hand, the same plan
 * as before for scenarios without lift data, and more capacity never leaving a larger gap.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefInputOf } from '../../test/brief-builders.js';
import { createHighsSolver } from '../adapters/highs/index.js';
import { renderChartSvg } from '../adapters/render/index.js';
import { buildBriefing } from '../core/brief/index.js';
import {
  buildPlanProgram,
  planForce,
  resolvePlanOptions,
  variablesOf,
  type ForcePlan,
  type LpSolver,
} from '../core/plan/index.js';
import { miniScenario, type MiniScenario } from '../core/plan/testing.js';
import type { Scenario } from '../core/scenario/index.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const plan = (s: Scenario): ForcePlan => planForce(s, solver).plan;
const gap = (p: ForcePlan, mission: string, period: number): number =>
  p.coverage.filter((c) => c.mission === mission && c.period === period).reduce((a, c) => a + c.shortfall, 0);

// One nation pledges 3 battalions (100 personnel, 1,000 t each) for a presence of 3; 6-month periods from
// 2026-01-01 (P1 = 181 days). The battalions are ready on day 4, sail 2 days to a port passing 100 t a day,
// then drive 3 days to the mission: they arrive on days 4 + 2 + 10k + 3 = 19, 29, 39.
const base: MiniScenario = {
  periods: 2,
  units: [{ id: 'bn', personnel: 100, leadTimeDays: 90, capabilities: { presence: 1 } }],
  missions: [{ id: 'presence', requirements: [{ capability: 'presence', amount: 3, priority: 1 }] }],
  nations: [{ id: 'AAA', inventory: { bn: 9 } }],
  pledges: [{ nation: 'AAA', unitType: 'bn', units: 3 }],
};
const withFlow = (tonnesPerDay: number): MiniScenario => ({
  ...base,
  deployment: {
    nodes: [{ id: 'port', name: 'Port', kind: 'port', tonnesPerDay }],
    routes: [{ id: 'sea', name: 'By sea', legs: [{ node: 'port', transitDays: 2 }], onwardDays: 3 }],
    footprints: [{ unitType: 'bn', tonnes: 1000, readyDays: 4 }],
  },
});

describe('deployment flow in the plan (hand-worked)', () => {
  it('arrivals follow from the port: 19, 29 and 39 days, so P1 is short by (19 + 29 + 39) / 181', () => {
    const p = plan(miniScenario(withFlow(100)));
    expect(p.status).toBe('optimal');
    expect(p.check?.ok).toBe(true);
    const d = p.deployment;
    expect(d?.moves.map((m) => m.arrivalDay)).toEqual([19, 29, 39]);
    expect(d?.moves.map((m) => m.arrivalDate)).toEqual(['2026-01-20', '2026-01-30', '2026-02-09']);
    expect(d?.moves.map((m) => m.waitDays)).toEqual([0, 10, 20]);
    // Each battalion is there for (181 − arrival) / 181 of P1, instead of the catalog's 90-day lead time.
    expect(gap(p, 'presence', 1)).toBeCloseTo((19 + 29 + 39) / 181, 9);
    expect(gap(p, 'presence', 2)).toBeCloseTo(0, 9);
    expect(d?.arrivals).toEqual([
      {
        period: 1,
        nation: 'AAA',
        mission: 'presence',
        units: 3,
        personnel: 300,
        cumulativeUnits: 3,
        cumulativePersonnel: 300,
        bottleneck: 'port',
      },
    ]);
    expect(d?.bottleneck).toBe('port');
    expect(d?.completeDay).toBe(39);
    expect(d?.missions).toEqual([{ mission: 'presence', requirementMetFrom: 2, lastArrivalDay: 39 }]);
    expect(d?.nodes[0]).toMatchObject({
      node: 'port',
      tonnes: 3000,
      personnel: 300,
      bottleneckFor: 3,
      waitDays: 30,
    });
    const why = p.shortfall.find((r) => r.period === 1)?.causes[0];
    expect(why?.code).toBe('lead-time');
    expect(why?.text).toContain('AAA in place by day 39 (deployment flow, port)');
  });

  it('no capacity on the only route: nothing arrives and the whole requirement is short', () => {
    const p = plan(miniScenario(withFlow(0)));
    expect(p.deployment?.moves.every((m) => m.arrivalDay === null && m.period === null)).toBe(true);
    expect(gap(p, 'presence', 1)).toBeCloseTo(3, 9);
    expect(gap(p, 'presence', 2)).toBeCloseTo(3, 9);
    expect(p.deployment?.missions[0]?.requirementMetFrom).toBeNull();
    expect(p.shortfall[0]?.explanation).toContain('never arrives (no capacity at port)');
  });

  it('without lift data the plan is the lead-time plan, and an empty deployment block changes nothing', () => {
    const old = miniScenario(base);
    const p = plan(old);
    expect(p.deployment).toBeUndefined();
    // 90-day lead time: 3 × 90/181 short in P1.
    expect(gap(p, 'presence', 1)).toBeCloseTo((3 * 90) / 181, 9);
    const options = resolvePlanOptions({});
    const empty = miniScenario({ ...base, deployment: { nodes: [], routes: [], footprints: [] } });
    expect(buildPlanProgram(empty, options).lp).toEqual(buildPlanProgram(old, options).lp);
    // A route with no limits and ready days equal to the lead time: the same model, within rounding.
    const free = miniScenario({
      ...base,
      deployment: {
        nodes: [{ id: 'n', name: 'Unlimited', kind: 'road' }],
        routes: [{ id: 'r', name: 'Road', legs: [{ node: 'n', transitDays: 0 }] }],
        footprints: [{ unitType: 'bn', tonnes: 1000, readyDays: 90 }],
      },
    });
    const a = buildPlanProgram(free, options).lp;
    const b = buildPlanProgram(old, options).lp;
    expect(variablesOf(a).map((v) => v.name)).toEqual(variablesOf(b).map((v) => v.name));
    a.variables.upper.forEach((u, i) => expect(u).toBeCloseTo(b.variables.upper[i] ?? NaN, 12));
    a.rows.upper.forEach((u, i) => expect(u).toBeCloseTo(b.rows.upper[i] ?? NaN, 12));
  });

  it('more port capacity never leaves a larger weighted shortfall (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (cap, factor, units) => {
          const spec = (c: number): MiniScenario => ({
            ...withFlow(c),
            pledges: [{ nation: 'AAA', unitType: 'bn', units }],
          });
          const before = plan(miniScenario(spec(cap)));
          const after = plan(miniScenario(spec(cap * factor + 1)));
          expect(after.weightedShortfall).toBeLessThanOrEqual(before.weightedShortfall + 1e-9);
          after.deployment?.moves.forEach((m, i) =>
            expect(m.arrivalDay ?? Infinity).toBeLessThanOrEqual(
              before.deployment?.moves[i]?.arrivalDay ?? Infinity,
            ),
          );
        },
      ),
      { numRuns: 25, seed: 21 },
    );
  });

  it('priority orders the flow: a priority-1 pledge moves before a priority-3 one listed first', () => {
    const s = miniScenario({
      periods: 2,
      units: [
        { id: 'bn', personnel: 100, capabilities: { presence: 1 } },
        { id: 'med', personnel: 50, capabilities: { medical: 1 } },
      ],
      missions: [
        { id: 'presence', requirements: [{ capability: 'presence', amount: 1, priority: 3 }] },
        { id: 'care', requirements: [{ capability: 'medical', amount: 1, priority: 1 }] },
      ],
      nations: [{ id: 'AAA', inventory: { bn: 3, med: 3 } }],
      pledges: [
        { nation: 'AAA', unitType: 'bn', units: 1 },
        { nation: 'AAA', unitType: 'med', units: 1 },
      ],
      deployment: {
        nodes: [{ id: 'hub', name: 'Hub', kind: 'airport', tonnesPerDay: 50 }],
        routes: [{ id: 'air', name: 'By air', legs: [{ node: 'hub', transitDays: 0 }] }],
        footprints: [
          { unitType: 'bn', tonnes: 500 },
          { unitType: 'med', tonnes: 250 },
        ],
      },
    });
    const d = plan(s).deployment;
    // The medical unit (priority 1) passes first: 250 / 50 = day 5; then the battalion: 5 + 500 / 50 = 15.
    expect(d?.moves.map((m) => [m.unitType, m.arrivalDay])).toEqual([
      ['bn', 15],
      ['med', 5],
    ]);
  });

  it('the briefing draws a Gantt bar per pledge from ready to in place, and no chart without lift data', async () => {
    const s = miniScenario(withFlow(100));
    const b = buildBriefing(briefInputOf(plan(s), {}, s));
    const chart = b.charts.find((c) => c.id === 'deployment');
    expect(chart?.section).toBe('deployment');
    const layers = (chart?.spec as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer;
    // One bar for the one pledge: ready on day 4, the last battalion in place on day 39.
    expect(layers[0]?.data.values).toMatchObject([
      { label: 'AAA bn ×3', unit: 'bn', ready: 4, end: 39, inPlace: 'day 39' },
    ]);
    expect(layers[1]?.data.values.map((v) => v['day'])).toEqual([19, 29, 39]);
    if (chart === undefined) throw new Error('no deployment chart');
    expect(await renderChartSvg(chart.spec, 'deployment')).toContain('<svg');
    // Every text of the chart comes from the message catalogue (the pseudo-locale marks it).
    const pseudo = buildBriefing({ ...briefInputOf(plan(s), {}, s), lang: 'pseudo' }).charts.find(
      (c) => c.id === 'deployment',
    );
    expect(pseudo?.title).toMatch(/^⟦Last unit in place on day ⟨39⟩; bottleneck Port⟧$/);
    expect(pseudo?.description).toMatch(/^⟦.*⟧$/);
    const old = miniScenario(base);
    expect(buildBriefing(briefInputOf(plan(old), {}, old)).charts.some((c) => c.id === 'deployment')).toBe(
      false,
    );
  });
});
