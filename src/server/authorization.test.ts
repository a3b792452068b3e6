/**
 * The authorisation matrix: every route × every kind of principal. Written out by hand (not derived from
 * the route table) so a change of access shows up here; the test fails if a route has no row.
 * Writes are sent stale (an old version, an existing id) so an allowed caller gets past authorisation to
 * 409/400 without changing anything, and a refused one gets 403 (401 without credentials).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRunKind, type RunKind } from '../app/index.js';
import { buildRoutes } from './routes/index.js';
import { makeTestWorkspace, type Session, type TestWorkspace } from './testing.js';

type Principal = 'coordinator' | 'liaison-own' | 'liaison-other' | 'viewer' | 'anonymous';
const principals: readonly Principal[] = [
  'coordinator',
  'liaison-own',
  'liaison-other',
  'viewer',
  'anonymous',
];
const users: Record<Exclude<Principal, 'anonymous'>, string> = {
  coordinator: 'coord',
  'liaison-own': 'gbr',
  'liaison-other': 'fra',
  viewer: 'viewer',
};

const all: readonly Principal[] = ['coordinator', 'liaison-own', 'liaison-other', 'viewer'];
const coord: readonly Principal[] = ['coordinator'];
const editors: readonly Principal[] = ['coordinator', 'liaison-own', 'liaison-other'];
/** Objects of GBR (the "own" liaison's nation): coordinator and GBR's liaison only. */
const gbrOnly: readonly Principal[] = ['coordinator', 'liaison-own'];

interface Fixture {
  scenario: string;
  pledge: { id: string; value: unknown };
  nation: { id: string; value: unknown };
  items: Record<string, { id: string; value: unknown }>;
  mission: string;
  run: string;
  frontierRun: string;
  /** An id in meta.sources. */
  source: string;
}
interface Row {
  readonly allow: readonly Principal[] | 'public';
  readonly request: (f: Fixture) => { url: string; body?: unknown };
  /** An endless event stream: only its status is read. */
  readonly stream?: true;
}

const stale = 999_999;
const S = (f: Fixture) => `/api/scenarios/${f.scenario}`;

