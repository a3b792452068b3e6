/**
 * Test wiring of the store's repository tests: a fresh store per test on each test database (SQLite, and
 * PostgreSQL when TEST_DATABASE_URL is set; test/services/databases.ts), closed and dropped after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { TestDatabase } from '../../../test/services/databases.js';
import { openStore, type Store } from './index.js';

/**
 * Call inside a `describe`: `fresh()` gives a new store with a ticking clock and a way to reopen it;
 * `cleanups` run after each test, last first.
 */
export function freshStores(database: TestDatabase): {
  fresh: () => Promise<{ store: Store; reopen: () => Promise<Store> }>;
  cleanups: (() => Promise<void>)[];
} {
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
  return { fresh, cleanups };
}
