/**
 * Builders for the briefing's inputs without the solver or the thread pool: a plan written row by row
 * (for the minimal fixture's nations, unit types and missions) with every other field empty.
 */
import type { BriefInput } from '../src/core/brief/index.js';
import type {
  CoverageRow,
  ForcePlan,
  PersonnelRow,
  ShortfallRow,
  SourcingRow,
} from '../src/core/plan/index.js';
import type { Scenario } from '../src/core/scenario/index.js';
import { loadFixture } from './helpers.js';

const UNIT: Record<string, { personnel: number; cost: number }> = {
  'fighter-sqn': { personnel: 250, cost: 2e8 },
  'infantry-bn': { personnel: 700, cost: 6e7 },
};

/** A sourcing row: `units` of a minimal-fixture unit type, personnel and cost from the catalogue. */
export function sourced(
  nation: string,
  unitType: string,
  mission: string,
  period: number,
  units: number,
): SourcingRow {
  const u = UNIT[unitType] ?? { personnel: 100, cost: 1e7 };
  return {
    nation,
    unitType,
    mission,
    period,
    units,
    personnel: units * u.personnel,
    costUsdPerYear: units * u.cost,
  };
}

/** A requirement-period: required and provided, with its shortfall. */
export function covered(
  mission: string,
  capability: string,
  period: number,
  required: number,
  provided: number,
): CoverageRow {
  return {
    mission,
    capability,
    period,
    priority: 1,
    required,
    provided,
    shortfall: Math.max(0, required - provided),
  };
}

/** A plan from sourcing and coverage rows; personnel per nation and period summed from the sourcing. */
export function planOf(
  sourcing: readonly SourcingRow[],
  coverage: readonly CoverageRow[],
  over: Partial<ForcePlan> = {},
  periods = 4,
): ForcePlan {
  const personnel = new Map<string, PersonnelRow>();
  for (const r of sourcing) {
    const k = `${r.nation}|${r.period}`;
    const e = personnel.get(k);
    personnel.set(k, {
      nation: r.nation,
      period: r.period,
      deployed: (e?.deployed ?? 0) + r.personnel,
      tiedUp: (e?.tiedUp ?? 0) + 3 * r.personnel,
    });
  }
  const shortfall: ShortfallRow[] = coverage
    .filter((c) => c.shortfall > 1e-9)
    .map((c) => ({ ...c, causes: [], explanation: `cause of ${c.mission}/${c.capability} P${c.period}` }));
  return {
    scenario: { id: 'minimal', title: 'Minimal' },
    variants: [],
    mode: 'pledged',
    integer: false,
    status: 'optimal',
    solved: true,
    solver: 'builder',
    seconds: 0,
    model: { variables: 0, rows: 0, nonZeros: 0, integerVariables: 0 },
    periods: Array.from({ length: periods }, (_, i) => ({
      index: i + 1,
      label: `P${i + 1}`,
      startDay: i * 181,
      days: 181,
      months: 6,
    })),
    sourcing,
    coverage,
    shortfall,
    weightedShortfall: 0,
    personnel: [...personnel.values()],
    personnelByNation: [],
    personnelTotals: {
      peakDeployed: 0,
      peakTiedUp: 0,
      troopTours: 0,
      distinct: 0,
      sustainableYears: null,
      limitedBy: null,
    },
    rotation: [],
    cost: [],
    totalCostUsd: 0,
    costByYearUsd: [],
    fairShare: { burden: 'personnel', basis: 'gdp', rows: [], index: null },
    calendar: [],
    binding: [],
    notes: [],
    forceOptions: { period: 1, comparisons: [] },
    ...over,
  };
}

/** A briefing input for the minimal fixture around a plan. */
export function briefInputOf(
  plan: ForcePlan,
  over: Partial<BriefInput> = {},
  scenario?: Scenario,
): BriefInput {
  return {
    scenario: scenario ?? loadFixture(),
    scenarioHash: 'sha256:test',
    variants: [],
    bulwarkVersion: 'test',
    generatedAt: '2026-11-26T00:00:00Z',
    plan,
    ...over,
  };
}
