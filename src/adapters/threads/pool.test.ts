import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { applyVariants } from '../../core/scenario/index.js';
import { runAssurance, runJobInline, compileLadder } from '../../core/assure/index.js';
import { canonicalJson } from '../../core/shared/index.js';
import { createThreadPool, sharedThreadPool } from './index.js';

const cases = () => {
  const s = loadFixture();
  const v = applyVariants(s, ['no-backstop']);
  if (!v.ok) throw new Error('variant');
  return [
    { id: 'base', label: 'Base', scenario: s },
    { id: 'no-backstop', label: 'No backstop', scenario: v.value.scenario },
  ];
};

describe('thread pool', () => {
  it('same seed → byte-identical JSON with 1 and 2 workers (and in-process)', async () => {
    // The tornado is sized by precision (rows stop at looks 1,000, 2,000, 4,000): chunks of 1,700 runs
    // straddle the looks, and the rows that stop must not depend on the threads.
    const opts = { runs: 20_000, seed: 42, tornadoRuns: 4_000 };
    const one = createThreadPool({ workers: 1, chunkRuns: 3_000 });
    const two = createThreadPool({ workers: 2, chunkRuns: 1_700 });
    try {
      const a = await runAssurance(cases(), opts, one.run);
      const b = await runAssurance(cases(), opts, two.run);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(canonicalJson(b.value)).toBe(canonicalJson(a.value));
      expect(new Set(a.value.tornado?.rows.map((r) => r.runs)).size).toBeGreaterThan(1);
      const job = { models: [compileLadder(cases()[0]!.scenario)] };
      expect((await two.run(job, 42, 5_000))[0]).toEqual(runJobInline(job, 42, 5_000)[0]);
      // Runs [2,000, 5,000) through the pool equal the same range in process.
      expect((await two.run(job, 42, 3_000, undefined, 2_000))[0]).toEqual(
        runJobInline(job, 42, 3_000, 10_000, 2_000)[0],
      );
    } finally {
      await one.close();
      await two.close();
    }
  });
  it('Sobol sized by precision: the same JSON with 1 and 3 workers, chunks straddling the looks', async () => {
    const opts = { runs: 500, seed: 3, tornadoRuns: 0, sobolRuns: 16_000 };
    const one = createThreadPool({ workers: 1, chunkRuns: 2_500 });
    const three = createThreadPool({ workers: 3, chunkRuns: 900 });
    try {
      const a = await runAssurance(cases().slice(0, 1), opts, one.run);
      const b = await runAssurance(cases().slice(0, 1), opts, three.run);
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(canonicalJson(b.value)).toBe(canonicalJson(a.value));
      expect(new Set(a.value.sobol?.rows.map((r) => r.runs)).size).toBeGreaterThan(1);
    } finally {
      await one.close();
      await three.close();
    }
  });
  it('reports progress and can be cancelled', async () => {
    const pool = createThreadPool({ workers: 2, chunkRuns: 1_000 });
    const seen: number[] = [];
    const job = { models: [compileLadder(loadFixture())] };
    await pool.run(job, 1, 5_000, (d) => seen.push(d));
    expect(seen.at(-1)).toBe(5_000);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    await pool.close();
    const ac = new AbortController();
    const cancellable = createThreadPool({ workers: 2, chunkRuns: 500, signal: ac.signal });
    const p = cancellable.run(job, 1, 2_000_000, (d) => {
      if (d >= 1_000) ac.abort(new Error('stopped by test'));
    });
    await expect(p).rejects.toThrow('stopped by test');
  });

  it('runs concurrent calls on the same threads, each as if alone', async () => {
    const pool = createThreadPool({ workers: 2, chunkRuns: 700 });
    const a = { models: [compileLadder(cases()[0]!.scenario)] };
    const b = { models: [compileLadder(cases()[1]!.scenario)] };
    try {
      const [ra, rb] = await Promise.all([pool.run(a, 7, 3_000), pool.run(b, 8, 3_000)]);
      expect(ra[0]).toEqual(runJobInline(a, 7, 3_000)[0]);
      expect(rb[0]).toEqual(runJobInline(b, 8, 3_000)[0]);
    } finally {
      await pool.close();
    }
  });
  it("a call's own signal cancels that call only; the pool serves the next one", async () => {
    const pool = createThreadPool({ workers: 2, chunkRuns: 500 });
    const job = { models: [compileLadder(loadFixture())] };
    const ac = new AbortController();
    try {
      const cancelled = pool.runner(ac.signal)(job, 1, 2_000_000, (d) => {
        if (d >= 1_000) ac.abort(new Error('stopped by test'));
      });
      const queued = pool.run(job, 3, 2_000);
      await expect(cancelled).rejects.toThrow('stopped by test');
      expect((await queued)[0]).toEqual(runJobInline(job, 3, 2_000)[0]);
    } finally {
      await pool.close();
    }
  });
  it('the shared pool is one per size and stays usable across calls', async () => {
    expect(sharedThreadPool(1)).toBe(sharedThreadPool(1));
    expect(sharedThreadPool(2)).not.toBe(sharedThreadPool(1));
    const job = { models: [compileLadder(loadFixture())] };
    const first = await sharedThreadPool(1).run(job, 5, 1_000);
    const second = await sharedThreadPool(1).run(job, 5, 1_000);
    expect(second[0]).toEqual(first[0]);
    const one = sharedThreadPool(1);
    await one.close();
    await sharedThreadPool(2).close();
    // A closed shared pool is forgotten: the next call gets a working one.
    expect(sharedThreadPool(1)).not.toBe(one);
    expect((await sharedThreadPool(1).run(job, 5, 1_000))[0]).toEqual(first[0]);
    await sharedThreadPool(1).close();
  });
});
