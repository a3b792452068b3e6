import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { formatHead, parseHead } from '../../app/index.js';
import { canonicalJson } from '../../core/shared/index.js';
import { legacyAuditHash } from './audit-chain.js';
import { auditHash, documentHash, genesisHash, openStore, type Store } from './index.js';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/services/databases.js';
import { freshStores } from './testing.js';

describe.each(testDatabases())('audit repository on $name', (database) => {
  const { fresh, cleanups } = freshStores(database);

  it('detects any tampering with the audit chain', async () => {
    const { store } = await fresh();
    await store.scenarios.createScenario('s', { n: 0 }, 'alice', 'seed');
    for (let i = 1; i <= 5; i++)
      await store.scenarios.mutateScenario('s', 'bob', () => ({
        document: { n: i },
        summary: `n=${i}`,
        changes: [{ action: 'n.update', key: 'n', target: 'n', before: i - 1, after: i }],
      }));
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true, entries: 6 });
    await sql`update audit set after = '99' where seq = 3`.execute(store.db);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: false, brokenAt: 3 });
    await sql`update audit set after = '2' where seq = 3`.execute(store.db);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true });
    await sql`delete from audit where seq = 4`.execute(store.db);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  /** A workspace with a scenario at version 4, a user whose role changed, and a run: 7 entries. */
  async function populated(): Promise<{ store: Store; reopen: () => Promise<Store>; dir: string }> {
    const f = await fresh();
    const { store } = f;
    await store.scenarios.createScenario('s', { n: 0 }, 'alice', 'seed');
    for (let i = 1; i <= 3; i++)
      await store.scenarios.mutateScenario('s', 'bob', () => ({
        document: { n: i },
        summary: `n=${i}`,
        changes: [{ action: 'n.update', key: 'n', target: 'scenario/s/n', before: i - 1, after: i }],
      }));
    await store.identity.createUser('system', {
      username: 'ann',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
    await store.identity.updateUser('system', 'ann', { role: 'liaison', nation: 'GBR' });
    await store.runs.insertRun({
      scenarioId: 's',
      scenarioVersion: 4,
      scenarioHash: 'sha256:x',
      kind: 'assure',
      options: { runs: 10 },
      seed: 1,
      createdBy: 'ann',
    });
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true, entries: 7 });
    return f as typeof f & { dir: string };
  }

  // Regression (issue 16, High 2): each of these verified as intact with the unkeyed, unanchored chain.
  it('detects deleting the newest entries, and all of them (signed head with the count)', async () => {
    const { store } = await populated();
    await sql`delete from audit where seq >= 6`.execute(store.db);
    expect(await store.audit.verifyAudit()).toMatchObject({
      ok: false,
      brokenAt: 6,
      reason: 'the signed head records 7 entries; the log has 5 (entries deleted)',
    });
    await sql`delete from audit`.execute(store.db);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: false, entries: 0 });
    await sql`delete from audit_head`.execute(store.db);
    // No entries and no head: the users, versions and runs still in the tables are attested by nothing.
    expect(await store.audit.verifyAudit()).toMatchObject({
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
      expect(await store.audit.verifyAudit()).toMatchObject({
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
    expect(await store.audit.verifyAudit()).toMatchObject({
      ok: false,
      brokenAt: null,
      reason: 'version 2 of scenario "s": the document does not match its hash',
    });
    await sql`update scenario_versions set hash = ${hash} where scenario_id = 's' and version = 2`.execute(
      store.db,
    );
    expect(await store.audit.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'version 2 of scenario "s" is not the one the audit log records',
    });
    const { store: s2 } = await populated();
    await sql`update users set role = 'coordinator' where username = 'ann'`.execute(s2.db);
    expect(await s2.audit.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'user "ann" differs from what the audit log records',
    });
    await sql`update users set role = 'liaison' where username = 'ann'`.execute(s2.db);
    expect(await s2.audit.verifyAudit()).toMatchObject({ ok: true });
    await sql`delete from scenario_versions where version = 4`.execute(s2.db);
    expect(await s2.audit.verifyAudit()).toMatchObject({
      ok: false,
      reason: 'scenario version s@4 is in the audit log but missing',
    });
  });

  it('an off-site copy of the head detects a rollback to a consistent earlier state', async () => {
    const { store } = await populated();
    const early = await store.audit.auditHead();
    const line = formatHead(early!);
    expect(parseHead(line)).toEqual(early);
    expect(await store.audit.verifyAudit({ expect: parseHead(line)! })).toMatchObject({
      ok: true,
      entries: 7,
    });
    // A later entry, then a "restore" to the earlier state, head included, consistent in itself:
    await store.identity.updateUser('system', 'ann', { disabled: true });
    expect(await store.audit.verifyAudit({ expect: early! })).toMatchObject({ ok: true, entries: 8 });
    const later = (await store.audit.auditHead())!;
    await sql`delete from audit where seq = 8`.execute(store.db);
    await sql`update users set disabled = 0 where username = 'ann'`.execute(store.db);
    await sql`update audit_head set entries = ${early!.entries}, head = ${early!.head}, signature = ${early!.signature}`.execute(
      store.db,
    );
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true, entries: 7 });
    expect(await store.audit.verifyAudit({ expect: later })).toMatchObject({
      ok: false,
      reason: 'the off-site head records 8 entries; the log has 7 (entries deleted)',
    });
    expect(await store.audit.verifyAudit({ expect: { ...later, entries: 3 } })).toMatchObject({
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
    await store.scenarios.createScenario('s', { n: 0 }, 'alice', 'seed');
    await store.identity.createUser('system', {
      username: 'ann',
      passwordHash: 'x',
      role: 'viewer',
      nation: null,
    });
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
    expect(await upgraded.audit.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
    const anchor = (await upgraded.audit.listAudit({ limit: 1 }))[0];
    expect(anchor).toMatchObject({ action: 'audit.anchor', after: { legacyEntries: 2, legacyHead: prev } });
    await sql`update users set role = 'coordinator'`.execute(upgraded.db);
    expect(await upgraded.audit.verifyAudit()).toMatchObject({
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
      await expect(store.audit.listAudit({ limit })).rejects.toMatchObject({ code: 'usage' });
    for (const beforeSeq of [-1, 0, 2.5, Number.NaN])
      await expect(store.audit.listAudit({ beforeSeq })).rejects.toMatchObject({ code: 'usage' });
    expect((await store.audit.listAudit({ limit: 2 })).map((e) => e.seq)).toEqual([7, 6]);
    expect((await store.audit.listAudit({ limit: 2, beforeSeq: 3 })).map((e) => e.seq)).toEqual([2, 1]);
  });
});
