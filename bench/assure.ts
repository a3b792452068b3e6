/**
 * Assurance benchmark (`npm run bench:assure`): run-days per second per core in TypeScript against the same
 * model in plain C (bench/assure.c, compiled here with gcc -O2), on the default scenario's parameters and
 * the same runs; scaling from 1 worker to all cores; memory against run count; 100,000 runs end to end.
 *
 * Part 1 exports the compiled `ModelParams` (exportParams: the order bench/assure.c reads, closed by a
 * sentinel), runs both sides on runs 0 … N − 1 of seed 1 in five interleaved rounds and checks that the
 * outcome counts, and the other statistics both keep (reached, finalLevel, guarantor, withdrawals,
 * withdrawnBy, fatalities), are identical. The figure is the median over the rounds of C/TS in run-days/s
 * per core (CPU time), with their range; best times give the absolute rates.
 *
 * Measured (assurance v2: deterrence via fillDeterrence, perceived resolve, square-law attacks; 2 shared
 * cores, load average 5–8; ukraine-2025, 100,000 runs × 730 days, four invocations): outcome counts and
 * the other compared statistics identical; C/TS medians 1.49×, 1.55×, 1.52×, 1.43× (≈ 1.5×; per-round
 * range 1.37–1.66× once warm, the first round up to 2.1× while V8 still optimises); best rates about
 * 130–135 M run-days/s TypeScript, 200 M C. Ratios, not absolute figures, carry over to another load.
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

/** Last number of the parameter block: bench/assure.c stops if it reads anything else there. */
const PARAMS_END = 20250607;

/** The parameter block as whitespace-separated numbers, in the order bench/assure.c reads it. */
function exportParams(m: ModelParams): string {
  const num = (x: number): string => (Number.isNaN(x) ? 'nan' : String(x));
  const out: number[][] = [
    [m.levels, m.horizonDays, m.nations, m.periods],
    [...m.periodEnds],
    [m.theta, m.wHost, m.wForce, m.wRetaliation, m.wGuarantor],
    [m.hostBaseline, m.hostPerTrainee, m.hostReference, m.forceReference],
    [m.guarantorActive, m.guarantorPower, m.guarantorInHarmsWay, m.visibility, m.trigger],
    [m.lagDays, m.fatalityThreshold, m.interventionDeters, m.detersTo],
    [m.audiencePerPerson, m.aloneMultiplier, m.hostLoss, m.retaliationStake],
    [
      m.engagement,
      m.attackDays,
      m.attackerEffectiveness,
      m.defenderEffectiveness,
      m.killedShare,
      m.sites,
      m.attackMean,
    ],
    [m.priorAlpha, m.priorBeta, m.collapseShare, m.feedback],
    [...m.up],
    [...m.down],
    [...m.deter],
    [...m.personnel],
    [...m.exposed],
    [...m.combat],
    [...m.exposedCombat],
    [...m.trainees],
    [...m.weight],
    [...m.retaliationBy],
    [...m.hasTolerance],
    [...m.meanTolerance],
    [...m.periodChanges],
    [...m.expectedFatalities],
    [m.attackNodes.length],
    [...m.attackNodes],
    [m.keys.length],
    [...m.keys],
    [...m.fixed],
    [...m.tables],
    [...ZIG_KE],
    [...ZIG_WE],
    [...ZIG_FE],
    [PARAMS_END],
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

// 1. TypeScript vs C, one core, same parameters and runs, after a warm-up.
const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
const paramsFile = join(dir, 'params.txt');
writeFileSync(paramsFile, exportParams(model));
const exe = join(dir, 'assure');
const csrc = fileURLToPath(new URL('./assure.c', import.meta.url));
execFileSync('gcc', ['-O2', '-o', exe, csrc, '-lm']);
runChunk(job, seed, 0, Math.min(runs, 20_000));
// Interleaved rounds (TS, then C, five times): on a shared machine the load changes from second to second,
// and interleaving exposes both sides to the same conditions. Per round the ratio C/TS of run-days/s; the
// median of the rounds is the figure, their range the spread; best of each side as absolute figures.
const ROUNDS = 5;
let ts: ReturnType<typeof runChunk>[number] | undefined;
let tsSeconds = Infinity;
const COMPARED = [
  'outcomes',
  'reached',
  'finalLevel',
  'guarantor',
  'withdrawals',
  'withdrawnBy',
  'fatalities',
] as const;
type CResult = { seconds: number } & Record<(typeof COMPARED)[number], number[]>;
let c = { seconds: Infinity } as CResult;
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const tsRound = best(1, () => {
    ts = runChunk(job, seed, 0, runs)[0];
  });
  tsSeconds = Math.min(tsSeconds, tsRound);
  const cr = JSON.parse(
    execFileSync(exe, [paramsFile, String(seed), String(runs), '1'], { encoding: 'utf8' }),
  ) as CResult;
  if (cr.seconds < c.seconds) c = cr;
  ratios.push(tsRound / cr.seconds);
}
const sorted = [...ratios].sort((x, y) => x - y);
const median = sorted[Math.floor(ROUNDS / 2)]!;
const tsRate = runDays / tsSeconds;
const cRate = runDays / c.seconds;
// Outcome counts, and the other statistics both sides keep, must be identical.
const differing = COMPARED.filter((k) => JSON.stringify(Array.from(ts![k])) !== JSON.stringify(c[k]));
const same = differing.length === 0;
console.log(`\n1. One core, same model and runs (CPU time, ${ROUNDS} interleaved rounds)`);
console.log(`   TypeScript  best ${tsSeconds.toFixed(3)} s  ${fmt(tsRate / 1e6)} M run-days/s`);
console.log(`   C (gcc -O2) best ${c.seconds.toFixed(3)} s  ${fmt(cRate / 1e6)} M run-days/s`);
console.log(
  `   ratio C/TS  median ${median.toFixed(2)}× (rounds ${ratios.map((x) => x.toFixed(2)).join(' ')}; range ${sorted[0]!.toFixed(2)}–${sorted[ROUNDS - 1]!.toFixed(2)}) · target ≤ 1.5×`,
);
console.log(
  `   outcome counts identical: ${same ? 'yes' : 'no'} (compared: ${COMPARED.join(', ')}${same ? '' : `; differ: ${differing.join(', ')}`})`,
);
if (!same)
  for (const k of [
    'outcomes',
    'reached',
    ...differing.filter((d) => d !== 'outcomes' && d !== 'reached'),
  ] as const) {
    console.log(`   TS ${k} ${JSON.stringify(Array.from(ts![k]))}`);
    console.log(`   C  ${k} ${JSON.stringify(c[k])}`);
  }

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
