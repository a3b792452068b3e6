/** Honest coverage: what `show`, the workspace and its CSV report agrees with the plan, cell by cell. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHighsSolver } from '../adapters/highs/index.js';
import { inPlaceOf, planForce, type ForcePlan, type LpSolver } from '../core/plan/index.js';
import {
  isValidMini,
  miniScenario,
  type MiniNation,
  type MiniPledge,
  type MiniScenario,
} from '../core/plan/testing.js';
import { coverageByMission, isShort, summarizeScenario, type Scenario } from '../core/scenario/index.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const pledgedPlan = (s: Scenario): ForcePlan => planForce(s, solver, { options: { mode: 'pledged' } }).plan;

const jet = {
  id: 'jet',
  category: 'air' as const,
  personnel: 200,
  tourMonths: 4,
  dwellMonths: 8,
  capabilities: { orbit: 1, presence: 0.5 },
};
const bn = { id: 'bn', personnel: 600, capabilities: { presence: 1 } };
const missions = (presence: number, orbit: number): MiniScenario['missions'] => [
  { id: 'land', requirements: [{ capability: 'presence', amount: presence, priority: 2 }] },
  { id: 'air', inHost: false, requirements: [{ capability: 'orbit', amount: orbit, priority: 1 }] },
];

describe('coverage counts what the plan has in place', () => {
  it('a unit that could serve two missions is counted on the one it serves', () => {
    // One jet, pledged for any mission: 1 orbit on `air` or 0.5 presence on `land`, not both.
    const s = miniScenario({
      units: [jet],
      missions: missions(0.5, 1),
      nations: [{ id: 'AAA', inventory: { jet: 3 } }],
      pledges: [{ nation: 'AAA', unitType: 'jet', units: 1 }],
    });
    const cov = coverageByMission(s, inPlaceOf(pledgedPlan(s)));
    // The plan puts it on the priority-1 orbit; presence is short by the whole 0.5.
    expect(cov.find((m) => m.mission === 'air')?.capabilities[0]?.byPeriod[0]).toEqual({
      required: 1,
      available: 1,
      gap: 0,
    });
    expect(cov.find((m) => m.mission === 'land')?.capabilities[0]?.byPeriod[0]).toEqual({
      required: 0.5,
      available: 0,
      gap: 0.5,
    });
  });

  it('units not yet there (lead time) are not counted in place', () => {
    // Two battalions ready on day 91 of a 181-day first half-year: 2 × 90/181 in place in P1.
    const s = miniScenario({
      units: [{ ...bn, leadTimeDays: 91 }],
      missions: [{ id: 'land', requirements: [{ capability: 'presence', amount: 2 }] }],
      nations: [{ id: 'AAA', inventory: { bn: 6 } }],
      pledges: [{ nation: 'AAA', unitType: 'bn', units: 2 }],
    });
    const sum = summarizeScenario(s, inPlaceOf(pledgedPlan(s)));
    expect(sum.totals[0]?.pledgedPersonnel).toBe(1200);
    expect(sum.totals[0]?.inPlacePersonnel).toBe(Math.round(1200 * (90 / 181)));
    expect(sum.totals[0]?.shortPersonnel).toBe(Math.round(600 * (2 - 2 * (90 / 181))));
    expect(sum.totals[1]).toMatchObject({ inPlacePersonnel: 1200, shortPersonnel: 0, requirementsMet: 1 });
    expect(sum.requirementPeriods).toEqual({ met: 1, total: 2 });
  });

  const nationArb = (id: string): fc.Arbitrary<MiniNation> =>
    fc.record({
      id: fc.constant(id),
      inventory: fc.record({ bn: fc.integer({ min: 0, max: 9 }), jet: fc.integer({ min: 0, max: 6 }) }),
      personnelCeiling: fc.constantFrom(500, 1500, 100_000),
      caveats: fc.constantFrom([], [{ hostTerritoryOnly: true }], [{ missions: ['air'] }]),
      leadTimeDays: fc.constantFrom(0, 60, 200),
    });
  const pledgeArb: fc.Arbitrary<MiniPledge> = fc.record({
    nation: fc.constantFrom('AAA', 'BBB'),
    unitType: fc.constantFrom('bn', 'jet'),
    units: fc.integer({ min: 1, max: 6 }).map((u) => u / 2),
    fromPeriod: fc.constantFrom(1, 1, 2),
  });
  const scenarioArb: fc.Arbitrary<MiniScenario> = fc.record({
    periods: fc.constant(3),
    units: fc.constant([bn, jet]),
    missions: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }))
      .map(([p, o]) => missions(p / 2, o / 2)),
    nations: fc.tuple(nationArb('AAA'), nationArb('BBB')).map((ns) => [...ns]),
    pledges: fc.array(pledgeArb, { maxLength: 5 }),
  });

  it('is never reported as met where the plan is short, nor short where the plan meets it', () => {
    fc.assert(
      fc.property(scenarioArb, (spec) => {
        fc.pre(isValidMini(spec));
        const s = miniScenario(spec);
        const p = pledgedPlan(s);
        const inPlace = inPlaceOf(p);
        const cov = coverageByMission(s, inPlace);
        const sum = summarizeScenario(s, inPlace);
        for (const row of p.coverage) {
          const cell = cov
            .find((m) => m.mission === row.mission)
            ?.capabilities.find((c) => c.capability === row.capability)?.byPeriod[row.period - 1];
          const planShort = isShort(row.required, row.required - row.shortfall);
          expect(cell?.required).toBeCloseTo(row.required, 9);
          expect((cell?.gap ?? 0) > 0, `${row.mission} ${row.capability} P${row.period}`).toBe(planShort);
          if (planShort) {
            expect(cell?.gap ?? 0).toBeCloseTo(row.shortfall, 6);
            expect(sum.totals[row.period - 1]?.shortPersonnel ?? 0).toBeGreaterThan(0);
          }
        }
        const met = p.coverage.filter((r) => !isShort(r.required, r.required - r.shortfall)).length;
        expect(sum.requirementPeriods).toEqual({ met, total: p.coverage.length });
        for (const per of p.periods)
          expect(sum.totals[per.index - 1]?.inPlacePersonnel).toBe(
            Math.round(p.personnel.filter((r) => r.period === per.index).reduce((a, r) => a + r.deployed, 0)),
          );
      }),
      { numRuns: 60 },
    );
  });
});
