/**
 * Distributed-run benchmark (`npm run bench:dist`): the same assurance job (the default scenario's base
 * case) locally on the worker-thread pool versus on the BullMQ queue in a Redis started here, computed by
 * `bulwark worker` processes on this machine — one process with 2 threads, and 2 processes with 1 thread
 * each (the same two cores as the local pool). Chunks of 100,000 runs everywhere; repetitions interleave
 * the three layouts. Reports median wall and CPU times, the least CPU time, the overhead ratios queue /
 * local, and the queue's fixed cost per chunk (one-run chunks, so the time is all queue). Every queue
 * result is checked to be byte-identical to the local one.
 *
 * DESIGN.md §11 quotes about 4% over worker threads for 100,000-run chunks (target: under 10%).
 * The issue asks for 10 million runs; on this machine's two shared cores one repetition of the three
 * layouts took about 5 minutes, so the default is 1,000,000 runs (10 chunks), 5 repetitions, about
 * 2.5 minutes (`-- --runs 10000000 --reps 1` for the full job).
 *
 * Usage: npm run bench:dist -- [--runs N] [--reps R] [--chunk-runs C] [--scenario name-or-path]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/adapters/files/index.js';
import { createQueueRunner, type QueueRunner } from '../src/adapters/queue/index.js';
import { createThreadPool } from '../src/adapters/threads/index.js';
import { prepareAssurance, type Job, type JobRunner, type PartialStats } from '../src/core/assure/index.js';
import {
  redisServer,
  startBulwark,
  startRedis,
  type BulwarkProcess,
  type TestRedis,
} from '../test/queue/redis-fixture.js';
import { encodeStats } from '../src/adapters/queue/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const runs = Number(flag('--runs', '1000000'));
const reps = Number(flag('--reps', '5'));
const chunkRuns = Number(flag('--chunk-runs', '100000'));
const scenarioRef = flag('--scenario', 'ukraine-2025');
const seed = 1;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU seconds (user + system) used so far by another process, from /proc (Linux). */
function processCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU seconds of this process (all its threads) plus the given processes. */
const cpuNow = (pids: readonly number[]): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6 + pids.reduce((a, p) => a + processCpu(p), 0);
};

interface Timing {
  readonly seconds: number;
  readonly cpu: number;
  readonly stats: PartialStats[];
}

/**
 * Wall and CPU time of one job. CPU time counts everything the layout spends (this process with its
 * threads, worker processes, Redis), so unlike wall time it barely depends on the neighbours' load.
 */
