/**
 * Which databases the storage tests run on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set
 * (`.ci/run` starts one with test/services/postgres.sh). Each PostgreSQL test gets a fresh database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const testPgUrl = process.env['TEST_DATABASE_URL'];

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** Undefined for SQLite (a temp data dir is used). */
  readonly fresh: () => Promise<{ url: string | undefined; drop: () => Promise<void> }>;
}

/** Creates an empty database on the test server and returns its URL. */
async function freshPg(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  fresh: () => Promise.resolve({ url: undefined, drop: () => Promise.resolve() }),
};

let warned = false;

/** SQLite, plus PostgreSQL when configured; warns once, visibly, when PostgreSQL is skipped. */
export function testDatabases(): TestDatabase[] {
  if (testPgUrl === undefined) {
    if (!warned)
      console.warn(
        'PostgreSQL storage tests SKIPPED: set TEST_DATABASE_URL (e.g. TEST_DATABASE_URL=$(test/services/postgres.sh start)) to run them',
      );
    warned = true;
    return [sqlite];
  }
  return [sqlite, { name: 'postgres', fresh: () => freshPg(testPgUrl) }];
}
