/**
 * Frontier benchmark (`npm run bench:frontier`): the job — a 20-point frontier × 3 backstop cases ×
 * 20,000 runs per point on the default scenario, with the mission increments, the pledged force, the
 * named options, the bisection refinements and the robustness levels — on the local worker pool (all
 * cores), against a reference measured in the same process: the engine alone on the same number of
 * model-runs of the pledged force's compiled model. Repetitions interleave the two; medians reported.
 *
 * Target (issue 13): under 60 s on this 2-core machine. The ratio frontier / engine-alone says what the
 * planning, the adaptive rounds and the bookkeeping add to the simulation itself.
 *
 * Usage: npm run bench:frontier -- [--reps R] [--runs N] [--points P]
 */
import { loadScenario } from '../src/adapters/files/index.js';
import { createWorkerPool } from '../src/adapters/workers/index.js';
import { runFrontier } from '../src/app/frontier.js';
import { compileModel, forceFromPledges } from '../src/core/assure/index.js';

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

const pool = createWorkerPool({});
const s = loadScenario('ukraine-2025').scenario;
const model = compileModel(s, { force: forceFromPledges(s) });
const wall: number[] = [];
const plan: number[] = [];
const sim: number[] = [];
const engine: number[] = [];
let modelRuns = 0;
let plans = 0;
try {
  // Warm-up: worker start and HiGHS load are not what the benchmark measures.
  await pool.run({ models: [model] }, 1, 2_000);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const { work } = await runFrontier({ ref: 'ukraine-2025', points, runs, runner: pool.run });
    wall.push((performance.now() - t0) / 1000);
    plan.push(work.planSeconds);
    sim.push(work.simulateSeconds);
    modelRuns = work.modelRuns;
    plans = work.plans;
    // The reference: the same number of model-runs through the engine alone, in jobs of 29 models (a
    // case's job size), on the same pool.
    const models = Array.from({ length: 29 }, () => model);
    const t1 = performance.now();
    await pool.run({ models }, 7, Math.ceil(modelRuns / models.length));
    engine.push((performance.now() - t1) / 1000);
  }
} finally {
  await pool.close();
}
const w = median(wall);
const e = median(engine);
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
      medianEngineAloneSeconds: Math.round(e * 10) / 10,
      ratioFrontierOverEngine: Math.round((w / e) * 100) / 100,
      target: 'under 60 s wall',
      met: w < 60,
    },
    null,
    2,
  ),
);
