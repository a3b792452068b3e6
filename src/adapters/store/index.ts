export { Store, openStore, documentHash, sha256Hex, type StoreDialect, type StoreOptions } from './store.js';
export { SqlAuditRepository } from './audit-repository.js';
export { SqlCanvassRepository } from './canvass-repository.js';
export { SqlIdentityRepository } from './identity-repository.js';
export { SqlRunRepository } from './run-repository.js';
export { SqlScenarioRepository } from './scenario-repository.js';
export { verifyChain, auditHash, genesisHash, type AuditContent } from './audit-chain.js';
export type { Database } from './schema.js';
export { canonicalParts, diffDocuments } from './version-codec.js';
// The records these repositories store, as the app's ports declare them (web/ imports them from here).
export type { AuditEntry, AuditHead, ChainCheck } from '../../app/index.js';
export type { RunRecord, RunStatus } from '../../app/index.js';
export type { ScenarioVersionInfo, StoredScenario } from '../../app/index.js';
export type { UserRecord, TokenInfo, SessionRecord } from '../../app/index.js';
export type { CanvassAsk, CanvassStatus } from '../../app/index.js';
export type { WorkspaceEvent as StoreEvent } from '../../app/index.js';
