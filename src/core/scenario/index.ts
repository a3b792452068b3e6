export {
  BackstopKind,
  backstopKinds,
  Capability,
  Caveat,
  Condition,
  Distribution,
  Id,
  LiftRoute,
  Mission,
  Nation,
  Pledge,
  pledgeStatuses,
  Requirement,
  RotationPool,
  RotationRule,
  Scenario,
  Source,
  SourceRef,
  UnitCategory,
  UnitType,
  Variant,
  type PledgeStatus,
  type ScenarioInput,
} from './schema.js';
export {
  activePledges,
  allConditionsHold,
  backstopKind,
  caveatForbids,
  coalitionNations,
  contributingNations,
  coversPeriod,
  forbiddingCaveats,
  hostNation,
  missionUsesUnit,
  periodLabel,
  pledgePersonnel,
  rotationRatio,
  scaleRequirements,
  statusRank,
  withMinStatus,
} from './model.js';
export {
  addDays,
  addMonths,
  daysBetween,
  periodCalendar,
  periodEndDays,
  periodOfSimulationDay,
} from './calendar.js';
export { crewPool, personnelPool, rotationFor } from './rotation.js';
export { footprintOf, routeFor } from './deployment.js';
export { checkRules, LADDER_LEVELS } from './rules.js';
export { applyVariantEdit, applyVariants, validate, zodIssues, type Validated } from './validate.js';
export { scenarioJsonSchema } from './json-schema.js';
export { summarizeScenario, type ScenarioSummary } from './summary.js';
export { coverageByMission, isShort, type InPlace, type MissionCoverage } from './coverage.js';
export {
  forceAgainstOptions,
  forceOptions,
  pledgedUnits,
  weakestComponent,
  type ForceAgainstOptions,
  type OptionComparison,
  type RangeShare,
  type ResolvedOption,
  type WordedComparison,
} from './force-options.js';
export {
  effectiveParameters,
  groupParameters,
  rawWithVariants,
  type ParameterGroup,
  type ParameterRow,
} from './assumptions.js';
export { nextRuleState, ruleState, type RuleState } from './incremental.js';
export { NewSource, newSourceId } from './sources.js';
