/** Rotation under national rules through the planner: hand-derived personnel, tours, distinct people, years. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createHighsSolver } from '../adapters/highs/index.js';
import { planForce, type ForcePlan, type LpSolver, type PlanOptionsInput } from '../core/plan/index.js';
import { miniScenario, type MiniScenario } from '../core/plan/testing.js';
import { planCsvFiles } from './plan.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const plan = (spec: MiniScenario, options: PlanOptionsInput = {}): ForcePlan =>
  planForce(miniScenario(spec), solver, { options }).plan;

/** Two nations each pledge 2 battalions (600 each) for 8 quarters; GBR under UK Army harmony (6 + 24). */
const spec = (extra: Partial<MiniScenario> = {}): MiniScenario => ({
  periods: 8,
  periodMonths: 3,
  units: [{ id: 'bn', personnel: 600, tourMonths: 6, dwellMonths: 12, capabilities: { presence: 1 } }],
  missions: [{ id: 'presence', requirements: [{ capability: 'presence', amount: 4 }] }],
  nations: [
    { id: 'GBR', inventory: { bn: 8 } },
    { id: 'FRA', inventory: { bn: 6 } },
  ],
  pledges: [
    { nation: 'GBR', unitType: 'bn', units: 2 },
    { nation: 'FRA', unitType: 'bn', units: 2 },
  ],
  rotation: { rules: [{ nation: 'GBR', service: 'army', tourMonths: 6, dwellMonths: 24 }] },
  ...extra,
});

