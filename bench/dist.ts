/**
 * Distributed-run benchmark (`npm run bench:dist`): the same assurance job (the default scenario's base
 * case) locally on the worker-thread pool versus on the BullMQ queue in a Redis started here, computed by
 * `bulwark worker` processes on this machine — one process with 2 threads, and 2 processes with 1 thread
 * each (the same two cores as the local pool). Chunks of 100,000 runs everywhere. Reports median wall
 * times, the overhead ratio queue / local, and the queue's fixed cost per chunk (one-run chunks, so the
 * time is all queue). Every queue result is checked to be byte-identical to the local one.
 *
 * DESIGN.md §11 quotes about 4% over worker threads for 100,000-run chunks (target: under 10%).
 * The issue asks for 10 million runs; here that is ~6 minutes per repetition on two shared cores, so
 * the default is 600,000 runs (6 chunks; --runs to change it).
 *
 * Usage: npm run bench:dist -- [--runs N] [--reps R] [--chunk-runs C] [--scenario name-or-path]
 */
import { loadScenario } from '../src/adapters/files/index.js';
import { createQueueRunner } from '../src/adapters/queue/index.js';
import { createWorkerPool } from '../src/adapters/workers/index.js';
import { prepareAssurance, type Job, type JobRunner, type PartialStats } from '../src/core/assure/index.js';
import { redisServer, startBulwark, startRedis, type BulwarkProcess } from '../test/queue/redis-fixture.js';
import { encodeStats } from '../src/adapters/queue/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const runs = Number(flag('--runs', '600000'));
const reps = Number(flag('--reps', '3'));
const chunkRuns = Number(flag('--chunk-runs', '100000'));
const scenarioRef = flag('--scenario', 'ukraine-2025');
const seed = 1;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function time(
  runner: JobRunner,
  job: Job,
  n: number,
): Promise<{ seconds: number; stats: PartialStats[] }> {
  const t0 = performance.now();
  const stats = await runner(job, seed, n);
  return { seconds: (performance.now() - t0) / 1000, stats };
}

const binary = redisServer();
if (binary === undefined) {
  console.error('bench:dist needs redis-server (Debian package redis-server)');
  process.exit(1);
}

const loaded = loadScenario(scenarioRef);
const prepared = prepareAssurance([{ id: 'base', label: 'base', scenario: loaded.scenario }], {
  runs,
  seed,
  tornadoRuns: 0,
});
if (!prepared.ok) throw new Error('the scenario cannot be simulated');
const job = prepared.value.job;
const chunks = Math.ceil(runs / chunkRuns);
console.log(
  `bench:dist — ${scenarioRef}, ${runs.toLocaleString('en-GB')} runs in ${chunks} chunks of ${chunkRuns.toLocaleString('en-GB')}, ${reps} repetitions, median wall time\n`,
);

const pool = createWorkerPool({ workers: 2, chunkRuns });
await time(pool.run, job, chunkRuns + 1); // two chunks: both threads started
const local: number[] = [];
let reference = '';
for (let r = 0; r < reps; r++) {
  const t = await time(pool.run, job, runs);
  local.push(t.seconds);
  reference = encodeStats(t.stats);
}
await pool.close();

const redis = await startRedis(binary);
const rows: { label: string; seconds: number[]; perChunkMs: number }[] = [];
try {
  for (const layout of [
    { label: 'queue, 1 worker process × 2 threads', processes: 1, threads: 2 },
    { label: 'queue, 2 worker processes × 1 thread', processes: 2, threads: 1 },
  ]) {
    const workers: BulwarkProcess[] = [];
    for (let i = 0; i < layout.processes; i++)
      workers.push(startBulwark(['worker', '--redis', redis.url, '--concurrency', String(layout.threads)]));
    await Promise.all(workers.map((w) => w.waitFor(/ready on redis:/, 60_000)));
    const q = await createQueueRunner({ url: redis.url, chunkRuns, reconcileMs: 5000 });
    const tiny = await createQueueRunner({ url: redis.url, chunkRuns: 1, reconcileMs: 5000 });
    try {
      await time(tiny.run, job, 40); // every thread started, the job cached in every worker
      const seconds: number[] = [];
      for (let r = 0; r < reps; r++) {
        const t = await time(q.run, job, runs);
        if (encodeStats(t.stats) !== reference) throw new Error('queue result differs from the local one');
        seconds.push(t.seconds);
      }
      // Fixed cost per chunk: 200 one-run chunks, the queue's round trips and (de)coding only.
      const overhead: number[] = [];
      for (let r = 0; r < reps; r++) overhead.push((await time(tiny.run, job, 200)).seconds);
      rows.push({ label: layout.label, seconds, perChunkMs: (median(overhead) / 200) * 1000 });
    } finally {
      await q.close();
      await tiny.close();
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.exited));
    }
  }
} finally {
  await redis.stop();
}

const localMedian = median(local);
const fmt = (s: number): string => s.toFixed(2).padStart(7);
console.log(`${'layout'.padEnd(40)} ${'median s'.padStart(9)}   runs      ratio   chunk cost`);
console.log(
  `${'local worker pool, 2 threads'.padEnd(40)} ${fmt(localMedian)}    [${local.map((s) => s.toFixed(2)).join(', ')}]`,
);
for (const r of rows) {
  const m = median(r.seconds);
  console.log(
    `${r.label.padEnd(40)} ${fmt(m)}    [${r.seconds.map((s) => s.toFixed(2)).join(', ')}]  ×${(m / localMedian).toFixed(3)}  ${r.perChunkMs.toFixed(1)} ms`,
  );
}
console.log(
  `\noverhead = queue median / local median − 1; chunk cost = wall time per one-run chunk (2 in flight).\nEvery queue result was byte-identical to the local one.`,
);
