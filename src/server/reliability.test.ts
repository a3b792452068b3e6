/**
 * Server reliability (issue 16, items 7, 11, 13): structured logs with a 500's details and no credentials;
 * Cache-Control: no-store on API answers and security headers on the event stream too; request bodies
 * bounded in depth.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { makeTestWorkspace, testPassword, type TestWorkspace } from './testing.js';

describe('server logs, headers and body limits', () => {
  let w: TestWorkspace;
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  it('logs a 500 with its error and request, and no password, cookie, token or CSRF token', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const workspace = Object.create(w.deps.workspace, {
      list: { value: () => Promise.reject(new Error('the disk caught fire')) },
    }) as typeof w.deps.workspace;
    const app = await createApp({ ...w.deps, workspace, logger: { stream } });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'coord', password: testPassword },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === 'bulwark_session')?.value ?? '';
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const r = await app.inject({
        method: 'GET',
        url: '/api/scenarios',
        headers: { cookie: `bulwark_session=${cookie}`, 'x-csrf-token': csrf },
      });
      expect(r.statusCode).toBe(500);
      const parsed = lines.map(
        (l) => JSON.parse(l) as { level: number; msg?: string; err?: { message: string } },
      );
      expect(parsed.some((l) => l.level === 50 && l.err?.message === 'the disk caught fire')).toBe(true);
      expect(parsed.some((l) => l.msg === 'request completed')).toBe(true);
      const all = lines.join('\n');
      expect(all).not.toContain(testPassword);
      expect(cookie.length).toBeGreaterThan(10);
      expect(all).not.toContain(cookie);
      expect(all).not.toContain(csrf);
    } finally {
      await app.close();
    }
  });

  it('API answers say Cache-Control: no-store; the event stream carries the security headers', async () => {
    const s = await w.login('coord');
    const r = await w.call(s, 'GET', '/api/scenarios');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const run = await w.call(s, 'POST', `/api/scenarios/${w.scenarioId}/runs`, { kind: 'count' });
    const id = run.json<{ id: string }>().id;
    await w.deps.runs.drain();
    const events = await w.call(s, 'GET', `/api/runs/${id}/events`);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.headers['x-content-type-options']).toBe('nosniff');
    expect(events.headers['x-frame-options']).toBe('DENY');
    expect(events.headers['cache-control']).toContain('no-store');
  });

  it('a request body nested 100,000 deep is a 400 naming the limit, and the same every time', async () => {
    const s = await w.login('coord');
    const body = `{"id":"deep","document":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const send = () =>
      w.app.inject({
        method: 'POST',
        url: '/api/scenarios',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        payload: body,
      });
    const a = await send();
    const b = await send();
    expect(a.statusCode).toBe(400);
    expect(a.json<{ error: { message: string } }>().error.message).toContain('nested deeper than 64 levels');
    expect(b.body).toEqual(a.body);
  });
});
