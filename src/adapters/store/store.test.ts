import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshStores } from './testing.js';
import { testDatabases, testPgUrl } from '../../../test/services/databases.js';
import { openStore } from './index.js';

describe.each(testDatabases())('store on $name', (database) => {
  const { fresh } = freshStores(database);

  it('migrates once and reopens an existing database', async () => {
    const { store, reopen } = await fresh();
    await store.scenarios.createScenario('s', { a: 1 }, 'alice', 'seed');
    const again = await reopen();
    expect((await again.scenarios.getScenario('s'))?.version).toBe(1);
    await again.close();
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
        await store.identity.createUser('system', {
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
          expect(await again.identity.getUserByName('ANN')).toMatchObject({
            username: 'Ann',
            mustChangePassword: false,
          });
          expect(await again.audit.verifyAudit()).toMatchObject({ ok: true });
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