async function time(runner: JobRunner, job: Job, n: number, pids: readonly number[] = []): Promise<Timing> {
  const c0 = cpuNow(pids);
  const t0 = performance.now();
  const stats = await runner(job, seed, n);
  return { seconds: (performance.now() - t0) / 1000, cpu: cpuNow(pids) - c0, stats };
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

// Each queue layout gets its own Redis, so all three stay up and repetitions interleave (local, queue 1,
// queue 2, local, …): on a shared machine, drifting load then hits every layout alike.
const pool = createThreadPool({ workers: 2, chunkRuns });
await time(pool.run, job, chunkRuns + 1); // two chunks: both threads started
const layouts = [
  { label: 'queue, 1 worker process × 2 threads', processes: 1, threads: 2 },
  { label: 'queue, 2 worker processes × 1 thread', processes: 2, threads: 1 },
];
const servers: TestRedis[] = [];
const workers: BulwarkProcess[] = [];
const runners: { q: QueueRunner; tiny: QueueRunner; pids: number[] }[] = [];
const local = { seconds: [] as number[], cpu: [] as number[] };
const rows = layouts.map((l) => ({
  label: l.label,
  seconds: [] as number[],
  cpu: [] as number[],
  chunkMs: 0,
}));
try {
  for (const layout of layouts) {
    const redis = await startRedis(binary);
    servers.push(redis);
    const mine: BulwarkProcess[] = [];
    for (let i = 0; i < layout.processes; i++)
      mine.push(
        startBulwark(['worker', '--redis', redis.url, '--concurrency', String(layout.threads), '--quiet']),
      );
    workers.push(...mine);
    await Promise.all(mine.map((w) => w.waitFor(/ready on redis:/, 60_000)));
    const q = await createQueueRunner({ url: redis.url, chunkRuns, reconcileMs: 5000 });
    const tiny = await createQueueRunner({ url: redis.url, chunkRuns: 1, reconcileMs: 5000 });
    await time(tiny.run, job, 40); // every thread started, the job cached in every worker
    runners.push({ q, tiny, pids: [redis.pid, ...mine.map((w) => w.child.pid ?? -1)] });
  }
  let reference: string | undefined;
  for (let r = 0; r < reps; r++) {
    const t = await time(pool.run, job, runs);
    local.seconds.push(t.seconds);
    local.cpu.push(t.cpu);
    reference ??= encodeStats(t.stats);
    for (const [i, { q, pids }] of runners.entries()) {
      const u = await time(q.run, job, runs, pids);
      if (encodeStats(u.stats) !== reference) throw new Error('queue result differs from the local one');
      rows[i]!.seconds.push(u.seconds);
      rows[i]!.cpu.push(u.cpu);
    }
  }
  // Fixed cost per chunk: 200 one-run chunks, the queue's round trips and (de)coding only.
  for (const [i, { tiny }] of runners.entries()) {
    const overhead: number[] = [];
    for (let r = 0; r < reps; r++) overhead.push((await time(tiny.run, job, 200)).seconds);
    rows[i]!.chunkMs = (median(overhead) / 200) * 1000;
  }
} finally {
  await pool.close();
  for (const { q, tiny } of runners) {
    await q.close();
    await tiny.close();
  }
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
  for (const s of servers) await s.stop();
}

const best = (xs: readonly number[]): number => Math.min(...xs);
const localWall = median(local.seconds);
const localCpu = median(local.cpu);
const localBest = best(local.cpu);
const list = (xs: readonly number[]): string => xs.map((x) => x.toFixed(1)).join(' ');
const col = (x: number, w = 8): string => x.toFixed(2).padStart(w);
const ratio = (x: number): string => `×${x.toFixed(3)}`.padStart(8);
console.log(
  `${'layout'.padEnd(38)}${'wall s'.padStart(8)}${'ratio'.padStart(8)}${'CPU s'.padStart(8)}${'ratio'.padStart(8)}${'best CPU'.padStart(10)}${'ratio'.padStart(8)}${'chunk'.padStart(9)}`,
);
console.log(
  `${'local thread pool, 2 threads'.padEnd(38)}${col(localWall)}${''.padStart(8)}${col(localCpu)}${''.padStart(8)}${col(localBest, 10)}`,
);
for (const r of rows)
  console.log(
    `${r.label.padEnd(38)}${col(median(r.seconds))}${ratio(median(r.seconds) / localWall)}${col(median(r.cpu))}${ratio(median(r.cpu) / localCpu)}${col(best(r.cpu), 10)}${ratio(best(r.cpu) / localBest)}${(r.chunkMs.toFixed(1) + ' ms').padStart(9)}`,
  );
console.log('\nall repetitions (wall s | CPU s):');
console.log(`  local: ${list(local.seconds)} | ${list(local.cpu)}`);
for (const r of rows) console.log(`  ${r.label}: ${list(r.seconds)} | ${list(r.cpu)}`);
console.log(
  [
    '',
    'wall s, CPU s: medians; ratio = queue / local. CPU counts everything involved (this process and its threads,',
    'the worker processes, Redis); "best CPU" is the least of the repetitions, the figure least disturbed by other',
    'processes on a shared machine. chunk = wall time per one-run chunk (the queue fixed cost), 2 in flight.',
    'Every queue result was byte-identical to the local one.',
  ].join('\n'),
);
