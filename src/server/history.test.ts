/**
 * History (issue 15 item 4): audit entries as field-by-field changes with no key-order noise, user events
 * in the log, filters and paging, the diff between two versions, and revert. SQLite, and PostgreSQL when
 * configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/services/databases.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Pledge {
  version: number;
  value: Record<string, unknown> & { id: string; nation: string; units: number };
}
interface Entry {
  seq: number;
  actor: string;
  action: string;
  target: string;
  changes: { path: (string | number)[]; kind: string; before: unknown; after: unknown }[];
}

describe.each(testDatabases())('history on $name', (database) => {
  let w: TestWorkspace;
  let drop: () => Promise<void>;
  let pledge: Pledge;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    const db = await database.fresh();
    drop = db.drop;
    w = await makeTestWorkspace(db.url === undefined ? {} : { databaseUrl: db.url });
    const list = (await w.call(await w.login('gbr'), 'GET', `${base()}/pledges`)).json<{ items: Pledge[] }>();
    pledge = list.items.find((p) => p.value.nation === 'GBR')!;
  });
  afterAll(async () => {
    await w.close();
    await drop();
  });

  it('shows an edit as the one field it changed, even when the client sent keys in another order', async () => {
    const gbr = await w.login('gbr');
    // Keys reversed, one field changed: only that field is a change.
    const reordered = Object.fromEntries(
      Object.entries({ ...pledge.value, units: pledge.value.units + 1 }).reverse(),
    );
    const r = await w.call(gbr, 'PUT', `${base()}/pledges/${pledge.value.id}`, {
      version: pledge.version,
      value: reordered,
    });
    expect(r.statusCode, r.body).toBe(200);
    const entries = (
      await w.call(gbr, 'GET', `${base()}/audit?collection=pledges&id=${pledge.value.id}`)
    ).json<Entry[]>();
    expect(entries[0]).toMatchObject({ action: 'pledge.update', actor: 'gbr' });
    expect(entries[0]!.changes).toEqual([
      { path: ['units'], kind: 'changed', before: pledge.value.units, after: pledge.value.units + 1 },
    ]);
    expect(entries.every((e) => e.target.endsWith(`/pledges/${pledge.value.id}`))).toBe(true);
  });

  it('filters by user, collection, id and date, pages, and refuses malformed filters with 400', async () => {
    const coord = await w.login('coord');
    const byGbr = (await w.call(coord, 'GET', `${base()}/audit?user=gbr`)).json<Entry[]>();
    expect(byGbr.length).toBeGreaterThan(0);
    expect(byGbr.every((e) => e.actor === 'gbr')).toBe(true);
    expect((await w.call(coord, 'GET', `${base()}/audit?from=2999-01-01`)).json()).toEqual([]);
    expect((await w.call(coord, 'GET', `${base()}/audit?to=2000-01-01T00:00:00Z`)).json()).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await w.call(coord, 'GET', `${base()}/audit?from=${today}`)).json<Entry[]>().length,
    ).toBeGreaterThan(0);
    for (const bad of ['from=yesterday', 'collection=nope', 'id=x', 'to=2026-13-01'])
      expect((await w.call(coord, 'GET', `${base()}/audit?${bad}`)).statusCode, bad).toBe(400);
    // An id with LIKE wildcards matches only itself.
    expect((await w.call(coord, 'GET', `${base()}/audit?collection=pledges&id=%25`)).json()).toEqual([]);
    // The whole log includes user events, with their changes.
    const users = (await w.call(coord, 'GET', '/api/audit?collection=users&limit=2')).json<Entry[]>();
    expect(users).toHaveLength(2);
    expect(users[0]!.action).toBe('user.create');
    expect(users[0]!.changes.map((c) => c.path[0])).toEqual(expect.arrayContaining(['role', 'username']));
    const page1 = (await w.call(coord, 'GET', '/api/audit?limit=3')).json<Entry[]>();
    const page2 = (await w.call(coord, 'GET', `/api/audit?limit=3&before=${page1[2]!.seq}`)).json<Entry[]>();
    expect(page2[0]!.seq).toBe(page1[2]!.seq - 1);
    expect(
      (await w.call(coord, 'GET', `/api/audit?scenario=${w.scenarioId}&limit=1`)).json<Entry[]>()[0]!.action,
    ).toBe('pledge.update');
  });

  it('lists versions and diffs any two, by object and by field', async () => {
    const viewer = await w.login('viewer');
    const versions = (await w.call(viewer, 'GET', `${base()}/versions`)).json<
      { version: number; summary: string }[]
    >();
    expect(versions.length).toBeGreaterThanOrEqual(2);
    const current = versions[0]!.version;
    const d = await w.call(viewer, 'GET', `${base()}/diff?from=1&to=${current}`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({
      from: 1,
      to: current,
      objects: [{ collection: 'pledges', id: pledge.value.id, kind: 'changed' }],
      changes: [
        {
          path: ['pledges', pledge.value.id, 'units'],
          before: pledge.value.units,
          after: pledge.value.units + 1,
        },
      ],
    });
    expect((await w.call(viewer, 'GET', `${base()}/diff?from=1&to=1`)).json()).toMatchObject({
      objects: [],
      changes: [],
    });
    expect((await w.call(viewer, 'GET', `${base()}/diff?from=1&to=999`)).statusCode).toBe(404);
    expect((await w.call(viewer, 'GET', `${base()}/diff?to=1`)).statusCode).toBe(400);
  });

  it('reverts to a version as a new, audited version, with the same stale-version check as every write', async () => {
    const coord = await w.login('coord');
    const before = (await w.call(coord, 'GET', base())).json<{ version: number; hash: string }>();
    const v1 = (await w.call(coord, 'GET', `${base()}?version=1`)).json<{ hash: string }>();
    expect(
      (await w.call(await w.login('gbr'), 'POST', `${base()}/revert`, { version: before.version, to: 1 }))
        .statusCode,
    ).toBe(403);
    const stale = await w.call(coord, 'POST', `${base()}/revert`, { version: before.version - 1, to: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', current: { version: before.version } } });
    const r = await w.call(coord, 'POST', `${base()}/revert`, { version: before.version, to: 1 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      scenarioVersion: before.version + 1,
      revertedTo: 1,
      hash: v1.hash,
      objects: [{ collection: 'pledges', id: pledge.value.id }],
    });
    const now = (await w.call(coord, 'GET', `${base()}/pledges/${pledge.value.id}`)).json<Pledge>();
    expect(now.value.units).toBe(pledge.value.units);
    // The object's own version advanced: a client holding the pre-revert version gets 409.
    expect(now.version).toBe(before.version + 1);
    const entries = (await w.call(coord, 'GET', `${base()}/audit?limit=2`)).json<Entry[]>();
    expect(entries.map((e) => e.action).sort()).toEqual(['pledge.revert', 'scenario.revert']);
    expect((await w.call(coord, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    expect(
      (await w.call(coord, 'POST', `${base()}/revert`, { version: before.version + 1, to: 999 })).statusCode,
    ).toBe(404);
    expect((await w.call(coord, 'POST', `${base()}/revert`, { to: 1 })).statusCode).toBe(400);
  });
});
