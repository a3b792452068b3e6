import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestWorkspace, testPassword, type TestWorkspace } from './testing.js';

interface Versioned {
  version: number;
  value: Record<string, unknown> & { id: string; nation: string; units: number };
}

describe('workspace API (SQLite, inject)', () => {
  let w: TestWorkspace;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  async function firstPledgeOf(nation: string): Promise<Versioned> {
    const r = await w.call(await w.login('coord'), 'GET', `${base()}/pledges`);
    const p = r.json<{ items: Versioned[] }>().items.find((i) => i.value.nation === nation);
    if (p === undefined) throw new Error(`no pledge of ${nation}`);
    return p;
  }

  it('refuses anonymous requests and wrong passwords with 401', async () => {
    expect((await w.call(undefined, 'GET', '/api/scenarios')).statusCode).toBe(401);
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'coord', password: 'nope' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('sets an httpOnly, SameSite=Strict, Secure session cookie', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'viewer', password: testPassword },
    });
    const c = r.cookies.find((x) => x.name === 'bulwark_session');
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
  });

  it('lists the seeded scenario and its summary with coverage', async () => {
    const s = await w.login('viewer');
    const list = (await w.call(s, 'GET', '/api/scenarios')).json<{ id: string; version: number }[]>();
    expect(list.map((x) => x.id)).toContain(w.scenarioId);
    const sum = (await w.call(s, 'GET', `${base()}/summary`)).json<{ coverage: { mission: string }[] }>();
    expect(sum.coverage.length).toBeGreaterThan(0);
  });

  it('summarises with variants applied, and rejects unknown variants with 422', async () => {
    const s = await w.login('viewer');
    const doc = (await w.call(s, 'GET', base())).json<{ scenario: { variants: { id: string }[] } }>();
    const v = doc.scenario.variants[0]?.id;
    expect(v).toBeDefined();
    const r = await w.call(s, 'GET', `${base()}/summary?variants=${v}`);
    expect(r.statusCode).toBe(200);
    expect(r.json<{ variants: string[] }>().variants).toEqual([v]);
    expect((await w.call(s, 'GET', `${base()}/summary?variants=nope`)).statusCode).toBe(422);
  });

  it('rejects a cookie write without the CSRF header', async () => {
    const s = await w.login('gbr');
    const p = await firstPledgeOf('GBR');
    const r = await w.app.inject({
      method: 'PUT',
      url: `${base()}/pledges/${p.value.id}`,
      headers: { cookie: s.cookie },
      payload: { version: p.version, value: p.value },
    });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'forbidden' });
    expect(r.json<{ error: { message: string } }>().error.message).toContain('CSRF');
  });

  it('lets a liaison edit its own pledge, audits it, and answers 409 to a stale write', async () => {
    const s = await w.login('gbr');
    const p = await firstPledgeOf('GBR');
    const ok = await w.call(s, 'PUT', `${base()}/pledges/${p.value.id}`, {
      version: p.version,
      value: { ...p.value, units: p.value.units + 1 },
    });
    expect(ok.statusCode).toBe(200);
    const saved = ok.json<{ scenarioVersion: number; item: Versioned }>();
    expect(saved.item.value.units).toBe(p.value.units + 1);
    expect(saved.item.version).toBe(saved.scenarioVersion);

    const stale = await w.call(s, 'PUT', `${base()}/pledges/${p.value.id}`, {
      version: p.version,
      value: p.value,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: {
        code: 'conflict',
        current: { version: saved.item.version, value: { units: p.value.units + 1 } },
      },
    });

    const audit = (await w.call(s, 'GET', `${base()}/audit?limit=1`)).json<
      {
        actor: string;
        action: string;
        before: { units: number };
        after: { units: number };
      }[]
    >();
    expect(audit[0]).toMatchObject({
      actor: 'gbr',
      action: 'pledge.update',
      before: { units: p.value.units },
      after: { units: p.value.units + 1 },
    });
  });

  it('rejects a change that breaks a semantic rule with 422 and every issue, paths by id', async () => {
    const s = await w.login('gbr');
    const p = await firstPledgeOf('GBR');
    const r = await w.call(s, 'PUT', `${base()}/pledges/${p.value.id}`, {
      version: p.version,
      value: { ...p.value, unitType: 'no-such-unit', units: -1 },
    });
    expect(r.statusCode).toBe(422);
    const body = r.json<{ error: { code: string; issues: { path: unknown[] }[] } }>();
    expect(body.error.code).toBe('scenario-invalid');
    expect(body.error.issues[0]?.path.slice(0, 2)).toEqual(['pledges', p.value.id]);
    // Schema first: units -1 is reported; fix it and the unknown unit type is reported by the rules.
    const r2 = await w.call(s, 'PUT', `${base()}/pledges/${p.value.id}`, {
      version: p.version,
      value: { ...p.value, unitType: 'no-such-unit' },
    });
    expect(r2.statusCode).toBe(422);
    expect(JSON.stringify(r2.json())).toContain('no-such-unit');
    // And nothing changed.
    expect((await firstPledgeOf('GBR')).version).toBe(p.version);
  });

  it('checks a change without saving it', async () => {
    const s = await w.login('gbr');
    const p = await firstPledgeOf('GBR');
    const r = await w.call(s, 'POST', `${base()}/pledges/${p.value.id}/check`, {
      value: { ...p.value, units: 0 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ valid: false, issues: [{ path: ['pledges', p.value.id, 'units'] }] });
  });

  it("forbids a liaison another nation's pledge, and moving its own to another nation", async () => {
    const s = await w.login('gbr');
    const fra = await firstPledgeOf('FRA');
    const r = await w.call(s, 'PUT', `${base()}/pledges/${fra.value.id}`, {
      version: fra.version,
      value: fra.value,
    });
    expect(r.statusCode).toBe(403);
    const own = await firstPledgeOf('GBR');
    const moved = await w.call(s, 'PUT', `${base()}/pledges/${own.value.id}`, {
      version: own.version,
      value: { ...own.value, nation: 'FRA' },
    });
    expect(moved.statusCode).toBe(403);
  });

  it('runs a queued job, streams its progress as server-sent events, and stores the result with version and seed', async () => {
    const s = await w.login('coord');
    const start = await w.call(s, 'POST', `${base()}/runs`, {
      kind: 'count',
      options: { steps: 4, seed: 42 },
    });
    expect(start.statusCode).toBe(202);
    const run = start.json<{ id: string; scenarioVersion: number; seed: number; status: string }>();
    expect(run).toMatchObject({ status: 'queued', seed: 42 });
    const events = await w.call(s, 'GET', `/api/runs/${run.id}/events`);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toContain('event: done');
    expect(events.body).toContain('"status":"succeeded"');
    const result = await w.call(s, 'GET', `/api/runs/${run.id}/result`);
    expect(result.json()).toMatchObject({ counted: 4, seed: 42 });
    const after = (await w.call(s, 'GET', `/api/runs/${run.id}`)).json<{
      scenarioHash: string;
      scenarioVersion: number;
    }>();
    expect(after.scenarioHash).toMatch(/^sha256:/);
    expect(after.scenarioVersion).toBe(run.scenarioVersion);
  });

  it('rejects unknown run kinds and bad options with 400', async () => {
    const s = await w.login('coord');
    expect((await w.call(s, 'POST', `${base()}/runs`, { kind: 'nope' })).statusCode).toBe(400);
    expect(
      (await w.call(s, 'POST', `${base()}/runs`, { kind: 'count', options: { steps: -1 } })).statusCode,
    ).toBe(400);
  });

  it('exports JSON and CSV', async () => {
    const s = await w.login('viewer');
    const j = await w.call(s, 'GET', `${base()}/export.json`);
    expect(j.json<{ meta: { id: string } }>().meta.id).toBeTruthy();
    const c = await w.call(s, 'GET', `${base()}/export.csv?table=coverage`);
    expect(c.headers['content-type']).toContain('text/csv');
    expect(c.body.split('\r\n')[0]).toBe('mission,capability,period,required,in_place,gap');
  });

  it('serves an OpenAPI document listing every route', async () => {
    const r = await w.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = r.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/scenarios/{id}/pledges/{itemId}');
  });

  it('rejects oversized bodies with 413', async () => {
    const s = await w.login('coord');
    const r = await w.call(s, 'POST', `${base()}/pledges`, { value: { note: 'x'.repeat(2 * 1024 * 1024) } });
    expect(r.statusCode).toBe(413);
  });

  it('lets a coordinator disable a user (signing them out) and change roles; users change their own password', async () => {
    const coord = await w.login('coord');
    const created = await w.call(coord, 'POST', '/api/users', {
      username: 'temp',
      password: 'temporary-pass',
      role: 'viewer',
    });
    expect(created.statusCode).toBe(201);
    const login = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'temp', password: 'temporary-pass' },
    });
    const cookie = `bulwark_session=${login.cookies.find((c) => c.name === 'bulwark_session')!.value}`;
    const temp = { cookie, csrf: login.json<{ csrfToken: string }>().csrfToken };
    expect(
      (await w.call(temp, 'PUT', '/api/session/password', { current: 'wrong', next: 'another-long-one' }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await w.call(temp, 'PUT', '/api/session/password', {
          current: 'temporary-pass',
          next: 'another-long-one',
        })
      ).statusCode,
    ).toBe(204);
    // Changing the password signs out every session, this one too.
    expect((await w.call(temp, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await w.call(coord, 'PUT', '/api/users/temp', { role: 'liaison' })).statusCode).toBe(400);
    const promoted = await w.call(coord, 'PUT', '/api/users/temp', { role: 'liaison', nation: 'POL' });
    expect(promoted.json()).toMatchObject({ role: 'liaison', nation: 'POL', disabled: false });
    expect((await w.call(coord, 'PUT', '/api/users/temp', { disabled: true })).statusCode).toBe(200);
    const again = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'temp', password: 'another-long-one' },
    });
    expect(again.statusCode).toBe(401);
    expect((await w.call(coord, 'PUT', '/api/users/coord', { disabled: true })).statusCode).toBe(400);
    const audit = await w.call(coord, 'GET', '/api/audit?limit=5');
    expect(JSON.stringify(audit.json())).not.toContain('scrypt$');
  });

  // Regression (issue 16, Medium 9): limit=-1 returned every entry past the cap; abc and 1.5 gave 500.
  it('validates every query parameter with the route schema: 400 naming it, never 500 or no cap', async () => {
    const s = await w.login('coord');
    for (const url of ['/api/audit', `${base()}/audit`]) {
      for (const bad of [
        'limit=-1',
        'limit=abc',
        'limit=1.5',
        'limit=0',
        'limit=1001',
        'before=x',
        'before=-3',
      ])
        expect(await w.call(s, 'GET', `${url}?${bad}`), `${url}?${bad}`).toMatchObject({ statusCode: 400 });
      const r = await w.call(s, 'GET', `${url}?limit=-1`);
      const err = r.json<{ error: { code: string; message: string } }>().error;
      expect(err.code).toBe('usage');
      expect(err.message).toMatch(/^query parameter "limit": /);
      expect((await w.call(s, 'GET', `${url}?limit=2`)).json<unknown[]>()).toHaveLength(2);
      const page = (await w.call(s, 'GET', `${url}?limit=2&before=3`)).json<{ seq: number }[]>();
      expect(page.every((e) => e.seq < 3)).toBe(true);
    }
    expect((await w.call(s, 'GET', '/api/audit?limit=1&limit=2')).statusCode).toBe(400);
    expect((await w.call(s, 'GET', '/api/audit?lmit=2')).json()).toMatchObject({
      error: {
        code: 'usage',
        message:
          'unknown query parameter "lmit"; this route takes before, limit, user, collection, id, from, to, scenario',
      },
    });
    expect((await w.call(s, 'GET', `${base()}/export.csv?table=users`)).statusCode).toBe(400);
    expect((await w.call(s, 'GET', `${base()}?version=1.5`)).statusCode).toBe(400);
  });

  it('keeps a verifiable audit chain', async () => {
    const s = await w.login('coord');
    const v = await w.call(s, 'GET', '/api/audit/verify');
    expect(v.json()).toMatchObject({ ok: true });
    const h = await w.call(s, 'GET', '/api/audit/head');
    const head = h.json<{ entries: number; head: string; signature: string; line: string }>();
    expect(head.entries).toBe(v.json<{ entries: number }>().entries);
    expect(head.line).toBe(
      `bulwark-audit-head/1 entries=${head.entries} head=${head.head} sig=${head.signature}`,
    );
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts', async () => {
    const w = await makeTestWorkspace({ loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (
            await w.app.inject({
              method: 'POST',
              url: '/api/session',
              payload: { username: 'coord', password: 'wrong' },
            })
          ).statusCode,
        );
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await w.close();
    }
  });
});

describe('web front end files', () => {
  it('serves index.html for client routes and assets by path, never outside the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>w</title>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'export {};');
    const w = await makeTestWorkspace({ webDir: dir });
    try {
      const index = await w.app.inject({ method: 'GET', url: '/nations' });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-type']).toContain('text/html');
      expect(index.headers['content-security-policy']).toContain("default-src 'self'");
      const js = await w.app.inject({ method: 'GET', url: '/assets/a.js' });
      expect(js.headers['cache-control']).toContain('immutable');
      for (const url of [
        '/../package.json',
        '/assets/%2e%2e/%2e%2e/package.json',
        '/%E0%A4%A.js',
        '/api/nope',
      ])
        expect([400, 404], url).toContain((await w.app.inject({ method: 'GET', url })).statusCode);
    } finally {
      await w.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
