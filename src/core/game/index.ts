export type { Game } from './tree.js';
export { loadGame } from './game-file.js';
export { parseEfg, toEfg } from './efg.js';
export { profitableDeviation } from './normal-form.js';
export {
  deriveParams,
  templateGame,
  templateKinds,
  tripwireCamps,
  type Derivation,
  type GameAssumptions,
  type TemplateKind,
  type TripwireCamp,
} from './templates.js';
export { checkParams, closedFormThreshold, testPayoffs } from './thresholds.js';
export { describePlay, percent } from './narrative.js';
export { verifyTextbookCases, type TextbookCheck } from './textbook.js';
export {
  analyseCredibility,
  analyseScenarioCredibility,
  gameInvalid,
  solveGame,
  withoutProfile,
  type CredibilityAnalysis,
  type EquilibriumView,
  type GameSolver,
  type MixedSolution,
} from './credibility.js';
