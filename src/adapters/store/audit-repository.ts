/**
 * The hash-chained audit log (`AuditRepository`): listing, verification against the keyed chain, the
 * signed head and the rows the entries attest, and the one-time anchoring of a log from before keys.
 */
import { sql } from 'kysely';
import type { AuditEntry, AuditFilter, AuditHead, AuditRepository, ChainCheck } from '../../app/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import { ChainVerifier, auditHash, genesisHash, headSignatureValid, legacyAuditHash } from './audit-chain.js';
import type { AuditContent } from './audit-chain.js';
import { parseJson, textHash, toJson, type StoreDatabase } from './database.js';
import { runSubject, userSubject } from './subjects.js';
import { versionReplayer } from './version-codec.js';

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

export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly database: StoreDatabase) {}

  /** The signed head (entry count and last hash), for off-site keeping; undefined before the first entry. */
  async auditHead(): Promise<AuditHead | undefined> {
    const r = await this.database.db
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
    await this.database.write(async (trx, at) => {
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
        const hash = auditHash(this.database.auditKey, prev, e);
        await trx.updateTable('audit').set({ prev_hash: prev, hash }).where('seq', '=', e.seq).execute();
        prev = hash;
      }
      const users = await trx.selectFrom('users').selectAll().execute();
      const versions = await trx
        .selectFrom('scenario_versions')
        .select(['scenario_id', 'version', 'hash'])
        .execute();
      const runs = await trx.selectFrom('runs').selectAll().execute();
      await this.database.appendAudit(trx, {
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

  /**
   * Newest first. Filters: `scenarioId`, `target` (exact), `targetLike` (a LIKE pattern with `\` as the
   * escape character: build it with `likeLiteral`), `actor`, and `from`/`to` (ISO times, `at >= from`,
   * `at < to`); `beforeSeq` pages back.
   */
  async listAudit(q: AuditFilter = {}): Promise<AuditEntry[]> {
    // The API validates both; here too, since a negative LIMIT means "no limit" to SQLite and NaN
    // breaks PostgreSQL's query.
    const limit = q.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
      throw new BulwarkError('usage', `limit must be an integer from 1 to 1000 (got ${limit})`);
    if (q.beforeSeq !== undefined && !(Number.isSafeInteger(q.beforeSeq) && q.beforeSeq >= 1))
      throw new BulwarkError('usage', `before must be a positive integer (got ${q.beforeSeq})`);
    let query = this.database.db.selectFrom('audit').selectAll();
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
    const key = this.database.auditKey;
    const verifier = new ChainVerifier((prev, e) => auditHash(key, prev, e));
    const state: AttestedState = { users: new Map(), versions: new Map(), runs: new Map() };
    const expected = options.expect;
    if (expected !== undefined && !headSignatureValid(key, expected))
      verifier.fail("the off-site head's signature does not match this workspace's audit key");
    let after = 0;
    for (;;) {
      const rows = await this.database.db
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
      let q = this.database.db
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
    const heads = await this.database.db.selectFrom('scenarios').select(['id', 'version', 'hash']).execute();
    for (const h of heads)
      if (state.versions.get(versionKey(h.id, Number(h.version))) !== h.hash)
        verifier.fail(
          `scenario "${h.id}" points at version ${h.version}, which the audit log does not record`,
        );
    const users = await this.database.db.selectFrom('users').selectAll().execute();
    for (const u of users)
      if (state.users.get(u.username) !== userSubject(u))
        verifier.fail(`user "${u.username}" differs from what the audit log records`);
    const names = new Set(users.map((u) => u.username));
    for (const name of state.users.keys())
      if (!names.has(name)) verifier.fail(`user "${name}" is in the audit log but missing`);
    const runs = await this.database.db
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
}
