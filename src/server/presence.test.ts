/**
 * Presence (issue 15 item 2): who is editing what. The book on a fake clock (heartbeats renew, silence
 * expires, leaving ends at once, listeners hear each change), and the routes: a liaison may announce only
 * their own nation's objects, a viewer none; others see the entry in `GET …/presence` and as a `presence`
 * event on the scenario's event stream, and see it cleared when the form closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../app/index.js';
import { PresenceBook, type PresenceList } from './presence.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

const coord: Actor = { id: 'u1', username: 'coord', role: 'coordinator', nation: null };
const gbr: Actor = { id: 'u2', username: 'gbr', role: 'liaison', nation: 'GBR' };

describe('PresenceBook', () => {
  it('renews on each heartbeat, expires after the time-to-live without one, and ends on leave', () => {
    let t = 1_000_000;
    const book = new PresenceBook(30_000, () => t);
    const heard: PresenceList[] = [];
    book.subscribe((sid, l) => sid === 's' && heard.push(l));
    book.beat('s', coord, 'pledges', 'gbr-frigates');
    expect(book.list('s').editing).toEqual([
      {
        username: 'coord',
        role: 'coordinator',
        nation: null,
        collection: 'pledges',
        id: 'gbr-frigates',
        since: new Date(1_000_000).toISOString(),
      },
    ]);
    // A renewal keeps `since` and is not news.
    t += 20_000;
    book.beat('s', coord, 'pledges', 'gbr-frigates');
    expect(heard).toHaveLength(1);
    t += 29_999;
    expect(book.list('s').editing).toHaveLength(1);
    expect(book.list('s').editing[0]?.since).toBe(new Date(1_000_000).toISOString());
    // Silence past the time-to-live: gone, and listeners hear it.
    t += 1;
    expect(book.list('s').editing).toEqual([]);
    expect(heard.at(-1)).toEqual({ editing: [] });
    // Leaving ends it at once; another scenario is untouched.
    book.beat('s', gbr, 'pledges', 'gbr-frigates');
    book.beat('other', gbr, 'pledges', 'gbr-frigates');
    book.leave('s', gbr, 'pledges', 'gbr-frigates');
    expect(book.list('s').editing).toEqual([]);
    expect(book.list('other').editing).toHaveLength(1);
    // Leaving what you never opened changes nothing and is not news.
    const n = heard.length;
    book.leave('s', coord, 'pledges', 'nothing');
    expect(heard).toHaveLength(n);
  });
});

describe('presence routes', () => {
  let w: TestWorkspace;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  it("a liaison announces only their own nation's objects; a viewer none; bad bodies are 400", async () => {
    const [g, f, v] = await Promise.all([w.login('gbr'), w.login('fra'), w.login('viewer')]);
    const beat = { collection: 'pledges', id: 'gbr-frigates' };
    expect((await w.call(g, 'PUT', `${base()}/presence`, beat)).statusCode).toBe(200);
    expect(
      (await w.call(g, 'PUT', `${base()}/presence`, { collection: 'nations', id: 'GBR' })).statusCode,
    ).toBe(200);
    const other = await w.call(f, 'PUT', `${base()}/presence`, beat);
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { message: string } }>().error.message).toContain('gbr-frigates');
    expect((await w.call(v, 'PUT', `${base()}/presence`, beat)).statusCode).toBe(403);
    const bad = await w.call(g, 'PUT', `${base()}/presence`, { collection: 'users', id: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('collection');
    expect(
      (await w.call(g, 'PUT', `${base()}/presence`, { collection: 'pledges', id: 'no-such' })).statusCode,
    ).toBe(404);
    const list = (await w.call(v, 'GET', `${base()}/presence`)).json<PresenceList>();
    expect(list.editing.map((e) => [e.username, e.collection, e.id])).toEqual([
      ['gbr', 'pledges', 'gbr-frigates'],
      ['gbr', 'nations', 'GBR'],
    ]);
    await w.call(g, 'DELETE', `${base()}/presence?collection=pledges&id=gbr-frigates`);
    await w.call(g, 'DELETE', `${base()}/presence?collection=nations&id=GBR`);
    expect((await w.call(v, 'GET', `${base()}/presence`)).json<PresenceList>().editing).toEqual([]);
    expect((await w.call(g, 'DELETE', `${base()}/presence?collection=pledges`)).statusCode).toBe(400);
  });

  it('others see it on the event stream, and see it cleared when the form closes', async () => {
    const viewer = await w.login('viewer');
    const res = await w.app.inject({
      method: 'GET',
      url: `${base()}/events`,
      headers: { cookie: viewer.cookie },
      payloadAsStream: true,
    });
    const stream = res.stream();
    const seen: PresenceList[] = [];
    let buffer = '';
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end; (end = buffer.indexOf('\n\n')) >= 0;) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: presence$/m.test(block))
          seen.push(JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as PresenceList);
      }
    });
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      await new Promise((r) => setTimeout(r, 50));
      const c = await w.login('coord');
      await w.call(c, 'PUT', `${base()}/presence`, { collection: 'pledges', id: 'gbr-frigates' });
      await until(() => seen.length >= 1);
      expect(seen[0]?.editing).toMatchObject([
        { username: 'coord', collection: 'pledges', id: 'gbr-frigates' },
      ]);
      await w.call(c, 'DELETE', `${base()}/presence?collection=pledges&id=gbr-frigates`);
      await until(() => seen.length >= 2);
      expect(seen[1]).toEqual({ editing: [] });
    } finally {
      stream.destroy();
    }
  });
});
