/**
 * Assurance benchmark (`npm run bench:assure`): run-days per second per core in TypeScript against the same
 * model in plain C (bench/assure.c, compiled here with gcc -O2), on the default scenario's parameters and
 * the same runs; scaling from 1 worker to all cores; memory against run count; 100,000 runs end to end.
 *
 * Usage: npm run bench:assure -- [--runs N] [--scenario name-or-path] [--ratio-only]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/adapters/files/index.js';
import { createWorkerPool } from '../src/adapters/workers/index.js';
import {
  compileModel,
  runChunk,
  runJobInline,
  ZIG_FE,
  ZIG_KE,
  ZIG_WE,
  type ModelParams,
} from '../src/core/assure/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const runs = Number(flag('--runs', '100000'));
const scenarioRef = flag('--scenario', 'ukraine-2025');
const seed = 1;

/** The parameter block as whitespace-separated numbers, in the order bench/assure.c reads it. */
function exportParams(m: ModelParams): string {
  const num = (x: number): string => (Number.isNaN(x) ? 'nan' : String(x));
  const out: number[][] = [
    [m.levels, m.horizonDays, m.nations, m.periods, m.periodDays],
    [m.theta, m.wHost, m.wForce, m.wRetaliation, m.wGuarantor],
    [m.hostBaseline, m.hostPerTrainee, m.hostReference, m.forceReference, m.retaliationBy.reduce((x, y) => x + y, 0)],
    [m.guarantorActive, m.guarantorPower, m.lagDays, m.fatalityThreshold, m.interventionDeters, m.detersTo],
    [m.priorAlpha, m.priorBeta, m.collapseShare, m.feedback],
    [...m.up],
    [...m.down],
    [...m.deter],
    [...m.personnel],
    [...m.exposed],
    [...m.combat],
    [...m.trainees],
    [...m.weight],
    [...m.hasTolerance],
    [...m.periodChanges],
    [m.keys.length],
    [...m.keys],
    [...m.fixed],
    [...m.tables],
    [...ZIG_KE],
    [...ZIG_WE],
    [...ZIG_FE],
  ];
  return out.map((row) => row.map(num).join(' ')).join('\n') + '\n';
}

/** Best CPU time (user + system, seconds) of n calls: on a shared machine wall time measures the neighbours. */
const best = (n: number, f: () => void): number => {
  let b = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(t0);
    b = Math.min(b, (d.user + d.system) / 1e6);
  }
  return b;
};
const fmt = (x: number): string => x.toLocaleString('en-GB', { maximumFractionDigits: 1 });

const loaded = loadScenario(scenarioRef, []);
const model = compileModel(loaded.scenario);
const job = { models: [model] };
const runDays = runs * model.horizonDays;
console.log(
  `scenario ${loaded.scenario.meta.id} · ${fmt(runs)} runs × ${model.horizonDays} days = ${fmt(runDays / 1e6)} M run-days per measurement`,
);
console.log(
  `cores: ${availableParallelism()} · load average: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (a busy machine slows both sides)`,
);

// 1. TypeScript vs C, one core, same parameters and runs; best of 3 after a warm-up.
const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
const paramsFile = join(dir, 'params.txt');
writeFileSync(paramsFile, exportParams(model));
const exe = join(dir, 'assure');
const csrc = fileURLToPath(new URL('./assure.c', import.meta.url));
execFileSync('gcc', ['-O2', '-o', exe, csrc, '-lm']);
runChunk(job, seed, 0, Math.min(runs, 20_000));
// Interleaved rounds (TS, then C, five times), best of each: on a shared machine the load changes from
// second to second, and interleaving exposes both sides to the same conditions.
let ts: ReturnType<typeof runChunk>[number] | undefined;
let tsSeconds = Infinity;
let c = { seconds: Infinity, outcomes: [] as number[], reached: [] as number[] };
for (let round = 0; round < 5; round++) {
  tsSeconds = Math.min(
    tsSeconds,
    best(1, () => {
      ts = runChunk(job, seed, 0, runs)[0];
    }),
  );
  const cr = JSON.parse(
    execFileSync(exe, [paramsFile, String(seed), String(runs), '1'], { encoding: 'utf8' }),
  ) as typeof c;
  if (cr.seconds < c.seconds) c = cr;
}
const tsRate = runDays / tsSeconds;
const cRate = runDays / c.seconds;
const same =
  JSON.stringify(Array.from(ts!.outcomes)) === JSON.stringify(c.outcomes) &&
  JSON.stringify(Array.from(ts!.reached)) === JSON.stringify(c.reached);
console.log('\n1. One core, same model and runs (CPU time, best of 5 interleaved rounds)');
console.log(`   TypeScript  ${tsSeconds.toFixed(3)} s  ${fmt(tsRate / 1e6)} M run-days/s`);
console.log(`   C (gcc -O2) ${c.seconds.toFixed(3)} s  ${fmt(cRate / 1e6)} M run-days/s`);
console.log(
  `   ratio C/TS  ${(cRate / tsRate).toFixed(2)}× (target ≤ 1.5×) · outcome counts identical: ${same ? 'yes' : 'no'}`,
);

if (args.includes('--ratio-only')) process.exit(0);

// 2. Scaling: the same runs on 1 worker and on all cores (warm pools).
console.log('\n2. Scaling over worker threads (same total runs, warm pool, best of 3)');
const scaling: { workers: number; seconds: number }[] = [];
for (const w of [...new Set([1, availableParallelism()])]) {
  const pool = createWorkerPool({ workers: w });
  await pool.run(job, seed, 4000 * w);
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await pool.run(job, seed, runs);
    b = Math.min(b, (performance.now() - t0) / 1000);
  }
  await pool.close();
  scaling.push({ workers: w, seconds: b });
  const base = scaling[0]!.seconds;
  console.log(
    `   ${w} worker(s): ${b.toFixed(3)} s  ${fmt(runDays / b / 1e6)} M run-days/s  speed-up ${(base / b).toFixed(2)}×  efficiency ${((100 * base) / b / w).toFixed(0)}%`,
  );
}

// 3. Memory against run count (in-process; statistics are fixed-size histograms).
console.log('\n3. Memory against run count (in-process; heap after a full GC, peak RSS of the process)');
for (const n of [10_000, 100_000, 1_000_000]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const stats = runJobInline(job, seed, n);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `   ${fmt(n).padStart(9)} runs: heap ${fmt(after / 2 ** 20)} MB (Δ ${fmt((after - before) / 2 ** 20)} MB, result ${stats.length} × fixed-size histograms), peak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

// 4. 100,000 runs of the scenario end to end through the pool (cold start of the workers included).
console.log('\n4. 100,000 runs, all cores, cold pool (worker start-up included)');
{
  const t0 = performance.now();
  const pool = createWorkerPool({});
  await pool.run(job, seed, 100_000);
  await pool.close();
  console.log(`   ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