/** The expected matrix. Key: "METHOD path" as in the route table. */
const matrix: Record<string, Row> = {
  'POST /api/session': {
    allow: 'public',
    request: () => ({
      url: '/api/session',
      body: { username: 'viewer', password: 'correct horse battery staple' },
    }),
  },
  'GET /api/session': { allow: all, request: () => ({ url: '/api/session' }) },
  'DELETE /api/session': { allow: all, request: () => ({ url: '/api/session' }) },
  'POST /api/tokens': { allow: all, request: () => ({ url: '/api/tokens', body: { name: 't' } }) },
  'GET /api/users': { allow: coord, request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allow: coord,
    request: () => ({
      url: '/api/users',
      body: { username: 'viewer', password: 'long enough pw', role: 'viewer' },
    }),
  },
  'PUT /api/users/:username': {
    allow: coord,
    request: () => ({ url: '/api/users/viewer', body: { disabled: false } }),
  },
  // Sets the same password again (it signs out the caller's other sessions; each case signs in afresh).
  'PUT /api/session/password': {
    allow: all,
    request: () => ({
      url: '/api/session/password',
      body: { current: 'correct horse battery staple', next: 'correct horse battery staple' },
    }),
  },
  'GET /api/tokens': { allow: all, request: () => ({ url: '/api/tokens' }) },
  // A malformed token id: an allowed caller gets past the gate to 400 and revokes nothing.
  'DELETE /api/tokens/:tokenId': { allow: all, request: () => ({ url: '/api/tokens/not-an-id' }) },
  'GET /api/users/:username/tokens': { allow: coord, request: () => ({ url: '/api/users/viewer/tokens' }) },
  'DELETE /api/users/:username/tokens/:tokenId': {
    allow: coord,
    request: () => ({ url: '/api/users/viewer/tokens/not-an-id' }),
  },
  'GET /api/scenarios': { allow: all, request: () => ({ url: '/api/scenarios' }) },
  'POST /api/scenarios': {
    allow: coord,
    request: (f) => ({ url: '/api/scenarios', body: { id: f.scenario, builtin: f.scenario } }),
  },
  'GET /api/scenarios/:id': { allow: all, request: (f) => ({ url: S(f) }) },
  'GET /api/scenarios/:id/summary': { allow: all, request: (f) => ({ url: `${S(f)}/summary` }) },
  'GET /api/scenarios/:id/versions': { allow: all, request: (f) => ({ url: `${S(f)}/versions` }) },
  'GET /api/scenarios/:id/audit': { allow: all, request: (f) => ({ url: `${S(f)}/audit` }) },
  'GET /api/audit': { allow: coord, request: () => ({ url: '/api/audit' }) },
  'GET /api/scenarios/:id/diff': { allow: all, request: (f) => ({ url: `${S(f)}/diff?from=1` }) },
  // Stale: an allowed caller gets 409 and nothing is reverted.
  'POST /api/scenarios/:id/revert': {
    allow: coord,
    request: (f) => ({ url: `${S(f)}/revert`, body: { version: stale, to: 1 } }),
  },
  'GET /api/audit/verify': { allow: coord, request: () => ({ url: '/api/audit/verify' }) },
  'GET /api/audit/head': { allow: coord, request: () => ({ url: '/api/audit/head' }) },
  'GET /api/scenarios/:id/missions/:missionId/requirements': {
    allow: all,
    request: (f) => ({ url: `${S(f)}/missions/${f.mission}/requirements` }),
  },
  'PUT /api/scenarios/:id/missions/:missionId/requirements': {
    allow: coord,
    request: (f) => ({
      url: `${S(f)}/missions/${f.mission}/requirements`,
      body: { version: stale, value: [] },
    }),
  },
  'GET /api/run-kinds': { allow: all, request: () => ({ url: '/api/run-kinds' }) },
  'POST /api/scenarios/:id/runs': {
    allow: editors,
    request: (f) => ({ url: `${S(f)}/runs`, body: { kind: 'no-such-kind' } }),
  },
  'GET /api/scenarios/:id/runs': { allow: all, request: (f) => ({ url: `${S(f)}/runs` }) },
  'GET /api/runs/:runId': { allow: all, request: (f) => ({ url: `/api/runs/${f.run}` }) },
  'GET /api/runs/:runId/result': { allow: all, request: (f) => ({ url: `/api/runs/${f.run}/result` }) },
  'GET /api/runs/:runId/events': { allow: all, request: (f) => ({ url: `/api/runs/${f.run}/events` }) },
  // The run was started by GBR's liaison: its creator and a coordinator may cancel it.
  'DELETE /api/runs/:runId': { allow: gbrOnly, request: (f) => ({ url: `/api/runs/${f.run}` }) },
  'GET /api/scenarios/:id/export.json': { allow: all, request: (f) => ({ url: `${S(f)}/export.json` }) },
  'GET /api/scenarios/:id/export.csv': { allow: all, request: (f) => ({ url: `${S(f)}/export.csv` }) },
  'GET /api/scenarios/:id/events': { allow: all, stream: true, request: (f) => ({ url: `${S(f)}/events` }) },
  'GET /api/scenarios/:id/canvass': { allow: all, request: (f) => ({ url: `${S(f)}/canvass` }) },
  'GET /api/scenarios/:id/presence': { allow: all, request: (f) => ({ url: `${S(f)}/presence` }) },
  // Announcing an edit of a GBR pledge: the coordinator and GBR's liaison only.
  'PUT /api/scenarios/:id/presence': {
    allow: gbrOnly,
    request: (f) => ({ url: `${S(f)}/presence`, body: { collection: 'pledges', id: f.pledge.id } }),
  },
  'DELETE /api/scenarios/:id/presence': {
    allow: editors,
    request: (f) => ({ url: `${S(f)}/presence?collection=pledges&id=${f.pledge.id}` }),
  },
  // A mission that does not exist: an allowed caller gets past the gate to 400, nothing is recorded.
  'POST /api/scenarios/:id/canvass': {
    allow: coord,
    request: (f) => ({
      url: `${S(f)}/canvass`,
      body: { mission: 'no-such-mission', capability: 'x', nation: 'GBR' },
    }),
  },
  'PUT /api/scenarios/:id/canvass/:askId': {
    allow: coord,
    request: (f) => ({ url: `${S(f)}/canvass/no-such-ask`, body: { status: 'x' } }),
  },
  'GET /api/scenarios/:id/export.xlsx': { allow: all, request: (f) => ({ url: `${S(f)}/export.xlsx` }) },
  // An id that exists: an allowed caller gets past the gate to 409, nothing is added.
  'POST /api/scenarios/:id/sources': {
    allow: editors,
    request: (f) => ({ url: `${S(f)}/sources`, body: { value: { id: f.source, citation: 'Letter' } } }),
  },
  // A dry run (the default): a report, nothing saved.
  'POST /api/scenarios/:id/import': {
    allow: editors,
    request: (f) => ({
      url: `${S(f)}/import`,
      body: { file: { name: 'p.csv', format: 'csv', content: `id,units\n${f.pledge.id},1\n` } },
    }),
  },
  'GET /api/runs/:runId/briefing.html': {
    allow: all,
    request: (f) => ({ url: `/api/runs/${f.run}/briefing.html` }),
  },
  'GET /api/runs/:runId/frontier.svg': {
    allow: all,
    request: (f) => ({ url: `/api/runs/${f.frontierRun}/frontier.svg` }),
  },
};

