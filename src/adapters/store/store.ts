/**
 * The workspace store: scenarios as numbered versions, users, sessions, API tokens, runs, and the
 * hash-chained audit log, over kysely. One set of queries for SQLite (better-sqlite3, WAL, the default)
 * and PostgreSQL (pg, when a URL is given).
 *
 * Writes are serialised: SQLite has one connection (kysely queues callers on it), PostgreSQL takes a
 * transaction-scoped advisory lock first. That keeps the audit chain linear and makes each change an
 * atomic read–check–write, so optimistic version checks done inside `mutateScenario` cannot race.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
import { BulwarkError, canonicalJson } from '../../core/shared/index.js';
import { ChainVerifier, auditHash, genesisHash, type ChainCheck } from './audit-chain.js';
import { migrationProvider } from './migrations.js';
import type { AuditTable, Database, RunTable, UserTable } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface StoreOptions {
  /** Folder for `workspace.db` (SQLite); created if missing. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set, SQLite is not used. */
  readonly databaseUrl?: string | undefined;
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
}

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

/** sha256 hex: tokens and session ids are stored only as their hash. */
export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Content hash of a scenario document, as `scenarioHash` computes it. */
export const documentHash = (doc: unknown): string => textHash(canonicalJson(doc));
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
  return new Store(db, dialect, options.now ?? (() => new Date()));
}

export class Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
    private readonly now: () => Date,
  ) {}

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
    const seq = (last?.seq ?? 0) + 1;
    const prev = last?.hash ?? genesisHash;
    const content = { ...e, seq };
    await trx
      .insertInto('audit')
      .values({ ...content, prev_hash: prev, hash: auditHash(prev, content) })
      .execute();
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
      const row = await db
        .selectFrom('scenario_versions')
        .select('document')
        .where('scenario_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirstOrThrow();
      document = parseJson(row.document);
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
    const row = await this.db
      .selectFrom('scenario_versions')
      .select(['version', 'hash', 'document'])
      .where('scenario_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (row === undefined) throw new BulwarkError('not-found', `scenario "${id}" has no version ${version}`);
    return { version: Number(row.version), hash: row.hash, document: parseJson(row.document) };
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
        const outcomes: ({ ok: true; value: StoredScenario } | { ok: false; error: unknown })[] = [];
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
              outcomes.push({ ok: true, value: await this.applyMutation(trx, at, job, current, m) });
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
          if (o?.ok === true) job.resolve(o.value);
          else job.reject(o?.error ?? new Error('mutation lost'));
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
    const text = canonicalJson(m.document);
    const hash = textHash(text);
    const revisions: Record<string, number> = { ...current.revisions };
    for (const c of m.changes) revisions[c.key] = version;
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
        document: text,
        hash,
        created_at: at,
        created_by: actor,
        summary: m.summary,
      })
      .execute();
    this.cache.set(id, { version, hash, document: m.document });
    for (const c of m.changes)
      await this.appendAudit(trx, {
        at,
        actor,
        action: c.action,
        target: c.target,
        scenario_id: id,
        scenario_version: version,
        before: toJson(c.before),
        after: toJson(c.after),
      });
    return { id, version, hash, document: m.document, revisions, updatedAt: at, updatedBy: actor };
  }

  // ---- audit ----

  /** Newest first. `scenarioId` filters; `beforeSeq` pages back. */
  async listAudit(
    q: { scenarioId?: string; beforeSeq?: number; limit?: number; target?: string } = {},
  ): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit').selectAll();
    if (q.scenarioId !== undefined) query = query.where('scenario_id', '=', q.scenarioId);
    if (q.target !== undefined) query = query.where('target', '=', q.target);
    if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(Math.min(q.limit ?? 100, 1000))
      .execute();
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

  /** Recomputes the whole chain, a page at a time so memory stays flat. */
  async verifyAudit(): Promise<ChainCheck> {
    const verifier = new ChainVerifier();
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
      }
      if (rows.length < 1000) return verifier.result();
    }
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
    u: { username: string; passwordHash: string; role: string; nation: string | null },
  ): Promise<UserRecord> {
    return this.write(async (trx, at) => {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', u.username)
        .executeTakeFirst();
      if (taken !== undefined) throw new BulwarkError('conflict', `user "${u.username}" exists already`);
      const row: UserTable = {
        id: randomUUID(),
        username: u.username,
        password_hash: u.passwordHash,
        role: u.role,
        nation: u.nation,
        created_at: at,
        disabled: 0,
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
        after: toJson({ username: u.username, role: u.role, nation: u.nation }),
      });
      return toUser(row);
    });
  }

  /** Changes a user's role, nation, password hash or disabled flag; audited (never the hash). `not-found` if absent. */
  async updateUser(
    actor: string,
    username: string,
    patch: { role?: string; nation?: string | null; passwordHash?: string; disabled?: boolean },
  ): Promise<UserRecord> {
    return this.write(async (trx, at) => {
      const row = await trx
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      if (row === undefined) throw new BulwarkError('not-found', `no user "${username}"`);
      const next: UserTable = {
        ...row,
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.nation === undefined ? {} : { nation: patch.nation }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled ? 1 : 0 }),
      };
      await trx
        .updateTable('users')
        .set({
          role: next.role,
          nation: next.nation,
          password_hash: next.password_hash,
          disabled: next.disabled,
        })
        .where('id', '=', row.id)
        .execute();
      if (patch.passwordHash !== undefined || patch.disabled === true)
        await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      const view = (u: UserTable) => ({
        username: u.username,
        role: u.role,
        nation: u.nation,
        disabled: Number(u.disabled) !== 0,
      });
      await this.appendAudit(trx, {
        at,
        actor,
        action: patch.passwordHash !== undefined ? 'user.password' : 'user.update',
        target: `user/${username}`,
        scenario_id: null,
        scenario_version: null,
        before: toJson(view(row)),
        after: toJson(view(next)),
      });
      return toUser(next);
    });
  }

  async getUserByName(username: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
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

  async createToken(token: string, userId: string, name: string): Promise<void> {
    await this.db
      .insertInto('tokens')
      .values({ id: sha256Hex(token), user_id: userId, name, created_at: this.now().toISOString() })
      .execute();
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
      });
      return toRun(row);
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
  };
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
