/**
 * Scenarios as numbered, immutable versions (`ScenarioRepository`), with group commit of concurrent
 * changes and a cache of each scenario's parsed current document.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  Change,
  Mutation,
  ScenarioRepository,
  ScenarioVersion,
  ScenarioVersionInfo,
  StoredScenario,
} from '../../app/index.js';
import { BulwarkError, canonicalJson } from '../../core/shared/index.js';
import { documentHash, partsHash, textHash, toJson, type StoreDatabase } from './database.js';
import { canonicalParts, encodeVersion, readVersionDocument } from './version-codec.js';
import type { Database } from './schema.js';

interface PendingMutation {
  readonly id: string;
  readonly actor: string;
  readonly mutate: (current: StoredScenario) => Mutation;
  readonly resolve: (s: StoredScenario) => void;
  readonly reject: (e: unknown) => void;
}

/** Most mutations committed together in one transaction (group commit). */
const MAX_BATCH = 64;

export class SqlScenarioRepository implements ScenarioRepository {
  constructor(private readonly database: StoreDatabase) {}

  /** Parsed current documents by scenario id (callers must not mutate them). */
  private readonly cache = new Map<string, { version: number; hash: string; document: unknown }>();

  async listScenarios(): Promise<StoredScenario[]> {
    const rows = await this.database.db.selectFrom('scenarios').select('id').orderBy('id').execute();
    const out: StoredScenario[] = [];
    for (const r of rows) {
      const s = await this.readScenario(this.database.db, r.id);
      if (s !== undefined) out.push(s);
    }
    return out;
  }

  async getScenario(id: string): Promise<StoredScenario | undefined> {
    return this.readScenario(this.database.db, id);
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
    const rows = await this.database.db
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
  async getVersion(id: string, version: number): Promise<ScenarioVersion> {
    const row = await readVersionDocument(this.database.db, id, version, documentHash);
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
    return this.database.write(async (trx, at) => {
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
      await this.database.appendAudit(trx, {
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
   *
   * A batch starts at `setImmediate`, after the event loop has read every request already received: with
   * SQLite every query is synchronous under its promise, so a transaction started at once would run to its
   * commit before the next request is even parsed, and each write would pay its own fsync (batches of 1).
   */
  mutateScenario(
    id: string,
    actor: string,
    mutate: (current: StoredScenario) => Mutation,
  ): Promise<StoredScenario> {
    return new Promise((resolve, reject) => {
      this.pending.push({ id, actor, mutate, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
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
          await this.database.write(async (trx, at) => {
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
            this.database.emit({
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
      await this.database.appendAudit(trx, {
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
}