// Collections: reads for all; pledges and nations writable by the coordinator and the owning liaison
// (create and delete of nations: coordinator only); everything else coordinator only.
for (const c of ['nations', 'pledges', 'catalog', 'missions', 'variants', 'capabilities', 'conditions']) {
  const item = (f: Fixture) => (c === 'pledges' ? f.pledge : c === 'nations' ? f.nation : f.items[c]!);
  const put: readonly Principal[] = c === 'pledges' || c === 'nations' ? gbrOnly : coord;
  const create: readonly Principal[] = c === 'pledges' ? gbrOnly : coord;
  const base = `/api/scenarios/:id/${c}`;
  matrix[`GET ${base}`] = { allow: all, request: (f) => ({ url: `${S(f)}/${c}` }) };
  matrix[`GET ${base}/:itemId`] = { allow: all, request: (f) => ({ url: `${S(f)}/${c}/${item(f).id}` }) };
  matrix[`POST ${base}`] = {
    allow: create,
    request: (f) => ({ url: `${S(f)}/${c}`, body: { value: item(f).value } }),
  };
  matrix[`PUT ${base}/:itemId`] = {
    allow: put,
    request: (f) => ({ url: `${S(f)}/${c}/${item(f).id}`, body: { version: stale, value: item(f).value } }),
  };
  matrix[`DELETE ${base}/:itemId`] = {
    allow: c === 'pledges' ? gbrOnly : coord,
    request: (f) => ({ url: `${S(f)}/${c}/${item(f).id}?version=${stale}` }),
  };
  matrix[`POST ${base}/:itemId/check`] = {
    allow: put,
    request: (f) => ({ url: `${S(f)}/${c}/${item(f).id}/check`, body: { value: item(f).value } }),
  };
}

