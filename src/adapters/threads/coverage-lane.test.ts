import { afterAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { pledgedCoverageHere } from '../../app/index.js';
import { compileLadder, runJobInline } from '../../core/assure/index.js';
import type { Pledge } from '../../core/scenario/index.js';
import { createThreadPool } from './index.js';

describe("the pool's coverage lane", () => {
  const pool = createThreadPool({ workers: 1 });
  afterAll(() => pool.close());

  it('computes on its thread exactly what the in-thread computation gives, edit after edit', async () => {
    const s = loadFixture();
    const halved = {
      ...s,
      pledges: s.pledges.map((p, i): Pledge => (i === 0 ? { ...p, units: Math.floor(p.units / 2) } : p)),
    };
    for (const doc of [s, halved]) {
      const [there, here] = await Promise.all([pool.coverage(doc), pledgedCoverageHere(doc)]);
      expect(there).toEqual(here);
    }
    expect(await pool.coverage(halved)).not.toEqual(await pool.coverage(s));
  });

  it('answers concurrent requests each with its own scenario, beside a simulation on the same pool', async () => {
    const s = loadFixture();
    const other = { ...s, pledges: s.pledges.slice(1) };
    const job = { models: [compileLadder(s)] };
    const [a, b, sim] = await Promise.all([pool.coverage(s), pool.coverage(other), pool.run(job, 7, 3_000)]);
    expect(a.summary.pledges.length).toBe(s.pledges.length);
    expect(b.summary.pledges.length).toBe(s.pledges.length - 1);
    expect(sim[0]).toEqual(runJobInline(job, 7, 3_000)[0]);
  });

  it('a cancelled request is dropped while it waits; a closed pool refuses', async () => {
    const s = loadFixture();
    const first = pool.coverage(s);
    const stop = new AbortController();
    const second = pool.coverage(s, stop.signal);
    stop.abort(new Error('left the page'));
    await expect(second).rejects.toThrow('left the page');
    await expect(first).resolves.toBeDefined();
    const closing = createThreadPool({ workers: 1 });
    await closing.close();
    await expect(closing.coverage(s)).rejects.toThrow('closed');
  });
});
