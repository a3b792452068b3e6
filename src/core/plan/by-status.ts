/**
 * The force by pledge status (the Kiel tracker's pledged / allocated / delivered, on Bulwark's ladder):
 * for each rung, the plan counting only pledges at or above it. Pure apart from what the solver does.
 */
import {
  activePledges,
  coversPeriod,
  pledgePersonnel,
  pledgeStatuses,
  statusRank,
  withMinStatus,
  type PledgeStatus,
  type Scenario,
} from '../scenario/index.js';
import type { LpSolver } from './lp-solver.js';
import { planForce, type PlanRequest } from './plan.js';

export interface StatusRow {
  /** Pledges at or above this rung count. */
  readonly status: PledgeStatus;
  /** Pledges at exactly this rung (all of them, whether their conditions hold or not). */
  readonly pledgesAt: number;
  /** Pledges that stand at or above it (conditions hold). */
  readonly pledges: number;
  /** Peak over periods of their personnel, as declared. */
  readonly pledgedPersonnel: number;
  /** Peak personnel in theatre in the plan of those pledges. */
  readonly inPlacePersonnel: number;
  /** Requirement-periods that plan meets in full, of all. */
  readonly requirementPeriodsMet: number;
  readonly requirementPeriods: number;
  readonly weightedShortfall: number;
}

/**
 * One row per status from `from` (default the lowest) up the ladder: the plan with the pledges at or above
 * it, under the same request (options). Each is a fresh solve of a smaller model.
 */
export function forceByStatus(
  s: Scenario,
  solver: LpSolver,
  request: PlanRequest = {},
  from: PledgeStatus = pledgeStatuses[0],
): StatusRow[] {
  return pledgeStatuses
    .filter((st) => statusRank(st) >= statusRank(from))
    .map((status) => {
      const sc = withMinStatus(s, status);
      const active = activePledges(sc);
      let pledgedPersonnel = 0;
      for (let t = 1; t <= s.horizon.periods; t++)
        pledgedPersonnel = Math.max(
          pledgedPersonnel,
          active.filter((p) => coversPeriod(s, p, t)).reduce((a, p) => a + pledgePersonnel(s, p), 0),
        );
      const p = planForce(sc, solver, { ...request, resilience: false }).plan;
      return {
        status,
        pledgesAt: s.pledges.filter((x) => x.status === status).length,
        pledges: active.length,
        pledgedPersonnel,
        inPlacePersonnel: p.personnelTotals.peakDeployed,
        requirementPeriodsMet: p.coverage.filter((c) => c.shortfall <= 1e-6 * Math.max(1, c.required)).length,
        requirementPeriods: p.coverage.length,
        weightedShortfall: p.weightedShortfall,
      };
    });
}
