// One case of `npm run bench:scale` (bench/plan-scale.ts), in a process of its own so that its peak resident
// memory is its own: validate the generated scenario (a JSON file), build the potential-mode model, solve it
// with HiGHS, check the solution, and print one JSON line.
//
// Plain JavaScript so that it can run the compiled code in dist/ under plain Node, as the `bulwark`
// executable does when the build is fresh (bin/bulwark.js): no tsx and its module-loader thread, which cost
// ~45 MiB of resident memory. With `--from-source` it imports the TypeScript sources instead and must be
// run with `node --import tsx`.
//
// Usage: node bench/plan-scale-case.mjs <scenario.json> '<case JSON>' [--from-source]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [scenarioFile, caseJson, from] = process.argv.slice(2);
if (scenarioFile === undefined || caseJson === undefined)
  throw new Error("usage: plan-scale-case.mjs <scenario.json> '<case JSON>' [--from-source]");
const fromSource = from === '--from-source';
const base = new URL(fromSource ? '../src/' : '../dist/', import.meta.url);
const load = (path) => import(new URL(path, base).href);
const [{ validate }, { createHighsSolver }, plan] = await Promise.all([
  load('core/scenario/index.js'),
  load('adapters/highs/index.js'),
  load('core/plan/index.js'),
]);

/** @type {{ integer: boolean, timeLimitSeconds: number, highsOptions?: Record<string, string> }} */
const c = JSON.parse(caseJson);
const checked = validate(JSON.parse(readFileSync(scenarioFile, 'utf8')));
if (!checked.ok) throw new Error(`invalid scenario: ${JSON.stringify(checked.error).slice(0, 2000)}`);
const options = plan.resolvePlanOptions({
  mode: 'potential',
  integer: c.integer,
  timeLimitSeconds: c.timeLimitSeconds,
});
const t0 = performance.now();
const pm = plan.buildPlanProgram(checked.value.scenario, options);
const buildMs = performance.now() - t0;
const solver = await createHighsSolver(c.highsOptions ? { highsOptions: c.highsOptions } : {});
const t1 = performance.now();
const outcome = solver.solve(pm.lp, {
  timeLimitSeconds: options.timeLimitSeconds,
  ...(c.integer ? { mipRelativeGap: options.mipRelativeGap } : {}),
});
const solveMs = performance.now() - t1;
const point = plan.outcomePoint(outcome);
const memory = process.memoryUsage();
const MiB = 2 ** 20;
process.stdout.write(
  `${JSON.stringify({
    runtime: fromSource ? 'tsx (sources)' : 'node (dist)',
    variables: pm.lp.variables.count,
    rows: pm.lp.rows.count,
    integers: pm.lp.variables.integer.reduce((a, x) => a + x, 0),
    buildMs,
    solveMs,
    status: outcome.status,
    ...(point !== undefined
      ? { objective: point.objective, checked: plan.checkSolution(pm.lp, point.values).ok }
      : {}),
    ...(point?.mip !== undefined ? { gap: point.mip.gap } : {}),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    // After the solve: the JavaScript heap and the typed arrays (the model's and the solution's).
    heapMiB: memory.heapTotal / MiB,
    arrayBuffersMiB: memory.arrayBuffers / MiB,
  })}\n`,
);
