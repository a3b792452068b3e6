export {
  applyEdits,
  badNames,
  checkSolution,
  entryOf,
  isMip,
  LpBuilder,
  NameList,
  nonZeros,
  objectiveOf,
  rowAt,
  rowsOf,
  variableAt,
  variablesOf,
  type LpColumns,
  type LpEdit,
  type LpNamer,
  type LpNames,
  type LpRow,
  type LpRows,
  type LpVariable,
  type LinearProgram,
} from './linear-program.js';
export {
  outcomePoint,
  type LpOutcome,
  type LpPoint,
  type LpSolveOptions,
  type LpSolver,
} from './lp-solver.js';
export { writeLp, writeMps } from './lp-format.js';
export { resolvePlanOptions, type PlanOptionsInput, type SupplyMode } from './options.js';
export { buildPlanProgram, groupBy, periodsOf } from './build-program.js';
export {
  interpretPlan,
  periodRanges,
  type CoverageRow,
  type ForcePlan,
  type PersonnelRow,
  type ShortfallCause,
  type ShortfallRow,
  type SourcingRow,
} from './force-plan.js';
export { inPlaceOf } from './in-place.js';
export type { DeploymentReport } from './deployment-report.js';
export {
  forceByStatus,
  samePlanScenario,
  statusPlanFigures,
  statusModels,
  statusRow,
  statusRungs,
  type StatusModel,
  type StatusPlanFigures,
  type StatusRow,
  type StatusRung,
} from './by-status.js';
export { analyseResilience, type ResilienceReport } from './resilience.js';
export { planForce, type PlanRequest } from './plan.js';
export { planScaled, scalePlanProgram, type MissionFactors } from './scaled.js';
export { pledgedCoverage, pledgedPlanInPlace, type PledgedCoverage } from './pledged-coverage.js';
