/**
 * The workspace store: the repositories the app's ports declare — scenarios as numbered versions,
 * identities (users, sessions, API tokens), runs, the canvass and the hash-chained audit log — over one
 * kysely database (SQLite by default, PostgreSQL when a URL is given; see `database.ts`).
 */
import type { Kysely } from 'kysely';
import type { WorkspaceEvent, WorkspaceEvents } from '../../app/index.js';
import { SqlAuditRepository } from './audit-repository.js';
import { SqlCanvassRepository } from './canvass-repository.js';
import { openDatabase, type StoreDatabase, type StoreDialect, type StoreOptions } from './database.js';
import { SqlIdentityRepository } from './identity-repository.js';
import { SqlRunRepository } from './run-repository.js';
import { SqlScenarioRepository } from './scenario-repository.js';
import type { Database } from './schema.js';

/** The opened store: one repository per port, the commit events, and the connection's life. */
export class Store implements WorkspaceEvents {
  readonly scenarios: SqlScenarioRepository;
  readonly audit: SqlAuditRepository;
  readonly identity: SqlIdentityRepository;
  readonly runs: SqlRunRepository;
  readonly canvass: SqlCanvassRepository;

  constructor(private readonly database: StoreDatabase) {
    this.scenarios = new SqlScenarioRepository(database);
    this.audit = new SqlAuditRepository(database);
    this.identity = new SqlIdentityRepository(database);
    this.runs = new SqlRunRepository(database);
    this.canvass = new SqlCanvassRepository(database);
  }

  get dialect(): StoreDialect {
    return this.database.dialect;
  }

  /** The kysely handle (tests that tamper with rows; migrations). */
  get db(): Kysely<Database> {
    return this.database.db;
  }

  subscribe(listener: (e: WorkspaceEvent) => void): () => void {
    return this.database.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.database.close();
  }
}

/**
 * Opens (and migrates) the store. Throws `unavailable` when the database cannot be reached or its audit
 * key is missing or malformed.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { database, keyCreated } = await openDatabase(options);
  const store = new Store(database);
  // A database from before anchoring (entries, no head) is re-chained with the new key, once, and only
  // when its unkeyed chain is intact; with an existing key a missing head is tampering, left for verify.
  if (keyCreated) await store.audit.anchorLegacyAudit();
  return store;
}

export type { StoreDialect, StoreOptions } from './database.js';
export { documentHash } from './database.js';
export { sha256Hex } from './identity-repository.js';
