export {
  exponentialZiggurat,
  mix32,
  seedStream,
  TWO_POW_MINUS_32,
  xoshiroNext,
  ZIG_FE,
  ZIG_KE,
  ZIG_R,
  ZIG_WE,
} from './rng.js';
export { distributionMean, quantile } from './distribution.js';
export { emptyForce, forceFromPledges, layoutOf, type ForceLayout } from './force-layout.js';
export { perceivedResolve } from './deterrence.js';
export {
  emptyDeterrence,
  fillDeterrence,
  P_RISK,
  parameterQuantile,
  pinParameter,
  type LadderParams,
} from './ladder-params.js';
export { compileLadder } from './compile-ladder.js';
export {
  emptyStats,
  mergeChunks,
  mergeInto,
  OUTCOMES,
  STATS_ARRAY_FIELDS,
  type PartialStats,
} from './partial-stats.js';
export { pairingOf, runChunk, type Job, type Stepping } from './simulate.js';
export { exactFirstPassage } from './exact.js';
export { pairedDifference, wilson, type PairedDifference, type Proportion } from './estimators.js';
export {
  headlineMeasures,
  inlineRunner,
  pairedFailureDifference,
  prepareAssurance,
  runAssurance,
  runJobInline,
  runSobol,
  summariseAssurance,
  type AssurancePhase,
  type AssuranceResult,
  type CaseResult,
  type JobRunner,
  type SobolResult,
  type SobolRow,
} from './assure.js';
export { SOBOL_PRECISION, sobolEstimate, type SobolStop } from './sobol-precision.js';
export type { TornadoStop } from './tornado-precision.js';
export { calibrate, type CalibrationResult } from './calibration.js';
export { forceFromSourcing } from './force-from-sourcing.js';
export { MEASURE_TERMS, OUTCOME_TERMS } from './vocabulary.js';
export { sameLadder } from './same-ladder.js';
