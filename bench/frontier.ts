/**
 * Frontier benchmark (`npm run bench:frontier`): the job — a 20-point frontier × 3 backstop cases ×
 * 20,000 runs per point on the default scenario, with the mission increments, the pledged force, the
 * named options, the bisection refinements and the robustness levels — on the local thread pool (all
 * cores), against two references measured in the same process: the engine alone replaying exactly the
 * jobs the frontier ran (recorded on the way: same models, run ranges and seed), and one default
 * `assure`-sized job (the pledged force, 20,000 runs). Repetitions interleave; medians reported.
 *
 * Target (issue 13): under 60 s on this 2-core machine. frontier / replay says what planning, adaptive
 * rounds and bookkeeping add to the simulation itself; frontier / assure what a frontier costs in assure
 * runs.
 *
 * Usage: npm run bench:frontier -- [--reps R] [--runs N] [--points P]
 */
import { loadScenario } from '../src/adapters/files/index.js';
import { createThreadPool } from '../src/adapters/threads/index.js';
import { runFrontier } from '../src/app/index.js';
import { compileLadder, forceFromPledges, type Job, type JobRunner } from '../src/core/assure/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const reps = Number(flag('--reps', '3'));
const runs = Number(flag('--runs', '20000'));
const points = Number(flag('--points', '20'));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const pool = createThreadPool({});
const s = loadScenario('ukraine-2025').scenario;
const model = compileLadder(s, { force: forceFromPledges(s) });
const wall: number[] = [];
const plan: number[] = [];
const sim: number[] = [];
const replay: number[] = [];
const assure: number[] = [];
let modelRuns = 0;
let plans = 0;
try {
  // Warm-up: worker start and HiGHS load are not what the benchmark measures.
  await pool.run({ models: [model] }, 1, 2_000);
  for (let r = 0; r < reps; r++) {
    const jobs: { job: Job; seed: number; runs: number; first: number }[] = [];
    const recording: JobRunner = (job, seed, n, onProgress, first = 0) => {
      jobs.push({ job, seed, runs: n, first });
      return pool.run(job, seed, n, onProgress, first);
    };
    const t0 = performance.now();
    const { work } = await runFrontier({ ref: 'ukraine-2025', points, runs, runner: recording });
    wall.push((performance.now() - t0) / 1000);
    plan.push(work.planSeconds);
    sim.push(work.simulateSeconds);
    modelRuns = work.modelRuns;
    plans = work.plans;
    const t1 = performance.now();
    for (const j of jobs) await pool.run(j.job, j.seed, j.runs, undefined, j.first);
    replay.push((performance.now() - t1) / 1000);
    const t2 = performance.now();
    await pool.run({ models: [model] }, 20260106, 20_000);
    assure.push((performance.now() - t2) / 1000);
  }
} finally {
  await pool.close();
}
const w = median(wall);
console.log(
  JSON.stringify(
    {
      job: `${points} points × 3 backstop cases × ${runs.toLocaleString('en-GB')} runs (+ increments, pledged, options, refinements, robustness)`,
      plans,
      modelRuns,
      reps,
      medianWallSeconds: Math.round(w * 10) / 10,
      medianPlanSeconds: Math.round(median(plan) * 10) / 10,
      medianSimulateSeconds: Math.round(median(sim) * 10) / 10,
      medianReplaySeconds: Math.round(median(replay) * 10) / 10,
      medianAssureJobSeconds: Math.round(median(assure) * 100) / 100,
      ratioFrontierOverReplay: Math.round((w / median(replay)) * 100) / 100,
      ratioFrontierOverAssureJob: Math.round(w / median(assure)),
      target: 'under 60 s wall',
      met: w < 60,
    },
    null,
    2,
  ),
);
