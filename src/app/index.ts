/**
 * The use cases, shared by the CLI and the server, and the ports they take. The edges load input
 * (`loadInput` for files, `storedInput` for workspace versions), call one of these and render the answer.
 */
// Analysis of a scenario: plan, assurance, briefing, frontier, games, sweeps, calibration, engagements.
export {
  runPlan,
  planCsvFiles,
  pledgedInPlace,
  pledgedCoverageHere,
  type PlanInput,
  type PlanResult,
} from './plan.js';
export { runAssure, defaultTornadoRuns, type AssureRequest, type AssureReport } from './assure.js';
export type { ForceSourceChoice, SimulatedCaseResult } from './simulation.js';
export { runBrief, type BriefRequest, type BriefResult, type BriefPhase } from './brief.js';
export { runFrontier, backstopCases } from './frontier.js';
export { runGame, type GameInput, type GameReport } from './game.js';
export { runSweep, type SweepRequest, type SweepReport } from './sweep.js';
export { runCalibrate, type CalibrateReport } from './calibrate.js';
export { runEngagement, type EngagementReport } from './engagement.js';
export { openRunner, runWorker, type OpenRunner } from './distributed.js';
// Scenarios as input.
export {
  loadInput,
  storedInput,
  listScenarios,
  validateScenario,
  openScenario,
  showScenario,
  scenarioOptions,
  scenarioAssumptions,
  type ScenarioInput,
  type ScenarioRef,
  type ScenarioAssumptions,
  type ScenarioOptions,
} from './scenario.js';
// The workspace: scenarios and their objects, identities, runs, the canvass, spreadsheets.
export {
  Workspace,
  ConflictError,
  collections,
  collectionNames,
  auditCollections,
  type WorkspaceRepositories,
  type AuditQuery,
  type AuditView,
  type AuditCollection,
  type ImportReport,
  type RevertResult,
  type VersionDiff,
  type WorkspaceSummary,
} from './workspace.js';
export {
  Auth,
  publicUser,
  type Actor,
  type Role,
  NewUser,
  UserUpdate,
  PasswordChange,
} from './workspace-auth.js';
export { RunQueue, defineRunKind, type RunKind, type DefinedRunKind, RunRequest } from './run-queue.js';
export { planKind, assureKind, briefKind, frontierKind, type FrontierRunResult } from './run-kinds.js';
export { CanvassBook, type Canvass, type CanvassGap, NewAsk, AskUpdate } from './canvass.js';
export {
  exportTable,
  loadSheet,
  formatOf,
  sheetContentType,
  sheetFormats,
  type SheetFormat,
} from './spreadsheets.js';
export { tableNames, type TableName } from './tables.js';
export { planPledgeImport, formatImportProblem, type ImportMode, type ImportPlan } from './pledge-import.js';
// Ports, implemented by adapters/store.
export type {
  ScenarioRepository,
  StoredScenario,
  ScenarioVersion,
  ScenarioVersionInfo,
  Mutation,
  Change,
} from './scenario-repository.js';
export { formatHead, parseHead } from './audit-repository.js';
export type { AuditRepository, AuditEntry, AuditFilter, AuditHead, ChainCheck } from './audit-repository.js';
export type {
  IdentityRepository,
  UserRecord,
  NewUserRecord,
  UserPatch,
  SessionRecord,
  TokenInfo,
} from './identity-repository.js';
export type { RunRepository, RunRecord, RunStatus, NewRun, RunPatch } from './run-repository.js';
export type {
  CanvassRepository,
  CanvassAsk,
  CanvassStatus,
  NewAskRecord,
  AskPatch,
} from './canvass-repository.js';
export type { WorkspaceEvent, WorkspaceEvents } from './workspace-events.js';
