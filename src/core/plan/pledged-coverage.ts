/**
 * The workspace's coverage of a scenario: its summary and its coverage by mission, both counting what the
 * pledged plan (default options, LP) has in place, so they agree with `bulwark plan` cell by cell. Plain
 * data, so a worker thread can compute it and post it back. Pure, given the solver.
 */
import {
  coverageByMission,
  summarizeScenario,
  type InPlace,
  type MissionCoverage,
  type Scenario,
  type ScenarioSummary,
} from '../scenario/index.js';
import { inPlaceOf } from './in-place.js';
import type { LpSolver } from './lp-solver.js';
import { planForce } from './plan.js';

export interface PledgedCoverage {
  readonly summary: ScenarioSummary;
  readonly coverage: MissionCoverage[];
}

/**
 * What the pledged plan (default options, LP) has in place, for comparisons outside `plan` itself (`show`,
 * the workspace's coverage): they then count units after lead times, each on one mission, as the plan does.
 */
export function pledgedPlanInPlace(s: Scenario, solver: LpSolver): InPlace {
  return inPlaceOf(planForce(s, solver, { options: { mode: 'pledged' } }).plan);
}

export function pledgedCoverage(s: Scenario, solver: LpSolver): PledgedCoverage {
  const inPlace = pledgedPlanInPlace(s, solver);
  return { summary: summarizeScenario(s, inPlace), coverage: coverageByMission(s, inPlace) };
}
