import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../adapters/store/index.js';
import { loadScenario } from '../adapters/files/index.js';
import { RunQueue, defineRunKind, type RunEvent, type RunKind } from './run-queue.js';
import type { Actor } from './workspace-auth.js';

const coord: Actor = { id: '1', username: 'coord', role: 'coordinator', nation: null };
const liaison: Actor = { id: '2', username: 'gbr', role: 'liaison', nation: 'GBR' };
const viewer: Actor = { id: '3', username: 'v', role: 'viewer', nation: null };

/** A kind whose runs wait for `release()` (or abort), so tests control the timing. */
function gatedKind(): { kind: RunKind<{ fail: boolean }>; release: () => void; started: string[] } {
  const waiters: (() => void)[] = [];
  const started: string[] = [];
  const kind: RunKind<{ fail: boolean }> = {
    name: 'gated',
    description: 'test',
    options: z.strictObject({ fail: z.boolean().default(false) }),
    seed: () => 11,
    run: ({ scenario }, o, onProgress, signal) =>
      new Promise((resolve, reject) => {
        started.push(scenario.meta.id);
        onProgress({ done: 1, total: 2, message: 'half' });
        signal.addEventListener('abort', () => reject(new Error('aborted')));
        waiters.push(() => (o.fail ? reject(new Error('boom')) : resolve({ ok: true })));
      }),
  };
  return { kind, release: () => waiters.shift()?.(), started };
}

describe('run queue', () => {
  let store: Store;
  let dir: string;
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const scenario = () => {
    const doc = loadScenario('baltic-efp-2017').scenario;
    return { id: 'b', version: 4, hash: 'sha256:abc', document: doc };
  };
  /** Waits for `f` to hold; fails the test, naming what did not happen, after 10 s (never gives up silently). */
  const until = (f: () => boolean): Promise<void> =>
    vi.waitFor(
      () => {
        if (!f()) throw new Error(`still waiting for ${f.toString()}`);
      },
      { timeout: 10_000, interval: 5 },
    );

  async function setup(): Promise<{ q: RunQueue; gate: ReturnType<typeof gatedKind> }> {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-runs-'));
    store = await openStore({ dataDir: dir });
    const gate = gatedKind();
    return { q: new RunQueue(store.runs, [defineRunKind(gate.kind)], 0), gate };
  }

  it('runs one at a time in order, streams progress, and stores status, result, version, hash and seed', async () => {
    const { q, gate } = await setup();
    const a = await q.submit(liaison, scenario(), { kind: 'gated' });
    const b = await q.submit(coord, scenario(), { kind: 'gated' });
    const events: RunEvent['type'][] = [];
    q.subscribe(a.id, (e) => events.push(e.type));
    await until(() => gate.started.length === 1);
    expect((await store.runs.getRun(b.id))?.status).toBe('queued');
    gate.release();
    await until(() => gate.started.length === 2);
    gate.release();
    await q.drain();
    const done = await store.runs.getRun(a.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      scenarioVersion: 4,
      scenarioHash: 'sha256:abc',
      seed: 11,
      createdBy: 'gbr',
    });
    expect(JSON.parse((await store.runs.getRunResult(a.id)) ?? 'null')).toEqual({ ok: true });
    expect(events).toContain('done');
    expect((await store.runs.getRun(b.id))?.status).toBe('succeeded');
  });

  it('records failures, cancels queued and running runs, and refuses viewers and unknown kinds', async () => {
    const { q, gate } = await setup();
    const failing = await q.submit(coord, scenario(), { kind: 'gated', options: { fail: true } });
    const running = await q.submit(coord, scenario(), { kind: 'gated' });
    const queued = await q.submit(liaison, scenario(), { kind: 'gated' });
    await until(() => gate.started.length === 1);
    gate.release();
    await until(() => gate.started.length === 2);
    await expect(q.cancel({ ...liaison, username: 'someone-else' }, running.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await q.cancel(liaison, queued.id);
    await q.cancel(coord, running.id);
    await q.drain();
    expect((await store.runs.getRun(failing.id))?.status).toBe('failed');
    expect((await store.runs.getRun(failing.id))?.error).toBe('boom');
    expect((await store.runs.getRun(running.id))?.status).toBe('cancelled');
    expect((await store.runs.getRun(queued.id))?.status).toBe('cancelled');
    await expect(q.submit(viewer, scenario(), { kind: 'gated' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(q.submit(coord, scenario(), { kind: 'nope' })).rejects.toMatchObject({ code: 'usage' });
    await expect(
      q.submit(coord, scenario(), { kind: 'gated', variants: ['no-such-variant'] }),
    ).rejects.toMatchObject({
      code: 'scenario-invalid',
    });
  });

  it("keeps a run's name and note with its options, and refuses an empty or overlong name", async () => {
    const { q, gate } = await setup();
    const run = await q.submit(coord, scenario(), {
      kind: 'gated',
      name: '  After the Paris pledges ',
      note: 'Compare with last week',
    });
    expect(run.options).toEqual({
      variants: [],
      options: { fail: false },
      name: 'After the Paris pledges',
      note: 'Compare with last week',
    });
    expect((await store.runs.getRun(run.id))?.options).toEqual(run.options);
    await expect(q.submit(coord, scenario(), { kind: 'gated', name: ' ' })).rejects.toThrow(/name/);
    await expect(q.submit(coord, scenario(), { kind: 'gated', note: 'x'.repeat(2001) })).rejects.toThrow(
      /note/,
    );
    await until(() => gate.started.length === 1);
    gate.release();
    await vi.waitFor(async () => expect((await store.runs.getRun(run.id))?.status).toBe('succeeded'), {
      timeout: 10_000,
      interval: 5,
    });
  });
});
