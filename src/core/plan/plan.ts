/**
 * The planner's entry point: scenario (variants already applied) + options + solver → ForcePlan,
 * and optionally its resilience analysis. Pure apart from what the solver does.
 */
import type { Scenario } from '../scenario/index.js';
import { buildPlanProgram, type PlanProgram } from './build-program.js';
import { interpretPlan, type ForcePlan } from './force-plan.js';
import type { LpSolver } from './lp-solver.js';
import { resolvePlanOptions, type PlanOptionsInput } from './options.js';
import { analyseResilience, type ResilienceReport } from './resilience.js';

export interface PlanRun {
  readonly model: PlanProgram;
  readonly plan: ForcePlan;
  readonly resilience?: ResilienceReport;
}

export interface PlanRequest {
  readonly options?: PlanOptionsInput;
  /** Variant ids already applied to the scenario (recorded in the plan). */
  readonly variants?: readonly string[];
  /** Also run the resilience analysis (when the baseline has a solution). */
  readonly resilience?: boolean;
  /** Progress of the resilience analysis: cases solved and their total (one per nation, and conditions). */
  readonly onResilienceProgress?: (done: number, total: number) => void;
}

export function planForce(s: Scenario, solver: LpSolver, request: PlanRequest = {}): PlanRun {
  const options = resolvePlanOptions(request.options);
  const model = buildPlanProgram(s, options);
  const outcome = solver.solve(model.lp, {
    ...(options.timeLimitSeconds > 0 ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.integer ? { mipRelativeGap: options.mipRelativeGap } : {}),
  });
  const plan = interpretPlan(s, model, outcome, { variants: request.variants ?? [], solver: solver.name });
  if (request.resilience !== true || !plan.solved) return { model, plan };
  return { model, plan, resilience: analyseResilience(s, model, plan, solver, request.onResilienceProgress) };
}
