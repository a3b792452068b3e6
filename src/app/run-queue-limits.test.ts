/**
 * Bounded work per user (issue 16, item 5): limits on runs per job, compared cases and queued runs per
 * user; a fair queue (users in turn, not first come first served); a deadline per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../adapters/store/index.js';
import { loadScenario } from '../adapters/files/index.js';
import { BulwarkError } from '../core/shared/index.js';
import { RunQueue, defineRunKind, type RunKind, type RunLimits } from './run-queue.js';
import type { Actor } from './workspace-auth.js';

const alice: Actor = { id: '1', username: 'alice', role: 'coordinator', nation: null };
const bob: Actor = { id: '2', username: 'bob', role: 'liaison', nation: 'GBR' };

/** Runs that wait for `release()`; `stubborn` ones ignore cancellation altogether. */
function heldKind(): {
  kind: RunKind<{ runs?: number | undefined; compare: string[]; tag: string; stubborn: boolean }>;
  release: () => void;
  started: string[];
} {
  const waiters: (() => void)[] = [];
  const started: string[] = [];
  return {
    started,
    release: () => waiters.shift()?.(),
    kind: {
      name: 'held',
      description: 'test',
      options: z.strictObject({
        runs: z.number().int().optional(),
        compare: z.array(z.string()).default([]),
        tag: z.string().default(''),
        stubborn: z.boolean().default(false),
      }),
      seed: () => 1,
      run: (_s, o, _p, signal) =>
        new Promise((resolve, reject) => {
          started.push(o.tag);
          if (!o.stubborn) signal.addEventListener('abort', () => reject(new Error('aborted')));
          waiters.push(() => resolve({ ok: true }));
        }),
    },
  };
}

describe('run limits and the fair queue', () => {
  let store: Store;
  let dir: string;
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const scenario = () => ({
    id: 'b',
    version: 1,
    hash: 'sha256:abc',
    document: loadScenario('baltic-efp-2017').scenario,
  });
  const until = async (f: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 5));
  };
  async function setup(limits: Partial<RunLimits> = {}) {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-limits-'));
    store = await openStore({ dataDir: dir });
    const held = heldKind();
    return { q: new RunQueue(store.runs, [defineRunKind(held.kind)], 0, limits), held };
  }
  const refusal = async (p: Promise<unknown>): Promise<BulwarkError> => {
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulwarkError);
    return e as BulwarkError;
  };

  it('refuses more runs per job or more compared variants than the limits, naming them (400)', async () => {
    const { q } = await setup({ maxRunsPerJob: 1000, maxComparedCases: 2 });
    const runs = await refusal(q.submit(alice, scenario(), { kind: 'held', options: { runs: 10_000_000 } }));
    expect(runs.code).toBe('usage');
    expect(runs.message).toContain("runs 10,000,000 is over the workspace's limit of 1,000 runs per job");
    const cmp = await refusal(
      q.submit(alice, scenario(), { kind: 'held', options: { compare: ['a', 'b', 'c'] } }),
    );
    expect(cmp.code).toBe('usage');
    expect(cmp.message).toContain("3 compared variants is over the workspace's limit of 2");
    expect(await store.runs.listRuns('b')).toEqual([]);
  });

  it('refuses a user more queued runs than the limit (429), not other users', async () => {
    const { q, held } = await setup({ maxQueuedPerUser: 2 });
    await q.submit(alice, scenario(), { kind: 'held' });
    await q.submit(alice, scenario(), { kind: 'held' });
    const e = await refusal(q.submit(alice, scenario(), { kind: 'held' }));
    expect(e.code).toBe('rate-limited');
    expect(e.message).toContain('alice already has 2 runs queued or running');
    await q.submit(bob, scenario(), { kind: 'held' });
    for (let i = 0; i < 3; i++) {
      await until(() => held.started.length > i);
      held.release();
    }
    await q.drain();
  });

  it("takes users in turn: a run of a second user goes before the first user's backlog", async () => {
    const { q, held } = await setup();
    for (const tag of ['a1', 'a2', 'a3'])
      await q.submit(alice, scenario(), { kind: 'held', options: { tag } });
    await q.submit(bob, scenario(), { kind: 'held', options: { tag: 'b1' } });
    for (let i = 0; i < 4; i++) {
      await until(() => held.started.length > i);
      held.release();
    }
    await q.drain();
    expect(held.started).toEqual(['a1', 'b1', 'a2', 'a3']);
  });

  it('a run past its deadline is marked failed with the reason, and the next run starts', async () => {
    const { q, held } = await setup({ runDeadlineMs: 100 });
    const stuck = await q.submit(alice, scenario(), {
      kind: 'held',
      options: { tag: 'stuck', stubborn: true },
    });
    const next = await q.submit(bob, scenario(), { kind: 'held', options: { tag: 'next' } });
    await until(() => held.started.length === 2);
    expect(held.started).toEqual(['stuck', 'next']);
    const r = await store.runs.getRun(stuck.id);
    expect(r?.status).toBe('failed');
    expect(r?.error).toContain('run deadline of 0.1 s');
    held.release();
    held.release();
    await q.drain();
    expect((await store.runs.getRun(next.id))?.status).toBe('succeeded');
  });
});
