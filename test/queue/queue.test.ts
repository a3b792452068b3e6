/**
 * The queue against a real Redis (started here on a free loopback port) and real `bulwark worker`
 * processes: same result as a local run for the same seed, two workers, a worker killed with SIGKILL
 * in the middle of a sweep, Redis down, poison jobs, cancellation.
 */
import { Job as BullJob, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createQueueRunner,
  encodeStats,
  modelHash,
  PROTOCOL_VERSION,
  QUEUE_NAME,
  startQueueWorker,
} from '../../src/adapters/queue/index.js';
import { runSweep } from '../../src/app/index.js';
import {
  inlineRunner,
  prepareAssurance,
  runAssurance,
  runChunk,
  runJobInline,
} from '../../src/core/assure/index.js';
import { applyVariants } from '../../src/core/scenario/index.js';
import { fixture, loadFixture } from '../helpers.js';
import {
  freePort,
  redisServer,
  startBulwark,
  startRedis,
  type BulwarkProcess,
  type TestRedis,
} from './redis-fixture.js';

const binary = redisServer();
if (binary === undefined)
  console.warn(
    'SKIPPED: queue tests need redis-server (Debian package redis-server); it is not installed here.',
  );

const base = loadFixture();
const noBackstop = (() => {
  const r = applyVariants(base, ['no-backstop']);
  if (!r.ok) throw new Error('variant');
  return r.value.scenario;
})();
const cases = [
  { id: 'base', label: 'base', scenario: base },
  { id: 'no-backstop', label: 'none', scenario: noBackstop },
];

/** Worker flags for quick fault recovery in tests: a killed worker's chunk is free again after ~2 s. */
const FAST = ['--lock-duration', '2000', '--stalled-interval', '1000'];

