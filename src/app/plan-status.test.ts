/** Pledge confidence: the plan counting only pledges at or above a status, and the force by status. */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHighsSolver } from '../adapters/highs/index.js';
import { forceByStatus, samePlanScenario, type LpSolver } from '../core/plan/index.js';
import { miniScenario } from '../core/plan/testing.js';
import { statusRank, withMinStatus } from '../core/scenario/index.js';
import { planCsvFiles, runPlan } from './plan.js';
import { loadInput } from './scenario.js';

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

// Four battalions needed; 1 deployed, 1 confirmed, 1 offered and 1 assumed (600 each).
const s = miniScenario({
  units: [{ id: 'bn', personnel: 600, capabilities: { presence: 1 } }],
  missions: [{ id: 'land', requirements: [{ capability: 'presence', amount: 4 }] }],
  nations: [
    { id: 'AAA', inventory: { bn: 9 } },
    { id: 'BBB', inventory: { bn: 9 } },
  ],
  pledges: [
    { nation: 'AAA', unitType: 'bn', units: 1, status: 'deployed' },
    { nation: 'AAA', unitType: 'bn', units: 1, status: 'confirmed' },
    { nation: 'BBB', unitType: 'bn', units: 1, status: 'offered' },
    { nation: 'BBB', unitType: 'bn', units: 1, status: 'assumed' },
  ],
});

describe('pledge status ladder', () => {
  it('orders assumed < announced < offered < confirmed < deployed and filters at or above', () => {
    expect(
      ['assumed', 'announced', 'offered', 'confirmed', 'deployed'].map((x) => statusRank(x as never)),
    ).toEqual([0, 1, 2, 3, 4]);
    expect(withMinStatus(s, 'offered').pledges.map((p) => p.status)).toEqual([
      'deployed',
      'confirmed',
      'offered',
    ]);
    expect(withMinStatus(s, 'assumed').pledges).toHaveLength(4);
  });

  it('plans the force at each rung: 4, 3, 3, 2, 1 battalions in place', () => {
    const rows = forceByStatus(s, solver);
    expect(
      rows.map((r) => [r.status, r.pledgesAt, r.pledges, r.pledgedPersonnel, r.inPlacePersonnel]),
    ).toEqual([
      ['assumed', 1, 4, 2400, 2400],
      ['announced', 0, 3, 1800, 1800],
      ['offered', 1, 3, 1800, 1800],
      ['confirmed', 1, 2, 1200, 1200],
      ['deployed', 1, 1, 600, 600],
    ]);
    // Only the full ladder meets the requirement (2 periods); above it, each period is short.
    expect(rows.map((r) => r.requirementPeriodsMet)).toEqual([2, 0, 0, 0, 0]);
    // Weighted shortfall (priority 2, π = 3, ½-year periods): 3 × ½ × gap/4 × 2 periods.
    [0, 0.75, 0.75, 1.5, 2.25].forEach((w, i) => expect(rows[i]?.weightedShortfall).toBeCloseTo(w, 9));
    expect(forceByStatus(s, solver, {}, 'confirmed').map((r) => r.status)).toEqual(['confirmed', 'deployed']);
  });

  it('runPlan counts from the floor and reports the force above it', async () => {
    const minimal = fileURLToPath(new URL('../../test/fixtures/minimal.yaml', import.meta.url));
    const conf = await runPlan({
      loaded: loadInput(minimal),
      solver,
      minStatus: 'confirmed',
      byStatus: true,
    });
    expect(conf.minStatus).toBe('confirmed');
    expect(conf.byStatus?.map((r) => r.status)).toEqual(['confirmed', 'deployed']);
    // Only GBR's confirmed squadron counts (the battalions and France's squadron are announced): skies one
    // orbit of 2 (P1: 151/181 of one, lead time), presence all 3 short from P2. With π = 9 and 3, ½-year periods:
    const a1 = 151 / 181;
    expect(conf.plan.weightedShortfall).toBeCloseTo(
      9 * 0.5 * ((2 - a1) / 2) + 3 * 9 * 0.5 * 0.5 + 3 * 3 * 0.5,
      9,
    );
    expect(conf.byStatus?.[0]).toMatchObject({ pledgesAt: 1, pledges: 1, pledgedPersonnel: 250 });
    expect(conf.byStatus?.[1]).toMatchObject({ pledges: 0, inPlacePersonnel: 0, requirementPeriodsMet: 0 });
    expect(planCsvFiles(conf)['by-status.csv']?.split('\r\n')[0]).toBe(
      'at_or_above,pledges_at_status,pledges,pledged_personnel,in_place_personnel,requirement_periods_met,requirement_periods,weighted_shortfall',
    );
  });
});

describe('samePlanScenario (a rung that plans the same model reuses the figures)', () => {
  it('is true only when nothing but an equal pledge list differs', () => {
    expect(samePlanScenario(s, { ...s, pledges: [...s.pledges] })).toBe(true);
    expect(samePlanScenario(s, { ...s, pledges: s.pledges.slice(1) })).toBe(false);
    const first = s.pledges[0]!;
    expect(
      samePlanScenario(s, { ...s, pledges: [{ ...first, units: first.units }, ...s.pledges.slice(1)] }),
    ).toBe(false);
    expect(samePlanScenario(s, { ...s, nations: [...s.nations] })).toBe(false);
  });
});
