/**
 * Assurance benchmark (`npm run bench:assure`): run-days per second per core in TypeScript against the same
 * model in plain C (bench/assure.c, compiled here with gcc -O2), on the default scenario's parameters and
 * the same runs; scaling from 1 worker to all cores; memory against run count; 100,000 runs end to end.
 *
 * Part 1 runs four sides in interleaved rounds — TypeScript and C, each event-driven (the default loop) and
 * per day (the reference) — and prints the speed-up over the per-day C reference (target ≥ 5×), TS / C
 * event-driven (target ≤ 1.5×), TS / C per day, and event-driven against per day, as medians with ranges
 * (figures: docs/performance.md). It exports the compiled `LadderParams` (exportParams: the order bench/assure.c reads, closed by a
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
import { createThreadPool } from '../src/adapters/threads/index.js';
import {
  compileLadder,
  runChunk,
  runJobInline,
  type Stepping,
  ZIG_FE,
  ZIG_KE,
  ZIG_WE,
  type LadderParams,
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
function exportParams(m: LadderParams): string {
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
const model = compileLadder(loaded.scenario);
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
runChunk(job, seed, 0, Math.min(runs, 20_000), 'days');
// Interleaved rounds (each side once per round): on a shared machine the load changes from second to
// second, and interleaving exposes every side to the same conditions. Per round the ratio of CPU times; the
// median of the rounds is the figure, their range the spread; best of each side as absolute figures.
const ROUNDS = 5;
const COMPARED = [
  'outcomes',
  'reached',
  'finalLevel',
  'guarantor',
  'withdrawals',
  'withdrawnBy',
  'fatalities',
] as const;
type Counts = Record<(typeof COMPARED)[number], ArrayLike<number>>;
type CResult = { seconds: number } & Counts;
type Side = { label: string; run: () => { seconds: number; counts: Counts } };
const tsSide = (stepping: Stepping): Side => ({
  label: `TypeScript, ${stepping === 'events' ? 'event-driven' : 'per day'}`,
  run: () => {
    let st: Counts | undefined;
    const seconds = best(1, () => {
      st = runChunk(job, seed, 0, runs, stepping)[0];
    });
    return { seconds, counts: st! };
  },
});
const cSide = (stepping: Stepping): Side => ({
  label: `C (gcc -O2), ${stepping === 'events' ? 'event-driven' : 'per day'}`,
  run: () => {
    const cr = JSON.parse(
      execFileSync(exe, [paramsFile, String(seed), String(runs), '1', stepping], { encoding: 'utf8' }),
    ) as CResult;
    return { seconds: cr.seconds, counts: cr };
  },
});
const sides = [tsSide('events'), cSide('events'), tsSide('days'), cSide('days')];
const times = sides.map(() => [] as number[]);
const counts: Counts[] = [];
for (let round = 0; round < ROUNDS; round++)
  sides.forEach((side, i) => {
    const r = side.run();
    times[i]!.push(r.seconds);
    counts[i] = r.counts;
  });
const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const ratioOf = (num: number, den: number): number[] => times[num]!.map((t, r) => t / times[den]![r]!);
console.log(`\n1. One core, same model and runs (CPU time, ${ROUNDS} interleaved rounds)`);
sides.forEach((side, i) => {
  const b = Math.min(...times[i]!);
  console.log(
    `   ${side.label.padEnd(28)} best ${b.toFixed(3)} s  median ${median(times[i]!).toFixed(3)} s  ${fmt(runs / b / 1e3)} k runs/s  ${fmt(runDays / b / 1e6)} M run-days/s`,
  );
});
const figure = (label: string, r: number[], target: string): void => {
  const sorted = [...r].sort((x, y) => x - y);
  console.log(
    `   ${label.padEnd(46)} median ${median(r).toFixed(2)}× (range ${sorted[0]!.toFixed(2)}–${sorted.at(-1)!.toFixed(2)}) · target ${target}`,
  );
};
// Speed-up = reference time / our time; cost ratio = our time / reference time.
figure('speed-up of TS event-driven over C per day', ratioOf(3, 0), '≥ 5×');
figure('TS event-driven time / C event-driven time', ratioOf(0, 1), '≤ 1.5×');
figure('TS per day time / C per day time', ratioOf(2, 3), '≤ 1.5× (the earlier figure)');
figure('speed-up of TS event-driven over TS per day', ratioOf(2, 0), '(the algorithm alone)');
const differing = sides.flatMap((side, i) =>
  COMPARED.filter(
    (k) => JSON.stringify(Array.from(counts[i]![k])) !== JSON.stringify(Array.from(counts[0]![k])),
  ).map((k) => `${side.label}: ${k}`),
);
console.log(
  `   statistics identical on all four: ${differing.length === 0 ? 'yes' : 'no'} (compared: ${COMPARED.join(', ')}${differing.length === 0 ? '' : `; differ: ${differing.join('; ')}`})`,
);

if (args.includes('--ratio-only')) process.exit(0);

// 2. Scaling: the same runs on 1 worker and on all cores (warm pools).
console.log('\n2. Scaling over worker threads (same total runs, warm pool, best of 3)');
const scaling: { workers: number; seconds: number }[] = [];
for (const w of [...new Set([1, availableParallelism()])]) {
  const pool = createThreadPool({ workers: w });
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
  const pool = createThreadPool({});
  await pool.run(job, seed, 100_000);
  await pool.close();
  console.log(`   ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