describe.skipIf(binary === undefined)('assurance on the BullMQ queue (real Redis)', () => {
  let redis: TestRedis;
  const workers: BulwarkProcess[] = [];
  const worker = async (...extra: string[]): Promise<BulwarkProcess> => {
    const w = startBulwark(['worker', '--redis', redis.url, '--concurrency', '1', ...FAST, ...extra]);
    workers.push(w);
    await w.waitFor(/ready on redis:/, 45_000);
    return w;
  };

  beforeAll(async () => {
    redis = await startRedis(binary!);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('cancelling removes the chunks no worker has taken', async () => {
    const stop = new AbortController();
    let warned = 0;
    const q = await createQueueRunner({
      url: redis.url,
      chunkRuns: 100,
      signal: stop.signal,
      onNoWorkers: () => warned++,
    });
    const queue = new Queue(QUEUE_NAME, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    try {
      const running = runAssurance(cases, { runs: 1000, seed: 1, tornadoRuns: 0 }, q.run);
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(10);
      stop.abort(new Error('stop'));
      await expect(running).rejects.toThrow('stop');
      expect(warned).toBe(1);
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(0);
    } finally {
      await q.close();
      await queue.close();
      await queue.disconnect();
    }
  });

  it('finds results whose completion event it missed, and fails the run on a failed chunk', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    const store = new Redis(redis.url);
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 250, reconcileMs: 200 });
    try {
      // A stand-in worker that leaves results but whose completion events never arrive.
      const options = { runs: 1000, seed: 4, tornadoRuns: 0 };
      const running = runAssurance(cases, options, q.run);
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(4);
      const prepared = prepareAssurance(cases, options);
      if (!prepared.ok) throw new Error('prepare');
      for (const bj of await queue.getWaiting()) {
        const d = bj.data as { run: string; index: number; from: number; to: number };
        const stats = runChunk(prepared.value.job, 4, d.from, d.to);
        await store.set(`bulwark:result:${d.run}:${d.index}`, encodeStats(stats));
        await bj.remove();
      }
      const local = await runAssurance(cases, options, inlineRunner);
      expect(JSON.stringify(await running)).toBe(JSON.stringify(local));

      // A chunk whose stored job vanished fails as poison; the run fails with its reason.
      const failing = runAssurance(cases, { runs: 300, seed: 5, tornadoRuns: 0 }, q.run);
      await expect.poll(() => queue.getWaitingCount(), { timeout: 5000 }).toBe(2);
      for (const k of await store.keys('bulwark:job:*')) await store.del(k);
      const w = await worker('--in-process');
      await expect(failing).rejects.toThrow(
        /chunk [01] \(runs \d+–\d+\) failed: compiled job .* is not stored/,
      );
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
      workers.splice(workers.indexOf(w), 1);
    } finally {
      await q.close();
      await queue.close();
      await queue.disconnect();
      store.disconnect();
    }
  });

  it('queues again the chunks Redis lost (restart without persistence)', async () => {
    const store = new Redis(redis.url);
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 300, reconcileMs: 200 });
    try {
      const options = { runs: 1200, seed: 8, tornadoRuns: 0 };
      const running = runAssurance(cases, options, q.run);
      await expect.poll(() => store.exists('bull:bulwark-assure:wait'), { timeout: 5000 }).toBe(1);
      await store.flushall();
      const w = await worker('--in-process');
      const local = await runAssurance(cases, options, inlineRunner);
      expect(JSON.stringify(await running)).toBe(JSON.stringify(local));
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
      workers.splice(workers.indexOf(w), 1);
    } finally {
      await q.close();
      store.disconnect();
    }
  });

  // Regression (issue 16, Medium 3): a worker of another build computed a chunk and the answer moved, exit 0.
  it('a worker of another model build refuses the chunk, and the producer reports it', async () => {
    const events: string[] = [];
    const other = await startQueueWorker({
      url: redis.url,
      threads: false,
      modelHash: 'a'.repeat(64),
      name: 'old-build',
      onEvent: (e) => {
        if (e.type === 'failed') events.push(e.reason);
      },
    });
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 250, reconcileMs: 200 });
    try {
      const running = runAssurance(cases, { runs: 500, seed: 3, tornadoRuns: 0 }, q.run);
      await expect(running).rejects.toMatchObject({ code: 'unavailable' });
      await expect(running).rejects.toThrow(
        new RegExp(
          `^chunk [01] \\(runs \\d+–\\d+\\) failed: model build mismatch: worker old-build runs model a{12}…, the chunk was queued by a producer running model ${modelHash().slice(0, 12)}…`,
        ),
      );
      expect(events[0]).toMatch(/^model build mismatch: /);
    } finally {
      await q.close();
      await other.close();
    }
  });

  it('two worker processes give exactly the local result for the same seed', async () => {
    const [a, b] = await Promise.all([worker(), worker()]);
    const options = { runs: 40_000, seed: 42, tornadoRuns: 4000 };
    const local = await runAssurance(cases, options, inlineRunner);
    const seen = { batches: 0 };
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 2000 });
    try {
      const progress: number[] = [];
      const remote = await runAssurance(cases, options, q.run, (d) => progress.push(d));
      expect(JSON.stringify(remote)).toBe(JSON.stringify(local));
      // Progress in model-runs: the cases, then the tornado's model-runs (its rows sized by precision).
      if (!local.ok || local.value.tornado === null) throw new Error('no tornado');
      const tornado = local.value.tornado;
      expect(progress.at(-1)).toBe(40_000 * cases.length + tornado.modelRuns);
      // 20 chunks of the cases; one chunk of 2,000 runs or fewer for each tornado batch (looks 1,000,
      // 2,000, 4,000) while a row still ran.
      seen.batches = [1000, 2000, 4000].filter((n) => n <= tornado.runs).length;
    } finally {
      await q.close();
    }
    const chunks = (w: BulwarkProcess): number => w.stderr.filter((l) => l.startsWith('chunk ')).length;
    expect(chunks(a) + chunks(b)).toBe(20 + seen.batches);
    expect(chunks(a)).toBeGreaterThan(0);
    expect(chunks(b)).toBeGreaterThan(0);
  });

  it('runs from an offset on the queue equal the same runs in process (how the frontier adds runs)', async () => {
    if (workers.filter((w) => w.child.exitCode === null).length < 2) await Promise.all([worker(), worker()]);
    const job = prepareAssurance(cases, { runs: 1, seed: 1, tornadoRuns: 0 });
    if (!job.ok) throw new Error('job');
    const q = await createQueueRunner({ url: redis.url, chunkRuns: 700 });
    try {
      const remote = await q.run(job.value.job, 5, 3_000, undefined, 2_000);
      expect(encodeStats(remote)).toBe(encodeStats(runJobInline(job.value.job, 5, 3_000, 10_000, 2_000)));
    } finally {
      await q.close();
    }
  });

  it('bulwark frontier --redis prints the same JSON as a local run', async () => {
    const args = ['frontier', fixture('minimal.yaml'), '--points', '5', '--runs', '2000', '--json'];
    const remote = startBulwark([...args, '--redis', redis.url, '--chunk-runs', '700']);
    const local = startBulwark([...args, '--workers', '1']);
    expect(await remote.exited).toBe(0);
    expect(await local.exited).toBe(0);
    expect(remote.stdout().length).toBeGreaterThan(1000);
    expect(remote.stdout()).toBe(local.stdout());
  }, 180_000);

  it('bulwark assure --redis prints the same JSON as a local run', async () => {
    const args = [
      'assure',
      fixture('minimal.yaml'),
      '--variant',
      'no-backstop',
      '--runs',
      '5000',
      '--seed',
      '9',
      '--json',
    ];
    const remote = startBulwark([...args, '--redis', redis.url]);
    const local = startBulwark([...args, '--workers', '1']);
    expect(await remote.exited).toBe(0);
    expect(await local.exited).toBe(0);
    expect(remote.stdout().length).toBeGreaterThan(1000);
    expect(remote.stdout()).toBe(local.stdout());
  });

  it('a poison job fails once with its reason recorded, and the workers go on', async () => {
    const queue = new Queue(QUEUE_NAME, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    try {
      const opts = { attempts: 5, removeOnFail: false };
      await queue.add('chunk', { v: 1, bogus: true }, { ...opts, jobId: 'poison-1' });
      const missing = {
        v: PROTOCOL_VERSION,
        run: 'poisonrun',
        index: 0,
        job: 'f'.repeat(64),
        model: modelHash(),
        seed: 1,
        from: 0,
        to: 10,
      };
      await queue.add('chunk', missing, { ...opts, jobId: 'poison-2' });
      for (const id of ['poison-1', 'poison-2'])
        await expect
          .poll(async () => (await BullJob.fromId(queue, id))?.getState(), { timeout: 10_000 })
          .toBe('failed');
      const one = await BullJob.fromId(queue, 'poison-1');
      const two = await BullJob.fromId(queue, 'poison-2');
      expect(one?.failedReason).toMatch(/^bad chunk payload: .*(run|bogus)/s);
      expect(one?.attemptsMade).toBe(1);
      expect(two?.failedReason).toMatch(/compiled job ffffffffffff… is not stored/);
      expect(two?.attemptsMade).toBe(1);
      expect(workers.every((w) => w.child.exitCode === null)).toBe(true);
    } finally {
      await queue.close();
      await queue.disconnect();
    }
  });

  it('a sweep of the default scenario survives a worker killed with SIGKILL and gives the local answer', async () => {
    // The workers of the previous tests leave; two fresh ones take the sweep and one is killed mid-chunk.
    for (const w of workers.splice(0)) w.child.kill('SIGKILL');
    const params = ['guarantor.backstop.credibility.alpha=2,6', 'adversary.riskTolerance.mean=0.5,1.5'];
    const args = ['ukraine-2025', ...params.flatMap((p) => ['--param', p]), '--runs', '40000', '--seed', '7'];
    const events = new QueueEvents(QUEUE_NAME, {
      connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
    });
    let stalled = 0;
    events.on('stalled', () => stalled++);
    await events.waitUntilReady();
    const [victim, survivor] = await Promise.all([worker(), worker()]);
    const sweep = startBulwark([
      'sweep',
      ...args,
      '--redis',
      redis.url,
      '--chunk-runs',
      '20000',
      '--parallel',
      '4',
      '--json',
    ]);
    // Kill the victim while it holds a chunk (BullMQ records the worker's name, `<host>:<pid>`, on it).
    const queue = new Queue(QUEUE_NAME, { connection: new Redis(redis.url, { maxRetriesPerRequest: null }) });
    const held = async (): Promise<boolean> =>
      (await queue.getActive()).some((j) => j.processedBy?.endsWith(`:${victim.child.pid}`) === true);
    await expect.poll(held, { timeout: 30_000, interval: 5 }).toBe(true);
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    expect(await held()).toBe(true);
    const local = await runSweep({
      ref: 'ukraine-2025',
      params,
      runs: 40_000,
      seed: 7,
      runner: inlineRunner,
    });
    expect(await sweep.exited).toBe(0);
    const remote = JSON.parse(sweep.stdout()) as typeof local;
    expect(JSON.stringify(remote)).toBe(JSON.stringify(local));
    expect(remote.rows).toHaveLength(4 * 10);
    expect(survivor.stderr.filter((l) => l.startsWith('chunk ')).length).toBeGreaterThan(0);
    // The chunk the victim held was put back by BullMQ's stalled-job check, then computed again. The event
    // reaches this process's QueueEvents reader asynchronously (the local sweep above held its event loop),
    // so wait for it rather than read the counter at once.
    await expect.poll(() => stalled, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await events.close();
    await events.disconnect();
    await queue.close();
    await queue.disconnect();
  });

  it('Redis down: a clean message and exit 1, no stack trace, password hidden', async () => {
    const port = await freePort();
    const run = async (args: string[]): Promise<{ status: number | string; stderr: string }> => {
      const p = startBulwark(args);
      const status = await p.exited;
      return { status, stderr: p.stderr.join('\n') };
    };
    const url = `redis://:s3cret@127.0.0.1:${port}`;
    const [s, w, bad] = await Promise.all([
      run(['sweep', 'ukraine-2025', '--param', 'adversary.riskTolerance.mean=1', '--redis', url]),
      run(['worker', '--redis', url]),
      run(['worker', '--redis', 'http://127.0.0.1:1']),
    ]);
    for (const r of [s, w]) {
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`bulwark: cannot reach Redis at redis://:***@127.0.0.1:${port}`);
      expect(r.stderr).toMatch(/ECONNREFUSED/);
      expect(r.stderr).not.toContain('s3cret');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('redis:// or rediss://');
  });
});