describe('authorisation matrix', () => {
  let w: TestWorkspace;
  let f: Fixture;
  const routes: { method: string; url: string }[] = [];

  beforeAll(async () => {
    // A stand-in `brief` kind, so the fixture run has a briefing to download.
    const fakeBrief: RunKind<Record<string, never>> = {
      name: 'brief',
      description: 'fake',
      options: z.strictObject({}),
      seed: () => 1,
      run: () => Promise.resolve({ html: '<!doctype html><title>b</title>' }),
    };
    // And a stand-in `frontier` kind, so there is a chart to fetch.
    const fakeFrontier: RunKind<Record<string, never>> = {
      name: 'frontier',
      description: 'fake',
      options: z.strictObject({}),
      seed: () => 1,
      run: () => Promise.resolve({ svg: { wide: '<svg/>', narrow: '<svg/>' } }),
    };
    w = await makeTestWorkspace({
      kinds: [defineRunKind(fakeBrief), defineRunKind(fakeFrontier)],
    });
    routes.push(...buildRoutes(w.deps).map((r) => ({ method: r.method, url: r.url })));
    const coordS = await w.login('coord');
    const get = async <T>(url: string): Promise<T> => (await w.call(coordS, 'GET', url)).json<T>();
    const sc = `/api/scenarios/${w.scenarioId}`;
    const pledges = await get<{ items: { value: { id: string; nation: string } }[] }>(`${sc}/pledges`);
    const pledge = pledges.items.find((p) => p.value.nation === 'GBR')!.value;
    const nation = (await get<{ value: { id: string } }>(`${sc}/nations/GBR`)).value;
    const items: Fixture['items'] = {};
    for (const c of ['catalog', 'missions', 'variants', 'capabilities', 'conditions']) {
      const first = (await get<{ items: { value: { id: string } }[] }>(`${sc}/${c}`)).items[0]!.value;
      items[c] = { id: first.id, value: first };
    }
    const run = (await w.call(await w.login('gbr'), 'POST', `${sc}/runs`, { kind: 'brief' })).json<{
      id: string;
    }>();
    const frontierRun = (
      await w.call(await w.login('gbr'), 'POST', `${sc}/runs`, { kind: 'frontier' })
    ).json<{ id: string }>();
    await w.deps.runs.drain();
    f = {
      frontierRun: frontierRun.id,
      scenario: w.scenarioId,
      pledge: { id: pledge.id, value: pledge },
      nation: { id: nation.id, value: nation },
      items,
      mission: items['missions']!.id,
      run: run.id,
      source: Object.keys(
        (await get<{ scenario: { meta: { sources: object } } }>(sc)).scenario.meta.sources,
      )[0]!,
    };
  });
  afterAll(async () => {
    await w.close();
  });

  it('has a row for every route, and no row without a route', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(matrix).sort()).toEqual(keys);
  });

  const cases = Object.entries(matrix).flatMap(([key, row]) => principals.map((p) => ({ key, row, p })));
  it.each(cases)('$key as $p', async ({ key, row, p }) => {
    const [method] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
    const { url, body } = row.request(f);
    let session: Session | undefined;
    if (p !== 'anonymous') {
      // A fresh session each time: signing out must not affect the other cases.
      const r = await w.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: users[p], password: 'correct horse battery staple' },
      });
      const cookie = r.cookies.find((c) => c.name === 'bulwark_session')!;
      session = {
        cookie: `bulwark_session=${cookie.value}`,
        csrf: r.json<{ csrfToken: string }>().csrfToken,
      };
    }
    if (row.stream === true) {
      const res = await w.app.inject({
        method,
        url,
        headers: session === undefined ? {} : { cookie: session.cookie },
        payloadAsStream: true,
      });
      res.stream().destroy();
      const allowed = p !== 'anonymous' && row.allow !== 'public' && row.allow.includes(p);
      expect(res.statusCode).toBe(allowed ? 200 : p === 'anonymous' ? 401 : 403);
      return;
    }
    const res = await w.call(session, method, url, body);
    const allowed = row.allow === 'public' || (p !== 'anonymous' && row.allow.includes(p));
    if (allowed)
      expect([401, 403, 404, 500], `${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(
        res.statusCode,
      );
    else expect(res.statusCode, res.body.slice(0, 200)).toBe(p === 'anonymous' ? 401 : 403);
  });
});
