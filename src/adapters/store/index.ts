export * from './store.js';
export {
  verifyChain,
  auditHash,
  genesisHash,
  formatHead,
  parseHead,
  type AuditHead,
  type ChainCheck,
  type AuditContent,
} from './audit-chain.js';
export type { Database } from './schema.js';
