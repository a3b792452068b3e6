/**
 * The workspace store: scenarios as numbered versions, users, sessions, API tokens, runs, and the
 * hash-chained audit log, over kysely. One set of queries for SQLite (better-sqlite3, WAL, the default)
 * and PostgreSQL (pg, when a URL is given).
 *
 * Writes are serialised: SQLite has one connection (kysely queues callers on it), PostgreSQL takes a
 * transaction-scoped advisory lock first. That keeps the audit chain linear and makes each change an
 * atomic read–check–write, so optimistic version checks done inside `mutateScenario` cannot race.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
  type ExpressionBuilder,
  type SqliteStatement,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { BulwarkError, canonicalJson } from '../../core/shared/index.js';
import {
  ChainVerifier,
  auditHash,
  genesisHash,
  headSignatureValid,
  legacyAuditHash,
  rowDigest,
  signHead,
  type AuditHead,
  type ChainCheck,
} from './audit-chain.js';
import { migrationProvider } from './migrations.js';
import { canonicalParts, encodeVersion, readVersionDocument, versionReplayer } from './version-codec.js';
import type { AuditTable, CanvassTable, Database, RunTable, UserTable } from './schema.js';
import type { AuditContent } from './audit-chain.js';

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

/** A scenario as stored: its current document, version and per-object revisions. */
export interface StoredScenario {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
  /** The scenario JSON after defaults (opaque to the store). */
  readonly document: unknown;
  /** Object key (`pledge:<id>`, `nation:<ISO3>`, …) → scenario version at which it last changed. */
  readonly revisions: Readonly<Record<string, number>>;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface ScenarioVersionInfo {
  readonly version: number;
  readonly hash: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly summary: string;
}

/** One change within a mutation: audited, and its object's revision set to the new version. */
export interface Change {
  readonly action: string;
  /** Object key for revisions, e.g. `pledge:GBR-typhoon`. */
  readonly key: string;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface Mutation {
  readonly document: unknown;
  readonly summary: string;
  readonly changes: readonly Change[];
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly scenarioId: string | null;
  readonly scenarioVersion: number | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly hash: string;
}

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: string;
  readonly nation: string | null;
  readonly createdAt: string;
  readonly disabled: boolean;
  /** A coordinator set the password: the user must change it before doing anything else. */
  readonly mustChangePassword: boolean;
}

/** An API token as listed: never the token, only a reference (the first 16 hex digits of its hash). */
export interface TokenInfo {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly createdAt: string;
}

/** The reference of a stored token: the first 16 hex digits of its SHA-256. */
const tokenRef = (hash: string): string => hash.slice(0, 16);

export interface SessionRecord {
  readonly user: UserRecord;
  readonly csrf: string;
  readonly expiresAt: string;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface RunRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly scenarioHash: string;
  readonly kind: string;
  readonly options: unknown;
  readonly seed: number | null;
  readonly status: RunStatus;
  readonly progress: unknown;
  readonly error: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** A LIKE pattern matching `text` literally, with `\` as the escape character (as `listAudit` uses). */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the store tells its subscribers after a commit (this process only: a second server on the same
 * PostgreSQL database does not hear another's commits).
 */
export type StoreEvent =
  | {
      readonly type: 'version';
      readonly scenarioId: string;
      readonly version: number;
      readonly hash: string;
      readonly actor: string;
      readonly at: string;
      readonly changes: readonly { readonly action: string; readonly target: string }[];
    }
  | { readonly type: 'run'; readonly run: RunRecord }
  | { readonly type: 'canvass'; readonly ask: CanvassAsk };

export const canvassStatuses = ['asked', 'offered', 'declined'] as const;
export type CanvassStatus = (typeof canvassStatuses)[number];

/** One ask of the canvass. */
export interface CanvassAsk {
  readonly id: string;
  readonly scenarioId: string;
  readonly mission: string;
  readonly capability: string;
  readonly nation: string;
  readonly status: CanvassStatus;
  readonly offer: string | null;
  readonly note: string | null;
  readonly askedBy: string;
  readonly askedAt: string;
  readonly updatedAt: string;
}

const toAsk = (r: CanvassTable): CanvassAsk => ({
  id: r.id,
  scenarioId: r.scenario_id,
  mission: r.mission,
  capability: r.capability,
  nation: r.nation,
  status: r.status as CanvassStatus,
  offer: r.offer,
  note: r.note,
  askedBy: r.asked_by,
  askedAt: r.asked_at,
  updatedAt: r.updated_at,
});

/** sha256 hex: tokens and session ids are stored only as their hash. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Content hash of a scenario document, as `scenarioHash` computes it. */
export const documentHash = (doc: unknown): string => textHash(canonicalJson(doc));
/** `textHash` of the concatenation of `parts`, without concatenating them (version-codec.ts). */
const partsHash = (parts: readonly string[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return 'sha256:' + h.digest('hex');
};
const textHash = (canonical: string): string =>
  'sha256:' + createHash('sha256').update(canonical).digest('hex');

interface PendingMutation {
  readonly id: string;
  readonly actor: string;
  readonly mutate: (current: StoredScenario) => Mutation;
  readonly resolve: (s: StoredScenario) => void;
  readonly reject: (e: unknown) => void;
}

/** Most mutations committed together in one transaction (group commit). */
const MAX_BATCH = 64;

const ADVISORY_LOCK = 724_231;

const parseJson = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));
const toJson = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

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

/** Opens (and migrates) the store. Throws `unavailable` when the database cannot be reached. */
export async function openStore(options: StoreOptions): Promise<Store> {
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
  const store = new Store(db, dialect, options.now ?? (() => new Date()), key.key);
  // A database from before anchoring (entries, no head) is re-chained with the new key, once, and only
  // when its unkeyed chain is intact; with an existing key a missing head is tampering, left for verify.
  if (key.created) await store.anchorLegacyAudit();
  return store;
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

/** What a user entry attests: the whole row after the change. */
const userSubject = (u: UserTable): string =>
  rowDigest({
    id: u.id,
    username: u.username,
    password_hash: u.password_hash,
    role: u.role,
    nation: u.nation,
    created_at: u.created_at,
    disabled: Number(u.disabled),
    // Only when set, so rows from before the flag existed keep the digest their entries recorded.
    ...(Number(u.must_change_password ?? 0) !== 0 ? { must_change_password: 1 } : {}),
  });

/** What a run's entry attests: the run as created (status and results change afterwards). */
const runSubject = (
  r: Pick<
    RunTable,
    | 'id'
    | 'scenario_id'
    | 'scenario_version'
    | 'scenario_hash'
    | 'kind'
    | 'options'
    | 'seed'
    | 'created_at'
    | 'created_by'
  >,
): string =>
  rowDigest({
    id: r.id,
    scenario_id: r.scenario_id,
    scenario_version: Number(r.scenario_version),
    scenario_hash: r.scenario_hash,
    kind: r.kind,
    options: r.options,
    seed: r.seed === null ? null : Number(r.seed),
    created_at: r.created_at,
    created_by: r.created_by,
  });

/** Rows the audit chain attests, as replayed from its entries. */
interface AttestedState {
  readonly users: Map<string, string>;
  readonly versions: Map<string, string>;
  readonly runs: Map<string, string>;
}

const versionKey = (id: string, v: number): string => `${id}@${v}`;

/** Applies one entry to the attested state (an `audit.anchor` entry carries the whole state at anchoring). */
function attest(st: AttestedState, e: AuditContent): void {
  if (e.action === 'audit.anchor') {
    const a = parseJson(e.after) as {
      users?: Record<string, string>;
      versions?: Record<string, string>;
      runs?: Record<string, string>;
    } | null;
    for (const [k, v] of Object.entries(a?.users ?? {})) st.users.set(k, v);
    for (const [k, v] of Object.entries(a?.versions ?? {})) st.versions.set(k, v);
    for (const [k, v] of Object.entries(a?.runs ?? {})) st.runs.set(k, v);
    return;
  }
  if (e.subject === null) return;
  if (e.target.startsWith('user/')) st.users.set(e.target.slice('user/'.length), e.subject);
  else if (e.action === 'run.create') st.runs.set(e.target.slice('run/'.length), e.subject);
  else if (e.scenario_id !== null && e.scenario_version !== null)
    st.versions.set(versionKey(e.scenario_id, e.scenario_version), e.subject);
}

export class Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    private readonly now: () => Date,
    private readonly auditKey: Buffer,
  ) {}

  private readonly listeners = new Set<(e: StoreEvent) => void>();

  /** Hears every commit of this process (versions, runs created or changing status, canvass asks). */
  subscribe(listener: (e: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: StoreEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // A listener's failure (a closed stream) must not fail the write that was already committed.
      }
    }
  }

  /** Parsed current documents by scenario id (callers must not mutate them). */
  private readonly cache = new Map<string, { version: number; hash: string; document: unknown }>();

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Runs `fn` in a transaction that holds the write lock. */
  private write<T>(fn: (trx: Transaction<Database>, at: string) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK})`.execute(trx);
      return fn(trx, this.now().toISOString());
    });
  }

  /** Appends an entry (keyed hash) and rewrites the signed head, in the caller's transaction. */
  private async appendAudit(
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

  private async writeHead(
    trx: Transaction<Database>,
    entries: number,
    hash: string,
    at: string,
  ): Promise<void> {
    const h = signHead(this.auditKey, entries, hash);
    const row = { entries, head: h.head, signature: h.signature, at };
    const updated = await trx.updateTable('audit_head').set(row).where('id', '=', 1).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await trx
        .insertInto('audit_head')
        .values({ id: 1, ...row })
        .execute();
  }

  /** The signed head (entry count and last hash), for off-site keeping; undefined before the first entry. */
  async auditHead(): Promise<AuditHead | undefined> {
    const r = await this.db
      .selectFrom('audit_head')
      .select(['entries', 'head', 'signature'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return r === undefined ? undefined : { entries: Number(r.entries), head: r.head, signature: r.signature };
  }

  /**
   * Upgrades an audit log written before anchoring: if its unkeyed chain is intact, every entry is hashed
   * again with the key and an `audit.anchor` entry records the legacy head and the state of the users,
   * versions and runs at that moment. A broken legacy chain is left as it is (verify reports it).
   */
  async anchorLegacyAudit(): Promise<void> {
    await this.write(async (trx, at) => {
      const head = await trx.selectFrom('audit_head').select('entries').executeTakeFirst();
      if (head !== undefined) return;
      const rows = await trx.selectFrom('audit').selectAll().orderBy('seq').execute();
      if (rows.length === 0) return;
      const legacy = new ChainVerifier(legacyAuditHash);
      const entries = rows.map((r) => ({
        ...r,
        seq: Number(r.seq),
        scenario_version: r.scenario_version === null ? null : Number(r.scenario_version),
      }));
      for (const e of entries) if (!legacy.push(e)) return;
      let prev = genesisHash;
      for (const e of entries) {
        const hash = auditHash(this.auditKey, prev, e);
        await trx.updateTable('audit').set({ prev_hash: prev, hash }).where('seq', '=', e.seq).execute();
        prev = hash;
      }
      const users = await trx.selectFrom('users').selectAll().execute();
      const versions = await trx
        .selectFrom('scenario_versions')
        .select(['scenario_id', 'version', 'hash'])
        .execute();
      const runs = await trx.selectFrom('runs').selectAll().execute();
      await this.appendAudit(trx, {
        at,
        actor: 'system',
        action: 'audit.anchor',
        target: 'audit',
        scenario_id: null,
        scenario_version: null,
        before: null,
        after: toJson({
          legacyEntries: legacy.count,
          legacyHead: legacy.last,
          users: Object.fromEntries(users.map((u) => [u.username, userSubject(u)])),
          versions: Object.fromEntries(
            versions.map((v) => [versionKey(v.scenario_id, Number(v.version)), v.hash]),
          ),
          runs: Object.fromEntries(runs.map((r) => [r.id, runSubject(r)])),
        }),
        subject: null,
      });
    });
  }

  // ---- scenarios ----

  async listScenarios(): Promise<StoredScenario[]> {
    const rows = await this.db.selectFrom('scenarios').select('id').orderBy('id').execute();
    const out: StoredScenario[] = [];
    for (const r of rows) {
      const s = await this.readScenario(this.db, r.id);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  async getScenario(id: string): Promise<StoredScenario | undefined> {
    return this.readScenario(this.db, id);
  }

  /**
   * Reads a scenario row, parsing its document only when the cached parse is of another version: the
   * document is the bulk of every read and write, and versions are immutable.
   */
  private async readScenario(db: Kysely<Database>, id: string): Promise<StoredScenario | undefined> {
    const head = await db
      .selectFrom('scenarios')
      .select(['id', 'version', 'hash', 'revisions', 'updated_at', 'updated_by'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (head === undefined) return undefined;
    const version = Number(head.version);
    let document: unknown;
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.version === version && cached.hash === head.hash)
      document = cached.document;
    else {
      const row = await readVersionDocument(db, id, version, documentHash);
      if (row === undefined)
        throw new BulwarkError('internal', `scenario "${id}" lacks its version ${version}`);
      document = row.document;
      this.cache.set(id, { version, hash: head.hash, document });
    }
    return {
      id,
      version,
      hash: head.hash,
      document,
      revisions: JSON.parse(head.revisions) as Record<string, number>,
      updatedAt: head.updated_at,
      updatedBy: head.updated_by,
    };
  }

  /** The scenario or `not-found`. */
  async requireScenario(id: string): Promise<StoredScenario> {
    const s = await this.getScenario(id);
    if (s === undefined) throw new BulwarkError('not-found', `no workspace scenario "${id}"`);
    return s;
  }

  async listVersions(id: string): Promise<ScenarioVersionInfo[]> {
    const rows = await this.db
      .selectFrom('scenario_versions')
      .select(['version', 'hash', 'created_at', 'created_by', 'summary'])
      .where('scenario_id', '=', id)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      hash: r.hash,
      createdAt: r.created_at,
      createdBy: r.created_by,
      summary: r.summary,
    }));
  }

  /** The document of one version, or `not-found`. */
  async getVersion(
    id: string,
    version: number,
  ): Promise<{ version: number; hash: string; document: unknown }> {
    const row = await readVersionDocument(this.db, id, version, documentHash);
    if (row === undefined) throw new BulwarkError('not-found', `scenario "${id}" has no version ${version}`);
    return { version, hash: row.hash, document: row.document };
  }

  /** Creates a scenario at version 1. `conflict` if the id is taken. */
  async createScenario(
    id: string,
    document: unknown,
    actor: string,
    summary: string,
  ): Promise<StoredScenario> {
    return this.write(async (trx, at) => {
      const exists = await trx.selectFrom('scenarios').select('id').where('id', '=', id).executeTakeFirst();
      if (exists !== undefined)
        throw new BulwarkError('conflict', `workspace scenario "${id}" exists already`);
      const text = canonicalJson(document);
      const hash = textHash(text);
      await trx
        .insertInto('scenarios')
        .values({
          id,
          version: 1,
          hash,
          revisions: '{}',
          created_at: at,
          updated_at: at,
          updated_by: actor,
        })
        .execute();
      await trx
        .insertInto('scenario_versions')
        .values({
          scenario_id: id,
          version: 1,
          document: text,
          encoding: 'full',
          hash,
          created_at: at,
          created_by: actor,
          summary,
        })
        .execute();
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'scenario.create',
        target: `scenario/${id}`,
        scenario_id: id,
        scenario_version: 1,
        before: null,
        after: toJson({ hash, summary }),
        subject: hash,
      });
      return { id, version: 1, hash, document, revisions: {}, updatedAt: at, updatedBy: actor };
    });
  }

  /**
   * Applies a change atomically: reads the current scenario under the write lock, lets `mutate` check
   * versions and rules (throwing `conflict` or `scenario-invalid` aborts it and writes nothing), then stores
   * the new version, bumps the revisions of the changed objects and appends one audit entry per change.
   *
   * Group commit: changes that arrive while a transaction is open are queued and applied one after the
   * other in the next transaction, each seeing the one before, so concurrent writers share a commit (and
   * its fsync). A promise resolves only after its transaction has committed; if the commit fails, every
   * change of the batch is rejected (none was stored).
   */
  mutateScenario(
    id: string,
    actor: string,
    mutate: (current: StoredScenario) => Mutation,
  ): Promise<StoredScenario> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id, actor, mutate, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private readonly pending: PendingMutation[] = [];
  private draining = false;

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        const outcomes: (
          | { ok: true; value: StoredScenario; changes: { action: string; target: string }[] }
          | { ok: false; error: unknown }
        )[] = [];
        try {
          await this.write(async (trx, at) => {
            outcomes.length = 0;
            for (const job of batch) {
              let m: Mutation;
              let current: StoredScenario;
              try {
                const found = await this.readScenario(trx, job.id);
                if (found === undefined)
                  throw new BulwarkError('not-found', `no workspace scenario "${job.id}"`);
                current = found;
                m = job.mutate(current);
              } catch (e) {
                // Rejected before writing anything: the rest of the batch goes on.
                outcomes.push({ ok: false, error: e });
                continue;
              }
              outcomes.push({
                ok: true,
                value: await this.applyMutation(trx, at, job, current, m),
                changes: m.changes.map((c) => ({ action: c.action, target: c.target })),
              });
            }
          });
        } catch (e) {
          for (const job of batch) job.reject(e);
          // The cache may hold versions of the rolled-back transaction; they no longer match the database.
          this.cache.clear();
          continue;
        }
        batch.forEach((job, i) => {
          const o = outcomes[i];
          if (o?.ok === true) {
            job.resolve(o.value);
            this.emit({
              type: 'version',
              scenarioId: o.value.id,
              version: o.value.version,
              hash: o.value.hash,
              actor: o.value.updatedBy,
              at: o.value.updatedAt,
              changes: o.changes,
            });
          } else job.reject(o?.error ?? new Error('mutation lost'));
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async applyMutation(
    trx: Transaction<Database>,
    at: string,
    job: PendingMutation,
    current: StoredScenario,
    m: Mutation,
  ): Promise<StoredScenario> {
    const id = job.id;
    const actor = job.actor;
    const version = current.version + 1;
    const parts = canonicalParts(m.document);
    const hash = partsHash(parts);
    const stored = encodeVersion(version, current.document, m.document, () => parts.join(''));
    const revisions: Record<string, number> = { ...current.revisions };
    // A change with an empty key (a whole-scenario entry such as a revert) names no object.
    for (const c of m.changes) if (c.key !== '') revisions[c.key] = version;
    const updated = await trx
      .updateTable('scenarios')
      .set({ version, hash, revisions: JSON.stringify(revisions), updated_at: at, updated_by: actor })
      .where('id', '=', id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    // Cannot happen under the write lock; kept as a guard should the locking ever change.
    if (Number(updated.numUpdatedRows) !== 1)
      throw new BulwarkError('conflict', `scenario "${id}" changed during the update; retry`);
    await trx
      .insertInto('scenario_versions')
      .values({
        scenario_id: id,
        version,
        document: stored.body,
        encoding: stored.encoding,
        hash,
        created_at: at,
        created_by: actor,
        summary: m.summary,
      })
      .execute();
    this.cache.set(id, { version, hash, document: m.document });
    // Every version is attested by at least one entry (a change list may be empty).
    const changes: readonly Change[] =
      m.changes.length > 0
        ? m.changes
        : [
            {
              action: 'scenario.update',
              key: '',
              target: `scenario/${id}`,
              before: null,
              after: { summary: m.summary },
            },
          ];
    for (const c of changes)
      await this.appendAudit(trx, {
        at,
        actor,
        action: c.action,
        target: c.target,
        scenario_id: id,
        scenario_version: version,
        before: toJson(c.before),
        after: toJson(c.after),
        subject: hash,
      });
    return { id, version, hash, document: m.document, revisions, updatedAt: at, updatedBy: actor };
  }

  // ---- audit ----

  /**
   * Newest first. Filters: `scenarioId`, `target` (exact), `targetLike` (a LIKE pattern with `\` as the
   * escape character: build it with `likeLiteral`), `actor`, and `from`/`to` (ISO times, `at >= from`,
   * `at < to`); `beforeSeq` pages back.
   */
  async listAudit(
    q: {
      scenarioId?: string;
      beforeSeq?: number;
      limit?: number;
      target?: string;
      targetLike?: string;
      actor?: string;
      from?: string;
      to?: string;
    } = {},
  ): Promise<AuditEntry[]> {
    // The API validates both; here too, since a negative LIMIT means "no limit" to SQLite and NaN
    // breaks PostgreSQL's query.
    const limit = q.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
      throw new BulwarkError('usage', `limit must be an integer from 1 to 1000 (got ${limit})`);
    if (q.beforeSeq !== undefined && !(Number.isSafeInteger(q.beforeSeq) && q.beforeSeq >= 1))
      throw new BulwarkError('usage', `before must be a positive integer (got ${q.beforeSeq})`);
    let query = this.db.selectFrom('audit').selectAll();
    if (q.scenarioId !== undefined) query = query.where('scenario_id', '=', q.scenarioId);
    if (q.target !== undefined) query = query.where('target', '=', q.target);
    const like = q.targetLike;
    if (like !== undefined)
      query = query.where(sql<boolean>`${sql.ref('target')} like ${like} escape ${'\\'}`);
    if (q.actor !== undefined) query = query.where('actor', '=', q.actor);
    if (q.from !== undefined) query = query.where('at', '>=', q.from);
    if (q.to !== undefined) query = query.where('at', '<', q.to);
    if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      scenarioId: r.scenario_id,
      scenarioVersion: r.scenario_version === null ? null : Number(r.scenario_version),
      before: parseJson(r.before),
      after: parseJson(r.after),
      hash: r.hash,
    }));
  }

  /**
   * Verifies the audit log: the keyed chain entry by entry (a page at a time), the signed head against the
   * entry count and the last hash, the version, user and run rows against the state the entries attest,
   * and, when given, an off-site copy of an earlier head (the chain must still contain it).
   */
  async verifyAudit(options: { expect?: AuditHead } = {}): Promise<ChainCheck> {
    const key = this.auditKey;
    const verifier = new ChainVerifier((prev, e) => auditHash(key, prev, e));
    const state: AttestedState = { users: new Map(), versions: new Map(), runs: new Map() };
    const expected = options.expect;
    if (expected !== undefined && !headSignatureValid(key, expected))
      verifier.fail("the off-site head's signature does not match this workspace's audit key");
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(1000)
        .execute();
      for (const r of rows) {
        const e = {
          ...r,
          seq: Number(r.seq),
          scenario_version: r.scenario_version === null ? null : Number(r.scenario_version),
        };
        after = e.seq;
        if (!verifier.push(e)) return verifier.result();
        attest(state, e);
        if (expected !== undefined && e.seq === expected.entries && e.hash !== expected.head)
          verifier.fail(`entry ${e.seq} differs from the off-site head`, e.seq);
      }
      if (rows.length < 1000) break;
    }
    const n = verifier.count;
    if (expected !== undefined && n < expected.entries)
      verifier.fail(
        `the off-site head records ${expected.entries} entries; the log has ${n} (entries deleted)`,
        n + 1,
      );
    const head = await this.auditHead();
    if (head === undefined) {
      if (n > 0) verifier.fail('the signed head is missing');
    } else if (!headSignatureValid(key, head))
      verifier.fail("the head's signature does not match the audit key");
    else if (head.entries > n)
      verifier.fail(
        `the signed head records ${head.entries} entries; the log has ${n} (entries deleted)`,
        n + 1,
      );
    else if (head.entries !== n || head.head !== verifier.last)
      verifier.fail(`the last entry does not match the signed head (${head.entries} entries)`, n);
    await this.verifyAttested(state, verifier);
    return verifier.result();
  }

  /** Compares the version, user and run rows with what the chain attests. */
  private async verifyAttested(state: AttestedState, verifier: ChainVerifier): Promise<void> {
    const seen = new Set<string>();
    let last: { id: string; version: number } | undefined;
    const replay = versionReplayer();
    for (;;) {
      let q = this.db
        .selectFrom('scenario_versions')
        .select(['scenario_id', 'version', 'hash', 'document', 'encoding'])
        .orderBy('scenario_id')
        .orderBy('version')
        .limit(200);
      if (last !== undefined) {
        const l = last;
        q = q.where((eb) =>
          eb.or([
            eb('scenario_id', '>', l.id),
            eb.and([eb('scenario_id', '=', l.id), eb('version', '>', l.version)]),
          ]),
        );
      }
      const rows = await q.execute();
      for (const r of rows) {
        const v = Number(r.version);
        const k = versionKey(r.scenario_id, v);
        seen.add(k);
        const text = replay(r);
        if (text === undefined)
          verifier.fail(`version ${v} of scenario "${r.scenario_id}": its patch cannot be applied`);
        else if (textHash(text) !== r.hash)
          verifier.fail(`version ${v} of scenario "${r.scenario_id}": the document does not match its hash`);
        else if (state.versions.get(k) !== r.hash)
          verifier.fail(`version ${v} of scenario "${r.scenario_id}" is not the one the audit log records`);
        last = { id: r.scenario_id, version: v };
      }
      if (rows.length < 200) break;
    }
    for (const k of state.versions.keys())
      if (!seen.has(k)) verifier.fail(`scenario version ${k} is in the audit log but missing`);
    const heads = await this.db.selectFrom('scenarios').select(['id', 'version', 'hash']).execute();
    for (const h of heads)
      if (state.versions.get(versionKey(h.id, Number(h.version))) !== h.hash)
        verifier.fail(
          `scenario "${h.id}" points at version ${h.version}, which the audit log does not record`,
        );
    const users = await this.db.selectFrom('users').selectAll().execute();
    for (const u of users)
      if (state.users.get(u.username) !== userSubject(u))
        verifier.fail(`user "${u.username}" differs from what the audit log records`);
    const names = new Set(users.map((u) => u.username));
    for (const name of state.users.keys())
      if (!names.has(name)) verifier.fail(`user "${name}" is in the audit log but missing`);
    const runs = await this.db
      .selectFrom('runs')
      .select([
        'id',
        'scenario_id',
        'scenario_version',
        'scenario_hash',
        'kind',
        'options',
        'seed',
        'created_at',
        'created_by',
      ])
      .execute();
    for (const r of runs)
      if (state.runs.get(r.id) !== runSubject(r))
        verifier.fail(`run ${r.id} differs from what the audit log records`);
    const ids = new Set(runs.map((r) => r.id));
    for (const id of state.runs.keys())
      if (!ids.has(id)) verifier.fail(`run ${id} is in the audit log but missing`);
  }

  // ---- users, sessions, tokens ----

  async countUsers(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async createUser(
    actor: string,
    u: {
      username: string;
      passwordHash: string;
      role: string;
      nation: string | null;
      mustChangePassword?: boolean;
    },
  ): Promise<UserRecord> {
    return this.write(async (trx, at) => {
      const taken = await trx
        .selectFrom('users')
        .select('username')
        .where(sameName(u.username))
        .executeTakeFirst();
      if (taken !== undefined)
        throw new BulwarkError(
          'conflict',
          taken.username === u.username
            ? `user "${u.username}" exists already`
            : `user "${taken.username}" exists already (user names are case-insensitive)`,
        );
      const row: UserTable = {
        id: randomUUID(),
        username: u.username,
        password_hash: u.passwordHash,
        role: u.role,
        nation: u.nation,
        created_at: at,
        disabled: 0,
        must_change_password: u.mustChangePassword === true ? 1 : 0,
      };
      await trx.insertInto('users').values(row).execute();
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'user.create',
        target: `user/${u.username}`,
        scenario_id: null,
        scenario_version: null,
        before: null,
        after: toJson({
          username: u.username,
          role: u.role,
          nation: u.nation,
          ...(row.must_change_password === 1 ? { mustChangePassword: true } : {}),
        }),
        subject: userSubject(row),
      });
      return toUser(row);
    });
  }

  /**
   * Changes a user's role, nation, password hash (with whether it must be changed at the next sign-in) or
   * disabled flag; audited (never the hash). A new password or disabling ends every session of the user;
   * a new password also revokes every API token (tokens end with the password). `not-found` if absent.
   */
  async updateUser(
    actor: string,
    username: string,
    patch: {
      role?: string;
      nation?: string | null;
      passwordHash?: string;
      mustChangePassword?: boolean;
      disabled?: boolean;
    },
  ): Promise<UserRecord> {
    return this.write(async (trx, at) => {
      const row = await trx.selectFrom('users').selectAll().where(sameName(username)).executeTakeFirst();
      if (row === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
      const next: UserTable = {
        ...row,
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.nation === undefined ? {} : { nation: patch.nation }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.mustChangePassword === undefined
          ? {}
          : { must_change_password: patch.mustChangePassword ? 1 : 0 }),
      };
      await trx
        .updateTable('users')
        .set({
          role: next.role,
          nation: next.nation,
          password_hash: next.password_hash,
          disabled: next.disabled,
          must_change_password: next.must_change_password,
        })
        .where('id', '=', row.id)
        .execute();
      if (patch.passwordHash !== undefined || patch.disabled === true)
        await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      const revoked =
        patch.passwordHash === undefined
          ? []
          : await trx.deleteFrom('tokens').where('user_id', '=', row.id).returning('id').execute();
      const view = (u: UserTable) => ({
        username: u.username,
        role: u.role,
        nation: u.nation,
        disabled: Number(u.disabled) !== 0,
        mustChangePassword: Number(u.must_change_password) !== 0,
      });
      const self = actor === row.username;
      await this.appendAudit(trx, {
        at,
        actor,
        action:
          patch.passwordHash === undefined ? 'user.update' : self ? 'user.password' : 'user.password-reset',
        target: `user/${row.username}`,
        scenario_id: null,
        scenario_version: null,
        before: toJson(view(row)),
        after: toJson({
          ...view(next),
          ...(revoked.length > 0 ? { tokensRevoked: revoked.map((t) => tokenRef(t.id)) } : {}),
        }),
        subject: userSubject(next),
      });
      return toUser(next);
    });
  }

  /** The user of that name, compared case-insensitively. */
  async getUserByName(username: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where(sameName(username)).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async listUsers(): Promise<UserRecord[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  /** Stores a session under the hash of its token. */
  async createSession(token: string, userId: string, csrf: string, ttlMs: number): Promise<void> {
    const now = this.now();
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256Hex(token),
        user_id: userId,
        csrf,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      })
      .execute();
  }

  /** The live session of a token with its (enabled) user, or undefined. */
  async getSession(token: string): Promise<SessionRecord | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.csrf', 'sessions.expires_at'])
      .where('sessions.id', '=', sha256Hex(token))
      .where('sessions.expires_at', '>', this.now().toISOString())
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return { user: toUser(row), csrf: row.csrf, expiresAt: row.expires_at };
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
  }

  /** Stores an API token (its hash) for a user; audited as `token.create` (the reference, never the token). */
  async createToken(actor: string, token: string, user: UserRecord, name: string): Promise<TokenInfo> {
    return this.write(async (trx, at) => {
      const id = sha256Hex(token);
      await trx.insertInto('tokens').values({ id, user_id: user.id, name, created_at: at }).execute();
      const info = { id: tokenRef(id), name, username: user.username, createdAt: at };
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'token.create',
        target: `token/${user.username}/${info.id}`,
        scenario_id: null,
        scenario_version: null,
        before: null,
        after: toJson({ id: info.id, name }),
        subject: null,
      });
      return info;
    });
  }

  /** A user's API tokens, newest first (references and names only). */
  async listTokens(user: UserRecord): Promise<TokenInfo[]> {
    const rows = await this.db
      .selectFrom('tokens')
      .select(['id', 'name', 'created_at'])
      .where('user_id', '=', user.id)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: tokenRef(r.id),
      name: r.name,
      username: user.username,
      createdAt: r.created_at,
    }));
  }

  /** Revokes one of a user's tokens by its reference; audited as `token.revoke`. `not-found` if none. */
  async revokeToken(actor: string, user: UserRecord, ref: string): Promise<void> {
    await this.write(async (trx, at) => {
      const rows = await trx
        .selectFrom('tokens')
        .select(['id', 'name'])
        .where('user_id', '=', user.id)
        .execute();
      const hit = rows.find((r) => tokenRef(r.id) === ref);
      if (hit === undefined)
        throw new BulwarkError('not-found', `user "${user.username}" has no API token "${ref}"`);
      await trx.deleteFrom('tokens').where('id', '=', hit.id).execute();
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'token.revoke',
        target: `token/${user.username}/${ref}`,
        scenario_id: null,
        scenario_version: null,
        before: toJson({ id: ref, name: hit.name }),
        after: null,
        subject: null,
      });
    });
  }

  async getTokenUser(token: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .selectAll('users')
      .where('tokens.id', '=', sha256Hex(token))
      .where('users.disabled', '=', 0)
      .executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  // ---- runs ----

  async insertRun(r: {
    scenarioId: string;
    scenarioVersion: number;
    scenarioHash: string;
    kind: string;
    options: unknown;
    seed: number | null;
    createdBy: string;
  }): Promise<RunRecord> {
    return this.write(async (trx, at) => {
      const row: RunTable = {
        id: randomUUID(),
        scenario_id: r.scenarioId,
        scenario_version: r.scenarioVersion,
        scenario_hash: r.scenarioHash,
        kind: r.kind,
        options: JSON.stringify(r.options),
        seed: r.seed,
        status: 'queued',
        progress: null,
        result: null,
        error: null,
        created_at: at,
        created_by: r.createdBy,
        started_at: null,
        finished_at: null,
      };
      await trx.insertInto('runs').values(row).execute();
      await this.appendAudit(trx, {
        at,
        actor: r.createdBy,
        action: 'run.create',
        target: `run/${row.id}`,
        scenario_id: r.scenarioId,
        scenario_version: r.scenarioVersion,
        before: null,
        after: toJson({ kind: r.kind, options: r.options, seed: r.seed }),
        subject: runSubject(row),
      });
      return toRun(row);
    }).then((run) => {
      this.emit({ type: 'run', run });
      return run;
    });
  }

  async updateRun(
    id: string,
    patch: {
      status?: RunStatus;
      progress?: unknown;
      result?: unknown;
      error?: string;
      started?: boolean;
      finished?: boolean;
    },
  ): Promise<void> {
    const at = this.now().toISOString();
    await this.db
      .updateTable('runs')
      .set({
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.progress === undefined ? {} : { progress: toJson(patch.progress) }),
        ...(patch.result === undefined ? {} : { result: toJson(patch.result) }),
        ...(patch.error === undefined ? {} : { error: patch.error }),
        ...(patch.started === true ? { started_at: at } : {}),
        ...(patch.finished === true ? { finished_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
    if (patch.status !== undefined) {
      const run = await this.getRun(id);
      if (run !== undefined) this.emit({ type: 'run', run });
    }
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toRun(row);
  }

  /** The stored result JSON text of a finished run (kept as text: it can be large). */
  async getRunResult(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('runs').select('result').where('id', '=', id).executeTakeFirst();
    return row?.result ?? null;
  }

  async listRuns(scenarioId: string, limit = 50): Promise<RunRecord[]> {
    const rows = await this.db
      .selectFrom('runs')
      .selectAll()
      .where('scenario_id', '=', scenarioId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRun);
  }

  // ---- the canvass ----

  /** A scenario's asks, oldest first. */
  async listCanvass(scenarioId: string): Promise<CanvassAsk[]> {
    const rows = await this.db
      .selectFrom('canvass')
      .selectAll()
      .where('scenario_id', '=', scenarioId)
      .orderBy('asked_at')
      .orderBy('id')
      .execute();
    return rows.map(toAsk);
  }

  /** Records that a nation was asked to fill a gap (and perhaps its answer); audited as `canvass.create`. */
  async createAsk(
    actor: string,
    a: {
      scenarioId: string;
      mission: string;
      capability: string;
      nation: string;
      status: CanvassStatus;
      offer: string | null;
      note: string | null;
    },
  ): Promise<CanvassAsk> {
    const ask = await this.write(async (trx, at) => {
      const row: CanvassTable = {
        id: randomUUID(),
        scenario_id: a.scenarioId,
        mission: a.mission,
        capability: a.capability,
        nation: a.nation,
        status: a.status,
        offer: a.offer,
        note: a.note,
        asked_by: actor,
        asked_at: at,
        updated_at: at,
      };
      await trx.insertInto('canvass').values(row).execute();
      const ask = toAsk(row);
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'canvass.create',
        target: `canvass/${a.scenarioId}/${row.id}`,
        scenario_id: a.scenarioId,
        scenario_version: null,
        before: null,
        after: toJson(ask),
        subject: null,
      });
      return ask;
    });
    this.emit({ type: 'canvass', ask });
    return ask;
  }

  /** Records a nation's answer to an ask; audited as `canvass.update`. `not-found` if there is no such ask. */
  async updateAsk(
    actor: string,
    scenarioId: string,
    id: string,
    patch: { status?: CanvassStatus; offer?: string | null; note?: string | null },
  ): Promise<CanvassAsk> {
    const ask = await this.write(async (trx, at) => {
      const row = await trx
        .selectFrom('canvass')
        .selectAll()
        .where('id', '=', id)
        .where('scenario_id', '=', scenarioId)
        .executeTakeFirst();
      if (row === undefined)
        throw new BulwarkError('not-found', `no canvass ask "${id}" in scenario "${scenarioId}"`);
      const next: CanvassTable = {
        ...row,
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.offer === undefined ? {} : { offer: patch.offer }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
        updated_at: at,
      };
      await trx
        .updateTable('canvass')
        .set({ status: next.status, offer: next.offer, note: next.note, updated_at: at })
        .where('id', '=', id)
        .execute();
      await this.appendAudit(trx, {
        at,
        actor,
        action: 'canvass.update',
        target: `canvass/${scenarioId}/${id}`,
        scenario_id: scenarioId,
        scenario_version: null,
        before: toJson(toAsk(row)),
        after: toJson(toAsk(next)),
        subject: null,
      });
      return toAsk(next);
    });
    this.emit({ type: 'canvass', ask });
    return ask;
  }

  /** After a restart, runs that were queued or running are no longer: mark them interrupted. */
  async interruptUnfinishedRuns(): Promise<number> {
    const r = await this.db
      .updateTable('runs')
      .set({ status: 'interrupted', finished_at: this.now().toISOString() })
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

function toUser(row: UserTable): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    role: row.role,
    nation: row.nation,
    createdAt: row.created_at,
    disabled: Number(row.disabled) !== 0,
    mustChangePassword: Number(row.must_change_password ?? 0) !== 0,
  };
}

/** `where` for a user name, case-insensitively (the unique index is on lower(username)). */
function sameName(username: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    eb(eb.fn<string>('lower', ['username']), '=', username.toLowerCase());
}

function toRun(row: RunTable): RunRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioVersion: Number(row.scenario_version),
    scenarioHash: row.scenario_hash,
    kind: row.kind,
    options: parseJson(row.options),
    seed: row.seed === null ? null : Number(row.seed),
    status: row.status as RunStatus,
    progress: parseJson(row.progress),
    error: row.error,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
