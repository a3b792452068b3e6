export { Store, openStore, documentHash, sha256Hex, type StoreDialect, type StoreOptions } from './store.js';
export { SqlAuditRepository } from './audit-repository.js';
export { SqlCanvassRepository } from './canvass-repository.js';
export { SqlIdentityRepository } from './identity-repository.js';
export { SqlRunRepository } from './run-repository.js';
export { SqlScenarioRepository } from './scenario-repository.js';
export {
  verifyChain,
  auditHash,
  genesisHash,
  formatHead,
  parseHead,
  type AuditContent,
} from './audit-chain.js';
export type { Database } from './schema.js';
// The records these repositories store, as the app's ports declare them (web/ imports them from here).
export type { AuditEntry, AuditHead, ChainCheck } from '../../app/audit-repository.js';
export type { RunRecord, RunStatus } from '../../app/run-repository.js';
export type { ScenarioVersionInfo, StoredScenario } from '../../app/scenario-repository.js';
export type { UserRecord, TokenInfo, SessionRecord } from '../../app/identity-repository.js';
export type { CanvassAsk, CanvassStatus } from '../../app/canvass-repository.js';
export type { WorkspaceEvent as StoreEvent } from '../../app/workspace-events.js';