describe('personnel under national rotation rules (hand-derived)', () => {
  it('ties up, tours, distinct people and years differ by nation as their rules do', () => {
    const p = plan(spec());
    expect(p.shortfall).toEqual([]);
    const gbr = p.personnelByNation.find((n) => n.nation === 'GBR');
    const fra = p.personnelByNation.find((n) => n.nation === 'FRA');
    // In theatre: 2 × 600 each.
    expect(gbr?.peakDeployed).toBe(1200);
    expect(fra?.peakDeployed).toBe(1200);
    // Tied up: × 5 (6 + 24) for GBR, × 3 (6 + 12) for FRA.
    expect(gbr?.peakTiedUp).toBeCloseTo(6000, 9);
    expect(fra?.peakTiedUp).toBeCloseTo(3600, 9);
    // Troop-tours: 2 posts × 24 / 6 tours × 600 = 4,800 each.
    expect(gbr?.troopTours).toBeCloseTo(4800, 9);
    expect(fra?.troopTours).toBeCloseTo(4800, 9);
    // Distinct: GBR units return after 30 months, beyond the 24-month horizon: 8 units serve once → 4,800,
    // fewer than the 6,000 tied up. FRA units return after 18 months: 6 units → 3,600, equal to tied up.
    expect(gbr?.distinctOverHorizon).toBeCloseTo(4800, 9);
    expect(fra?.distinctOverHorizon).toBeCloseTo(3600, 9);
    // Years: GBR holds 8, needs 10; 8 units × 6 months / 2 posts = 24 months. FRA holds 6 = 3 × 2: indefinitely.
    expect(gbr?.sustainableYears).toBeCloseTo(2, 9);
    expect(gbr?.limitedBy).toBe('bn');
    expect(fra?.sustainableYears).toBeNull();
    const t = p.personnelTotals;
    expect(t.peakDeployed).toBe(2400);
    expect(t.peakTiedUp).toBeCloseTo(9600, 9);
    expect(t.troopTours).toBeCloseTo(9600, 9);
    expect(t.distinct).toBeCloseTo(8400, 9);
    expect(t.sustainableYears).toBeCloseTo(2, 9);
    expect(t.limitedBy).toBe('GBR');
    // The calendar splits the dwell pool evenly: GBR 2 deployed, (5 − 1) × 2 / 2 = 4 preparing and 4 recovering.
    expect(p.calendar.find((c) => c.nation === 'GBR' && c.period === 3)).toMatchObject({
      deployed: 2,
      preparing: 4,
      recovering: 4,
    });
    const row = p.rotation.find((r) => r.nation === 'GBR');
    expect(row).toMatchObject({
      tourMonths: 6,
      dwellMonths: 24,
      ratio: 5,
      rule: 0,
      poolUnits: 8,
      poolFrom: 'inventory',
    });
    expect(p.rotation.find((r) => r.nation === 'FRA')).toMatchObject({
      rule: 'catalog',
      ratio: 3,
      years: null,
    });
    const csv = planCsvFiles({ scenarioHash: 'h', plan: p });
    expect(csv['personnel-by-nation.csv']?.split('\r\n')[1]).toBe('GBR,1200,6000,4800,4800,2,bn');
    expect(csv['rotation.csv']).toContain('GBR,bn,6,24,5,rotation.rules[0],t,2,10,8,8,600,8,inventory,2');
  });

  it('a crew pool or a personnel pool runs out first when smaller', () => {
    // 5 trained crews: 5 × 6 / 2 = 15 months.
    const crews = plan(
      spec({
        rotation: {
          rules: spec().rotation?.rules ?? [],
          pools: [{ nation: 'GBR', unitType: 'bn', units: 5 }],
        },
      }),
    );
    expect(crews.personnelByNation.find((n) => n.nation === 'GBR')?.sustainableYears).toBeCloseTo(1.25, 9);
    expect(crews.rotation.find((r) => r.nation === 'GBR')?.poolFrom).toBe('crews');
    // 2,400 people consumed at 2 × 600 / 6 = 200 a month: 12 months, before the 8 battalions' 24.
    const people = plan(
      spec({
        rotation: { rules: spec().rotation?.rules ?? [], pools: [{ nation: 'GBR', personnel: 2400 }] },
      }),
    );
    const gbr = people.personnelByNation.find((n) => n.nation === 'GBR');
    expect(gbr?.sustainableYears).toBeCloseTo(1, 9);
    expect(gbr?.limitedBy).toBe('personnel');
    // 6,000 people hold the whole rotation (ratio 5 × 1,200): the battalions (24 months) limit again.
    const enough = plan(
      spec({
        rotation: { rules: spec().rotation?.rules ?? [], pools: [{ nation: 'GBR', personnel: 6000 }] },
      }),
    );
    expect(enough.personnelByNation.find((n) => n.nation === 'GBR')?.limitedBy).toBe('bn');
  });

  it('potential mode sustains from committable inventory under each nation’s own ratio, and crews cap it', () => {
    const potential = (extra: Partial<MiniScenario>): ForcePlan =>
      plan(
        spec({
          missions: [{ id: 'presence', requirements: [{ capability: 'presence', amount: 6 }] }],
          nations: [
            { id: 'GBR', inventory: { bn: 10 } },
            { id: 'FRA', inventory: { bn: 6 } },
          ],
          pledges: [],
          ...extra,
        }),
        { mode: 'potential' },
      );
    const deployed = (p: ForcePlan, n: string): number =>
      p.sourcing.filter((r) => r.nation === n && r.period === 2).reduce((a, r) => a + r.units, 0);
    // GBR 10 held ÷ 5 = 2; FRA 6 ÷ 3 = 2; 6 required → 2 short.
    const p = potential({});
    expect(deployed(p, 'GBR')).toBeCloseTo(2, 9);
    expect(deployed(p, 'FRA')).toBeCloseTo(2, 9);
    // Under the catalog's rule of thirds GBR would give 10 ÷ 3.
    expect(deployed(potential({ rotation: { rules: [] } }), 'GBR')).toBeCloseTo(10 / 3, 9);
    // Five trained crews: 5 ÷ 5 = 1.
    const crews = potential({
      rotation: { rules: spec().rotation?.rules ?? [], pools: [{ nation: 'GBR', unitType: 'bn', units: 5 }] },
    });
    expect(deployed(crews, 'GBR')).toBeCloseTo(1, 9);
    expect(crews.personnelByNation.find((n) => n.nation === 'GBR')?.sustainableYears).toBeNull();
  });
});
