/**
 * The workspace database: one kysely connection over SQLite (better-sqlite3, WAL, the default) or
 * PostgreSQL (pg, when a URL is given), the write lock, the audit appender and the commit events the
 * repositories share.
 *
 * Writes are serialised: SQLite has one connection (kysely queues callers on it), PostgreSQL takes a
 * transaction-scoped advisory lock first. That keeps the audit chain linear and makes each change an
 * atomic read–check–write, so optimistic version checks done inside a mutation cannot race.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { WorkspaceEvent } from '../../app/index.js';
import { BulwarkError, canonicalJson } from '../../core/shared/index.js';
import { auditHash, genesisHash, signHead } from './audit-chain.js';
import { migrationProvider } from './migrations.js';
import type { AuditTable, Database } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreOptions {
  /** Folder for `workspace.db` (SQLite); created if missing. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, SQLite is not used. */
  readonly databaseUrl?: string | undefined;
  /**
   * The audit key file (64 hex digits): the secret of the audit chain's keyed hashes and signed head, kept
   * outside the database. Default `<dataDir>/audit.key`, created (mode 0600) when missing on a database
   * whose audit log was never anchored; a database anchored with a key does not open without it.
   */
  readonly auditKeyFile?: string | undefined;
  /** Clock (tests pass a fixed one). */
  readonly now?: () => Date;
}

/** Content hash of a scenario document, as `scenarioHash` computes it. */
export const documentHash = (doc: unknown): string => textHash(canonicalJson(doc));
/** `textHash` of the concatenation of `parts`, without concatenating them (version-codec.ts). */
export const partsHash = (parts: readonly string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return 'sha256:' + h.digest('hex');
};
export const textHash = (canonical: string): string =>
  'sha256:' + createHash('sha256').update(canonical).digest('hex');

const ADVISORY_LOCK = 724_231;

export const parseJson = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));
export const toJson = (v: unknown): string | null =>
  v === null || v === undefined ? null : JSON.stringify(v);

/**
 * kysely prepares every query anew; preparing is a tenth of a read's cost here. Statements are reused by
 * SQL text (the queries are a fixed set; parameters are bound separately). Safe because kysely runs one
 * statement at a time on the single connection and never leaves an iterator open between queries.
 */
function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare: (text: string): SqliteStatement => {
      let stmt = cache.get(text);
      if (stmt === undefined) {
        stmt = db.prepare(text);
        if (cache.size >= 1000) cache.clear();
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** The connection and what every repository shares: the write lock, the audit appender, the events. */
export class StoreDatabase {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    readonly now: () => Date,
    /** The secret of the audit chain's keyed hashes and signed head. */
    readonly auditKey: Buffer,
  ) {}

  private readonly listeners = new Set<(e: WorkspaceEvent) => void>();

  /** Hears every commit of this process (versions, runs created or changing status, canvass asks). */
  subscribe(listener: (e: WorkspaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener of a commit. */
  emit(e: WorkspaceEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener's failure (a closed stream) must not fail the write that was already committed.
      }
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Runs `fn` in a transaction that holds the write lock. */
  write<T>(fn: (trx: Transaction<Database>, at: string) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK})`.execute(trx);
      return fn(trx, this.now().toISOString());
    });
  }

  /** Appends an entry (keyed hash) and rewrites the signed head, in the caller's transaction. */
  async appendAudit(
    trx: Transaction<Database>,
    e: Omit<AuditTable, 'seq' | 'prev_hash' | 'hash'>,
  ): Promise<void> {
    const last = await trx
      .selectFrom('audit')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const prev = last?.hash ?? genesisHash;
    const content = { ...e, seq };
    const hash = auditHash(this.auditKey, prev, content);
    await trx
      .insertInto('audit')
      .values({ ...content, prev_hash: prev, hash })
      .execute();
    await this.writeHead(trx, seq, hash, e.at);
  }

  async writeHead(trx: Transaction<Database>, entries: number, hash: string, at: string): Promise<void> {
    const h = signHead(this.auditKey, entries, hash);
    const row = { entries, head: h.head, signature: h.signature, at };
    const updated = await trx.updateTable('audit_head').set(row).where('id', '=', 1).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await trx
        .insertInto('audit_head')
        .values({ id: 1, ...row })
        .execute();
  }
}

/**
 * Opens (and migrates) the database and reads (or creates) the audit key. Throws `unavailable` when the
 * database cannot be reached or the key is missing or malformed.
 */
export async function openDatabase(
  options: StoreOptions,
): Promise<{ database: StoreDatabase; keyCreated: boolean }> {
  let db: Kysely<Database>;
  let dialect: StoreDialect;
  if (options.databaseUrl !== undefined) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, 'workspace.db');
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk when acknowledged, even across a power cut, not only a process kill.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    dialect = 'sqlite';
  }
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error !== undefined) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  } catch (e) {
    await db.destroy();
    throw new BulwarkError('unavailable', `cannot open the workspace database: ${(e as Error).message}`);
  }
  const keyFile = options.auditKeyFile ?? join(options.dataDir, 'audit.key');
  let key: { key: Buffer; created: boolean };
  try {
    key = await loadAuditKey(db, keyFile);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    database: new StoreDatabase(db, dialect, options.now ?? (() => new Date()), key.key),
    keyCreated: key.created,
  };
}

/** Reads the audit key, or creates one when the database's audit log was never anchored. */
async function loadAuditKey(db: Kysely<Database>, file: string): Promise<{ key: Buffer; created: boolean }> {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new BulwarkError('unavailable', `cannot read the audit key ${file}: ${(e as Error).message}`);
  }
  if (text !== undefined) {
    const hex = text.trim();
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new BulwarkError('unavailable', `the audit key ${file} is not 64 hexadecimal digits`);
    return { key: Buffer.from(hex, 'hex'), created: false };
  }
  const head = await db.selectFrom('audit_head').select('entries').executeTakeFirst();
  if (head !== undefined)
    throw new BulwarkError(
      'unavailable',
      `the audit key ${file} is missing: this database's audit log is signed with a key and cannot be verified or extended without it (restore the file, or point BULWARK_AUDIT_KEY_FILE at it)`,
    );
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    throw new BulwarkError('unavailable', `cannot create the audit key ${file}: ${(e as Error).message}`);
  }
  return { key, created: true };
}
