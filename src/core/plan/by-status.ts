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
import type { ForcePlan } from './force-plan.js';
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

/** What a status row takes from its rung's plan. */
export type StatusPlanFigures = Pick<
  StatusRow,
  'inPlacePersonnel' | 'requirementPeriodsMet' | 'requirementPeriods' | 'weightedShortfall'
>;

/** One rung of the ladder: the scenario to plan at it, and the row's figures that come from the pledges. */
export interface StatusRung {
  readonly status: PledgeStatus;
  /** `withMinStatus(s, status)`. */
  readonly scenario: Scenario;
  readonly pledgesAt: number;
  readonly pledges: number;
  readonly pledgedPersonnel: number;
}

/** The rungs from `from` (default the lowest) up the ladder, without their plans. */
export function statusRungs(s: Scenario, from: PledgeStatus = pledgeStatuses[0]): StatusRung[] {
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
      return {
        status,
        scenario: sc,
        pledgesAt: s.pledges.filter((x) => x.status === status).length,
        pledges: active.length,
        pledgedPersonnel,
      };
    });
}

/** The figures a status row takes from a plan. */
export function statusPlanFigures(p: ForcePlan): StatusPlanFigures {
  return {
    inPlacePersonnel: p.personnelTotals.peakDeployed,
    requirementPeriodsMet: p.coverage.filter((c) => c.shortfall <= 1e-6 * Math.max(1, c.required)).length,
    requirementPeriods: p.coverage.length,
    weightedShortfall: p.weightedShortfall,
  };
}

/** A rung's row from its pledge figures and its plan's. */
export function statusRow(rung: StatusRung, figures: StatusPlanFigures): StatusRow {
  return {
    status: rung.status,
    pledgesAt: rung.pledgesAt,
    pledges: rung.pledges,
    pledgedPersonnel: rung.pledgedPersonnel,
    ...figures,
  };
}

/**
 * Whether two scenarios differ at most in the identity of their pledge arrays: every other field the same
 * object and the same pledges in the same order. Such scenarios build the same model, so their plans (under
 * the same request) are the same and one solve serves both. The rungs of one ladder, and the scenario
 * `withMinStatus` was applied to, compare this way: a rung with no pledge at the rung below it plans the
 * same model as that rung.
 */
export function samePlanScenario(a: Scenario, b: Scenario): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof Scenario)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    k === 'pledges'
      ? a.pledges.length === b.pledges.length && a.pledges.every((p, i) => p === b.pledges[i])
      : a[k] === b[k],
  );
}

/** Rungs that plan one model: the scenario to plan and the rungs (in ladder order) that take its figures. */
export interface StatusModel {
  readonly scenario: Scenario;
  readonly rungs: readonly StatusRung[];
}

/**
 * The ladder's rungs grouped by the model they plan: a rung joins the group of the rung below when
 * `samePlanScenario` (no pledge of its own), so each group needs one solve.
 */
export function statusModels(s: Scenario, from: PledgeStatus = pledgeStatuses[0]): StatusModel[] {
  const groups: { scenario: Scenario; rungs: StatusRung[] }[] = [];
  for (const rung of statusRungs(s, from)) {
    const last = groups[groups.length - 1];
    if (last !== undefined && samePlanScenario(last.scenario, rung.scenario)) last.rungs.push(rung);
    else groups.push({ scenario: rung.scenario, rungs: [rung] });
  }
  return groups;
}

/**
 * One row per status from `from` (default the lowest) up the ladder: the plan with the pledges at or above
 * it, under the same request (options). Each model of `statusModels` is a fresh solve, whose figures every
 * rung of its group takes.
 */
export function forceByStatus(
  s: Scenario,
  solver: LpSolver,
  request: PlanRequest = {},
  from: PledgeStatus = pledgeStatuses[0],
): StatusRow[] {
  return statusModels(s, from).flatMap((m) => {
    const figures = statusPlanFigures(planForce(m.scenario, solver, { ...request, resilience: false }).plan);
    return m.rungs.map((rung) => statusRow(rung, figures));
  });
}
