/**
 * A live conference (issue 15 item 6): the scenario's event stream carries every committed change to
 * other connected clients within a second, then the coverage it leads to, runs and canvass asks; the
 * canvass lists open gaps with the nations that could fill them and records who was asked (audited).
 */
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/services/databases.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Pledge {
  version: number;
  value: Record<string, unknown> & { id: string; nation: string; units: number };
}

/** Reads server-sent events off a stream; `next(name)` waits for the next event of that name. */
function events(stream: Readable) {
  const seen: { event: string; data: unknown; at: number }[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event !== undefined && data !== undefined)
        seen.push({ event, data: JSON.parse(data) as unknown, at: performance.now() });
      for (const w of waiters.splice(0)) w();
    }
  });
  let read = 0;
  return {
    async next(name: string, timeoutMs = 20_000): Promise<{ data: unknown; at: number }> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const i = seen.findIndex((e, k) => k >= read && e.event === name);
        if (i >= 0) {
          read = i + 1;
          return seen[i]!;
        }
        if (performance.now() > deadline) throw new Error(`no "${name}" event in ${timeoutMs} ms`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    },
  };
}

describe.each(testDatabases())('live conference on $name', (database) => {
  let w: TestWorkspace;
  let drop: () => Promise<void>;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    const db = await database.fresh();
    drop = db.drop;
    w = await makeTestWorkspace(db.url === undefined ? {} : { databaseUrl: db.url });
  });
  afterAll(async () => {
    await w.close();
    await drop();
  });

  it('readers of one version share one coverage computation (fifty event streams do not solve fifty plans)', async () => {
    const ws = w.deps.workspace;
    const [a, b, c] = await Promise.all([
      ws.summary(w.scenarioId),
      ws.summary(w.scenarioId),
      ws.summary(w.scenarioId),
    ]);
    // One computation, one object: each reader computing its own would give three equal, distinct ones.
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('shows another client an edit within a second, then its coverage, runs and canvass asks', async () => {
    const viewer = await w.login('viewer');
    const res = await w.app.inject({
      method: 'GET',
      url: `${base()}/events`,
      headers: { cookie: viewer.cookie },
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const stream = res.stream();
    try {
      const ev = events(stream);
      const hello = (await ev.next('hello')).data as { scenarioVersion: number };
      const gbr = await w.login('gbr');
      const p = (await w.call(gbr, 'GET', `${base()}/pledges`))
        .json<{ items: Pledge[] }>()
        .items.find((x) => x.value.nation === 'GBR')!;
      const t0 = performance.now();
      const put = await w.call(gbr, 'PUT', `${base()}/pledges/${p.value.id}`, {
        version: p.version,
        value: { ...p.value, units: p.value.units + 1 },
      });
      expect(put.statusCode, put.body).toBe(200);
      const change = await ev.next('change', 1000);
      const latency = change.at - t0;
      expect(latency).toBeLessThan(1000);
      expect(change.data).toMatchObject({
        version: hello.scenarioVersion + 1,
        actor: 'gbr',
        changes: [{ action: 'pledge.update', target: `scenario/${w.scenarioId}/pledges/${p.value.id}` }],
      });
      const cov = (await ev.next('coverage')).data as { version: number; coverage: unknown[] };
      expect(cov.version).toBe(hello.scenarioVersion + 1);
      expect(cov.coverage.length).toBeGreaterThan(0);
      await w.call(gbr, 'POST', `${base()}/runs`, { kind: 'count', options: { steps: 2 } });
      expect((await ev.next('run')).data).toMatchObject({ status: 'queued', createdBy: 'gbr' });
      await w.deps.runs.drain();
      const coord = await w.login('coord');
      const mission = (await w.call(coord, 'GET', `${base()}/missions`)).json<{
        items: { value: { id: string } }[];
      }>().items[0]!.value.id;
      const cap = (await w.call(coord, 'GET', `${base()}/capabilities`)).json<{
        items: { value: { id: string } }[];
      }>().items[0]!.value.id;
      const ask = await w.call(coord, 'POST', `${base()}/canvass`, {
        mission,
        capability: cap,
        nation: 'POL',
      });
      expect(ask.statusCode, ask.body).toBe(201);
      expect((await ev.next('canvass')).data).toMatchObject({
        nation: 'POL',
        status: 'asked',
        askedBy: 'coord',
      });
      console.info(`live: edit seen by another client after ${latency.toFixed(0)} ms`);
    } finally {
      stream.destroy();
    }
  });

  it('lists open gaps with candidate nations and caveats, and records who was asked and what they offered', async () => {
    const coord = await w.login('coord');
    const c = await w.call(coord, 'GET', `${base()}/canvass`);
    expect(c.statusCode, c.body).toBe(200);
    const view = c.json<{
      scenarioVersion: number;
      gaps: {
        mission: string;
        capability: string;
        periods: number[];
        shortfall: number;
        candidates: { nation: string; unitTypes: { unitType: string; units: number }[] }[];
        excluded: { nation: string; reason: string }[];
        asks: { id: string; nation: string }[];
      }[];
    }>();
    expect(view.gaps.length).toBeGreaterThan(0);
    for (const g of view.gaps) {
      expect(g.shortfall).toBeGreaterThan(0);
      expect(g.periods.length).toBeGreaterThan(0);
    }
    const withCandidates = view.gaps.find((g) => g.candidates.length > 0);
    expect(withCandidates, 'some gap the potential plan can fill').toBeDefined();
    const g = withCandidates!;
    const nation = g.candidates[0]!.nation;
    const ask = await w.call(coord, 'POST', `${base()}/canvass`, {
      mission: g.mission,
      capability: g.capability,
      nation,
      note: 'asked at the conference',
    });
    expect(ask.statusCode, ask.body).toBe(201);
    const askId = ask.json<{ id: string }>().id;
    const answer = await w.call(coord, 'PUT', `${base()}/canvass/${askId}`, {
      status: 'offered',
      offer: 'one more unit from P3',
    });
    expect(answer.json()).toMatchObject({ status: 'offered', offer: 'one more unit from P3', nation });
    const again = (await w.call(coord, 'GET', `${base()}/canvass`)).json<typeof view>();
    const same = again.gaps.find((x) => x.mission === g.mission && x.capability === g.capability)!;
    expect(same.asks.map((a) => a.id)).toContain(askId);
    const audit = (await w.call(coord, 'GET', `${base()}/audit?collection=canvass&limit=2`)).json<
      { action: string }[]
    >();
    expect(audit.map((e) => e.action)).toEqual(['canvass.update', 'canvass.create']);
    expect((await w.call(coord, 'GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    expect(
      (
        await w.call(coord, 'POST', `${base()}/canvass`, {
          mission: g.mission,
          capability: g.capability,
          nation: 'XXX',
        })
      ).statusCode,
    ).toBe(400);
    expect((await w.call(coord, 'PUT', `${base()}/canvass/nope`, { status: 'declined' })).statusCode).toBe(
      404,
    );
    expect(
      (await w.call(await w.login('gbr'), 'PUT', `${base()}/canvass/${askId}`, { status: 'declined' }))
        .statusCode,
    ).toBe(403);
  });
});
