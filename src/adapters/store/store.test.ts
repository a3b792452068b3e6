import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases, testPgUrl } from '../../../test/services/databases.js';
import { openStore, type Store } from './index.js';

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
    await store.createToken('bwt_abc', u.id, 'ci');
    expect((await store.getTokenUser('bwt_abc'))?.username).toBe('ann');
    expect(await store.getTokenUser('bwt_other')).toBeUndefined();
    await expect(
      store.createUser('system', { username: 'ann', passwordHash: 'y', role: 'viewer', nation: null }),
    ).rejects.toMatchObject({ code: 'conflict' });
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
