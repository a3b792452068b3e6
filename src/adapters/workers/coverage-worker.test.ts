import { afterAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { pledgedCoverageHere } from '../../app/index.js';
import type { Pledge } from '../../core/scenario/index.js';
import { coverageWorker } from './index.js';

describe('coverage worker', () => {
  const worker = coverageWorker();
  afterAll(() => worker.close());

  it('computes on its thread exactly what the in-thread computation gives, edit after edit', async () => {
    const s = loadFixture();
    const halved = {
      ...s,
      pledges: s.pledges.map((p, i): Pledge => (i === 0 ? { ...p, units: Math.floor(p.units / 2) } : p)),
    };
    for (const doc of [s, halved]) {
      const [there, here] = await Promise.all([worker.compute(doc), pledgedCoverageHere(doc)]);
      expect(there).toEqual(here);
    }
    expect(await worker.compute(halved)).not.toEqual(await worker.compute(s));
  });

  it('answers concurrent requests each with its own scenario, and starts again after close', async () => {
    const s = loadFixture();
    const other = { ...s, pledges: s.pledges.slice(1) };
    const [a, b] = await Promise.all([worker.compute(s), worker.compute(other)]);
    expect(a.summary.pledges.length).toBe(s.pledges.length);
    expect(b.summary.pledges.length).toBe(s.pledges.length - 1);
    await worker.close();
    expect((await worker.compute(s)).coverage).toEqual(a.coverage);
  });
});
