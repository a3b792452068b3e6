import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases, testPgUrl } from '../../../test/services/databases.js';
import { canonicalJson } from '../../core/shared/index.js';
import { legacyAuditHash } from './audit-chain.js';
import {
  auditHash,
  documentHash,
  formatHead,
  genesisHash,
  openStore,
  parseHead,
  type Store,
} from './index.js';

describe.each(testDatabases())('store on $name', (database) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function fresh(): Promise<{ store: Store; reopen: () => Promise<Store> }> {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-store-'));
    const db = await database.fresh();
    let t = 0;
    const open = () =>
      openStore({ dataDir: dir, databaseUrl: db.url, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)) });
    const store = await open();
    cleanups.push(async () => {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    return { store, reopen: open };
  }

  it('migrates once and reopens an existing database', async () => {
    const { store, reopen } = await fresh();
    await store.createScenario('s', { a: 1 }, 'alice', 'seed');
    const again = await reopen();
    expect((await again.getScenario('s'))?.version).toBe(1);
    await again.close();
  });

  it('stores every change as a new version with audit entries, atomically', async () => {
    const { store } = await fresh();
    await store.createScenario('s', { items: [1] }, 'alice', 'seed');
    const v2 = await store.mutateScenario('s', 'bob', (cur) => ({
      document: { items: [...(cur.document as { items: number[] }).items, 2] },
      summary: 'add 2',
      changes: [
        { action: 'item.create', key: 'item:2', target: 'scenario/s/items/2', before: null, after: 2 },
      ],
    }));
    expect(v2).toMatchObject({ version: 2, revisions: { 'item:2': 2 }, document: { items: [1, 2] } });
    await expect(
      store.mutateScenario('s', 'carol', () => {
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    expect((await store.getScenario('s'))?.version).toBe(2);
    expect((await store.listVersions('s')).map((v) => [v.version, v.createdBy, v.summary])).toEqual([
      [2, 'bob', 'add 2'],
      [1, 'alice', 'seed'],
    ]);
    expect((await store.getVersion('s', 1)).document).toEqual({ items: [1] });
    const audit = await store.listAudit({ scenarioId: 's' });
    expect(audit.map((a) => [a.seq, a.actor, a.action, a.before, a.after])).toEqual([
      [2, 'bob', 'item.create', null, 2],
      [1, 'alice', 'scenario.create', null, expect.anything()],
    ]);
  });

  it('detects any tampering with the audit chain', async () => {
    const { store } = await fresh();
    await store.createScenario('s', { n: 0 }, 'alice', 'seed');
    for (let i = 1; i <= 5; i++)
      await store.mutateScenario('s', 'bob', () => ({
        document: { n: i },
        summary: `n=${i}`,
        changes: [{ action: 'n.update', key: 'n', target: 'n', before: i - 1, after: i }],
      }));
    expect(await store.verifyAudit()).toMatchObject({ ok: true, entries: 6 });
    await sql`update audit set after = '99' where seq = 3`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({ ok: false, brokenAt: 3 });
    await sql`update audit set after = '2' where seq = 3`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    await sql`delete from audit where seq = 4`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  /** A workspace with a scenario at version 4, a user whose role changed, and a run: 7 entries. */
  async function populated(): Promise<{ store: Store; reopen: () => Promise<Store>; dir: string }> {
    const f = await fresh();
    const { store } = f;
    await store.createScenario('s', { n: 0 }, 'alice', 'seed');
    for (let i = 1; i <= 3; i++)
      await store.mutateScenario('s', 'bob', () => ({
        document: { n: i },
        summary: `n=${i}`,
        changes: [{ action: 'n.update', key: 'n', target: 'scenario/s/n', before: i - 1, after: i }],
      }));
    await store.createUser('system', { username: 'ann', passwordHash: 'x', role: 'viewer', nation: null });
    await store.updateUser('system', 'ann', { role: 'liaison', nation: 'GBR' });
    await store.insertRun({
      scenarioId: 's',
      scenarioVersion: 4,
      scenarioHash: 'sha256:x',
      kind: 'assure',
      options: { runs: 10 },
      seed: 1,
      createdBy: 'ann',
    });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, entries: 7 });
    return f as typeof f & { dir: string };
  }

  // Regression (issue 16, High 2): each of these verified as intact with the unkeyed, unanchored chain.
  it('detects deleting the newest entries, and all of them (signed head with the count)', async () => {
    const { store } = await populated();
    await sql`delete from audit where seq >= 6`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({
      ok: false,
      brokenAt: 6,
      reason: 'the signed head records 7 entries; the log has 5 (entries deleted)',
    });
    await sql`delete from audit`.execute(store.db);
    expect(await store.verifyAudit()).toMatchObject({ ok: false, entries: 0 });
    await sql`delete from audit_head`.execute(store.db);
    // No entries and no head: the users, versions and runs still in the tables are attested by nothing.
    expect(await store.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'version 1 of scenario "s" is not the one the audit log records',
    });
  });

  it('detects an edit with every hash recomputed, without the key (keyed hashes)', async () => {
    const { store } = await populated();
    const rows = await store.db.selectFrom('audit').selectAll().orderBy('seq').execute();
    // The attacker edits entry 2 and re-chains with the unkeyed formula (and with a key of their own).
    for (const wrongKey of [undefined, Buffer.alloc(32, 7)]) {
      let prev = genesisHash;
      for (const r of rows) {
        const e = {
          ...r,
          seq: Number(r.seq),
          scenario_version: r.scenario_version === null ? null : Number(r.scenario_version),
        };
        const edited = e.seq === 2 ? { ...e, actor: 'mallory' } : e;
        const hash =
          wrongKey === undefined ? legacyAuditHash(prev, edited) : auditHash(wrongKey, prev, edited);
        await sql`update audit set actor = ${edited.actor}, prev_hash = ${prev}, hash = ${hash} where seq = ${e.seq}`.execute(
          store.db,
        );
        prev = hash;
      }
      await sql`update audit_head set head = ${prev}`.execute(store.db);
      expect(await store.verifyAudit()).toMatchObject({
        ok: false,
        brokenAt: 1,
        reason: 'content does not match its hash',
      });
    }
  });

  it('detects a changed scenario version and a changed user role (rows covered by the chain)', async () => {
    const { store } = await populated();
    const doc = canonicalJson({ n: 99 });
    const hash = documentHash({ n: 99 });
    // A whole document in place of version 2 (stored as a patch since decision 0009).
    await sql`update scenario_versions set document = ${doc}, encoding = 'full' where scenario_id = 's' and version = 2`.execute(
      store.db,
    );
    expect(await store.verifyAudit()).toMatchObject({
      ok: false,
      brokenAt: null,
      reason: 'version 2 of scenario "s": the document does not match its hash',
    });
    await sql`update scenario_versions set hash = ${hash} where scenario_id = 's' and version = 2`.execute(
      store.db,
    );
    expect(await store.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'version 2 of scenario "s" is not the one the audit log records',
    });
    const { store: s2 } = await populated();
    await sql`update users set role = 'coordinator' where username = 'ann'`.execute(s2.db);
    expect(await s2.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'user "ann" differs from what the audit log records',
    });
    await sql`update users set role = 'liaison' where username = 'ann'`.execute(s2.db);
    expect(await s2.verifyAudit()).toMatchObject({ ok: true });
    await sql`delete from scenario_versions where version = 4`.execute(s2.db);
    expect(await s2.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'scenario version s@4 is in the audit log but missing',
    });
  });

  it('an off-site copy of the head detects a rollback to a consistent earlier state', async () => {
    const { store } = await populated();
    const early = await store.auditHead();
    const line = formatHead(early!);
    expect(parseHead(line)).toEqual(early);
    expect(await store.verifyAudit({ expect: parseHead(line)! })).toMatchObject({ ok: true, entries: 7 });
    // A later entry, then a "restore" to the earlier state, head included, consistent in itself:
    await store.updateUser('system', 'ann', { disabled: true });
    expect(await store.verifyAudit({ expect: early! })).toMatchObject({ ok: true, entries: 8 });
    const later = (await store.auditHead())!;
    await sql`delete from audit where seq = 8`.execute(store.db);
    await sql`update users set disabled = 0 where username = 'ann'`.execute(store.db);
    await sql`update audit_head set entries = ${early!.entries}, head = ${early!.head}, signature = ${early!.signature}`.execute(
      store.db,
    );
    expect(await store.verifyAudit()).toMatchObject({ ok: true, entries: 7 });
    expect(await store.verifyAudit({ expect: later })).toMatchObject({
      ok: false,
      reason: 'the off-site head records 8 entries; the log has 7 (entries deleted)',
    });
    expect(await store.verifyAudit({ expect: { ...later, entries: 3 } })).toMatchObject({
      ok: false,
      reason: "the off-site head's signature does not match this workspace's audit key",
    });
  });

  it('anchors an audit log written before anchoring, once, and does not open without its key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-store-'));
    const db = await database.fresh();
    const open = () => openStore({ dataDir: dir, databaseUrl: db.url });
    const store = await open();
    cleanups.push(async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    await store.createScenario('s', { n: 0 }, 'alice', 'seed');
    await store.createUser('system', { username: 'ann', passwordHash: 'x', role: 'viewer', nation: null });
    // Turn it into a legacy log: unkeyed hashes, no subjects, no head, no key file.
    const rows = await store.db.selectFrom('audit').selectAll().orderBy('seq').execute();
    let prev = genesisHash;
    for (const r of rows) {
      const e = {
        ...r,
        seq: Number(r.seq),
        scenario_version: r.scenario_version === null ? null : Number(r.scenario_version),
        subject: null,
      };
      const hash = legacyAuditHash(prev, e);
      await sql`update audit set subject = null, prev_hash = ${prev}, hash = ${hash} where seq = ${e.seq}`.execute(
        store.db,
      );
      prev = hash;
    }
    await sql`delete from audit_head`.execute(store.db);
    await store.close();
    rmSync(join(dir, 'audit.key'));
    const upgraded = await open();
    expect(await upgraded.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
    const anchor = (await upgraded.listAudit({ limit: 1 }))[0];
    expect(anchor).toMatchObject({ action: 'audit.anchor', after: { legacyEntries: 2, legacyHead: prev } });
    await sql`update users set role = 'coordinator'`.execute(upgraded.db);
    expect(await upgraded.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'user "ann" differs from what the audit log records',
    });
    await upgraded.close();
    rmSync(join(dir, 'audit.key'));
    await expect(open()).rejects.toMatchObject({ code: 'unavailable' });
    await expect(open()).rejects.toThrow(/audit\.key is missing: this database's audit log is signed/);
  });

  it('pages the audit log only with a limit of 1 … 1000 and a positive before (issue 16, Medium 9)', async () => {
    const { store } = await populated();
    for (const limit of [-1, 0, 1.5, Number.NaN, 1001])
      await expect(store.listAudit({ limit })).rejects.toMatchObject({ code: 'usage' });
    for (const beforeSeq of [-1, 0, 2.5, Number.NaN])
      await expect(store.listAudit({ beforeSeq })).rejects.toMatchObject({ code: 'usage' });
    expect((await store.listAudit({ limit: 2 })).map((e) => e.seq)).toEqual([7, 6]);
    expect((await store.listAudit({ limit: 2, beforeSeq: 3 })).map((e) => e.seq)).toEqual([2, 1]);
  });

  it('keeps sessions and tokens only as hashes and expires sessions', async () => {
    const { store } = await fresh();
    const u = await store.createUser('system', {
      username: 'ann',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    await store.createSession('secret-token', u.id, 'csrf', 10_000);
    expect((await store.getSession('secret-token'))?.user.username).toBe('ann');
    const rows = await store.db.selectFrom('sessions').select('id').execute();
    expect(rows[0]?.id).not.toContain('secret');
    await store.createSession('short', u.id, 'csrf', 0);
    expect(await store.getSession('short')).toBeUndefined();
    await store.createToken('ann', 'bwt_abc', u, 'ci');
    expect((await store.getTokenUser('bwt_abc'))?.username).toBe('ann');
    expect(await store.getTokenUser('bwt_other')).toBeUndefined();
    await expect(
      store.createUser('system', { username: 'ann', passwordHash: 'y', role: 'viewer', nation: null }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  // Regression (issue 16, Low 12): "Ann" and "ann" were two users.
  it('treats user names case-insensitively, in the queries and in a unique index', async () => {
    const { store } = await fresh();
    await store.createUser('system', { username: 'Ann', passwordHash: 'x', role: 'viewer', nation: null });
    await expect(
      store.createUser('system', { username: 'ann', passwordHash: 'y', role: 'viewer', nation: null }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('case-insensitive') as unknown,
    });
    expect((await store.getUserByName('ANN'))?.username).toBe('Ann');
    expect((await store.updateUser('system', 'aNN', { role: 'coordinator' })).role).toBe('coordinator');
    // Below the queries, the database itself refuses a second spelling.
    await expect(
      store.db
        .insertInto('users')
        .values({
          id: 'x2',
          username: 'ANN',
          password_hash: 'z',
          role: 'viewer',
          nation: null,
          created_at: 'now',
          disabled: 0,
          must_change_password: 0,
        })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
  });

  // Regression (issue 16, Medium 4): tokens survived a password change and a reset.
  it('revokes every API token of a user with a new password, and lists and revokes one by reference', async () => {
    const { store } = await fresh();
    const u = await store.createUser('system', {
      username: 'bo',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    const a = await store.createToken('bo', 'bwt_a', u, 'laptop');
    await store.createToken('bo', 'bwt_b', u, 'ci');
    expect((await store.listTokens(u)).map((t) => t.name).sort()).toEqual(['ci', 'laptop']);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    await store.revokeToken('bo', u, a.id);
    expect(await store.getTokenUser('bwt_a')).toBeUndefined();
    expect((await store.getTokenUser('bwt_b'))?.username).toBe('bo');
    await expect(store.revokeToken('bo', u, a.id)).rejects.toMatchObject({ code: 'not-found' });
    await store.createSession('sess', u.id, 'c', 60_000);
    await store.updateUser('coord', 'bo', { passwordHash: 'new', mustChangePassword: true });
    expect(await store.getTokenUser('bwt_b')).toBeUndefined();
    expect(await store.getSession('sess')).toBeUndefined();
    expect((await store.getUserByName('bo'))?.mustChangePassword).toBe(true);
    const actions = (await store.listAudit({ limit: 10 })).map((e) => e.action);
    expect(actions.slice(0, 4)).toEqual([
      'user.password-reset',
      'token.revoke',
      'token.create',
      'token.create',
    ]);
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    // The flag is covered by the chain like the rest of the row.
    await store.db
      .updateTable('users')
      .set({ must_change_password: 0 })
      .where('username', '=', 'bo')
      .execute();
    expect(await store.verifyAudit()).toMatchObject({ ok: false });
  });

  it('stores runs with version, hash and a 32-bit seed, and interrupts unfinished ones on restart', async () => {
    const { store } = await fresh();
    const r = await store.insertRun({
      scenarioId: 's',
      scenarioVersion: 3,
      scenarioHash: 'sha256:x',
      kind: 'assure',
      options: { runs: 10 },
      seed: 4_294_967_295,
      createdBy: 'ann',
    });
    await store.updateRun(r.id, { status: 'running', started: true, progress: { done: 1, total: 2 } });
    expect(await store.getRun(r.id)).toMatchObject({
      seed: 4_294_967_295,
      scenarioVersion: 3,
      status: 'running',
    });
    expect(await store.interruptUnfinishedRuns()).toBe(1);
    expect((await store.getRun(r.id))?.status).toBe('interrupted');
  });
});

it.skipIf(testPgUrl !== undefined)(
  'PostgreSQL tests are skipped without TEST_DATABASE_URL (see test/services/postgres.sh)',
  () => {
    expect(testPgUrl).toBeUndefined();
  },
);

describe('migration 0003-accounts on an existing SQLite database', () => {
  it('upgrades existing users, and stops, naming them, when two names differ only in case', async () => {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    for (const clash of [false, true]) {
      const dir = mkdtempSync(join(tmpdir(), 'bulwark-mig-'));
      try {
        const store = await openStore({ dataDir: dir });
        await store.createUser('system', {
          username: 'Ann',
          passwordHash: 'x',
          role: 'viewer',
          nation: null,
        });
        await store.close();
        // Back to the schema before 0003, as a database written by an older release.
        const db = new BetterSqlite3(join(dir, 'workspace.db'));
        db.exec(`drop index users_username_lower; alter table users drop column must_change_password;
          drop table canvass; alter table scenario_versions drop column encoding;
          delete from kysely_migration where name in ('0003-accounts', '0004-canvass', '0005-compact-versions');`);
        if (clash)
          db.exec(`insert into users (id, username, password_hash, role, nation, created_at, disabled)
            values ('u2', 'ann', 'y', 'viewer', null, 'now', 0)`);
        db.close();
        if (!clash) {
          const again = await openStore({ dataDir: dir });
          expect(await again.getUserByName('ANN')).toMatchObject({
            username: 'Ann',
            mustChangePassword: false,
          });
          expect(await again.verifyAudit()).toMatchObject({ ok: true });
          await again.close();
        } else
          await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
            code: 'unavailable',
            message: expect.stringContaining('in different case: ann') as unknown,
          });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
