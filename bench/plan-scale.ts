/**
 * Large-model benchmark (`npm run bench:scale`; not a test; ~10 minutes on an idle 2-core machine).
 * Issue targets: the potential-mode MIP at 20× the default scenario reaches a proven gap or a good
 * incumbent within its 60 s limit, and the 100× LP solves in under 1 GiB of memory.
 *
 * Each case runs in its own process so its peak resident memory (`process.resourceUsage().maxRSS`) is its
 * own. The reference, measured in the same run, is the 10× LP (nations ×2, unit types ×2, periods ×2.5,
 * as in `bench:plan`): times are reported as ratios to it, memory against the 1 GiB target.
 *
 * Usage: tsx bench/plan-scale.ts [--json file]     (one case: tsx bench/plan-scale.ts --case lp100)
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/adapters/files/index.js';
import { createHighsSolver } from '../src/adapters/highs/index.js';
import { buildPlanProgram, checkSolution, outcomePoint, resolvePlanOptions } from '../src/core/plan/index.js';
import { scaleScenario, type ScaleFactors } from './plan-generate.js';

interface Case {
  readonly label: string;
  readonly scale: ScaleFactors;
  readonly integer: boolean;
  readonly timeLimitSeconds: number;
  readonly highsOptions?: Readonly<Record<string, string>>;
}

const CASES: Readonly<Record<string, Case>> = {
  lp10: {
    label: '10× LP (reference)',
    scale: { nations: 2, unitTypes: 2, periods: 2.5 },
    integer: false,
    timeLimitSeconds: 600,
  },
  mip20: {
    label: '20× MIP',
    scale: { nations: 4, unitTypes: 2, periods: 2.5 },
    integer: true,
    timeLimitSeconds: 60,
  },
  lp100: {
    label: '100× LP',
    scale: { nations: 5, unitTypes: 4, periods: 5 },
    integer: false,
    timeLimitSeconds: 900,
  },
  lp100nopre: {
    label: '100× LP, presolve off',
    scale: { nations: 5, unitTypes: 4, periods: 5 },
    integer: false,
    timeLimitSeconds: 900,
    highsOptions: { presolve: 'off' },
  },
};

interface CaseResult {
  readonly case: string;
  readonly label: string;
  readonly variables: number;
  readonly rows: number;
  readonly integers: number;
  readonly buildMs: number;
  readonly solveMs: number;
  readonly status: string;
  readonly objective?: number;
  readonly gap?: number;
  readonly checked?: boolean;
  readonly maxRssMiB: number;
}

async function runCase(name: string): Promise<CaseResult> {
  const c = CASES[name];
  if (c === undefined) throw new Error(`unknown case ${name}: ${Object.keys(CASES).join(', ')}`);
  const s = scaleScenario(loadScenario('ukraine-2025', []).scenario, c.scale);
  const options = resolvePlanOptions({
    mode: 'potential',
    integer: c.integer,
    timeLimitSeconds: c.timeLimitSeconds,
  });
  const t0 = performance.now();
  const pm = buildPlanProgram(s, options);
  const buildMs = performance.now() - t0;
  const solver = await createHighsSolver(c.highsOptions ? { highsOptions: c.highsOptions } : {});
  const t1 = performance.now();
  const outcome = solver.solve(pm.lp, {
    timeLimitSeconds: options.timeLimitSeconds,
    ...(c.integer ? { mipRelativeGap: options.mipRelativeGap } : {}),
  });
  const solveMs = performance.now() - t1;
  const point = outcomePoint(outcome);
  return {
    case: name,
    label: c.label,
    variables: pm.lp.variables.length,
    rows: pm.lp.rows.length,
    integers: pm.lp.variables.filter((v) => v.integer).length,
    buildMs,
    solveMs,
    status: outcome.status,
    ...(point !== undefined
      ? { objective: point.objective, checked: checkSolution(pm.lp, point.values).ok }
      : {}),
    ...(point?.mip !== undefined ? { gap: point.mip.gap } : {}),
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

const args = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const one = flag('--case');
if (one !== undefined) {
  process.stdout.write(`${JSON.stringify(await runCase(one))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const results: CaseResult[] = [];
  for (const name of Object.keys(CASES)) {
    process.stderr.write(`${CASES[name]?.label} …\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--case', name], { encoding: 'utf8' });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      process.stderr.write(`${name} failed: ${r.stderr.slice(-2000)}\n`);
      continue;
    }
    results.push(JSON.parse(line) as CaseResult);
  }
  const ref = results.find((r) => r.case === 'lp10');
  const fmt = (ms: number): string =>
    ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
  console.log(
    '| case | variables (integer) | rows | build | solve | solve ÷ 10× LP | status | gap | peak memory | ÷ 1 GiB |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results)
    console.log(
      `| ${r.label} | ${r.variables.toLocaleString('en')} (${r.integers.toLocaleString('en')}) | ${r.rows.toLocaleString('en')} | ${fmt(r.buildMs)} | ${fmt(r.solveMs)} | ${ref ? (r.solveMs / ref.solveMs).toFixed(1) : '—'} | ${r.status}${r.checked === false ? ' (VIOLATES the model)' : ''} | ${r.gap !== undefined ? r.gap.toExponential(1) : '—'} | ${r.maxRssMiB.toFixed(0)} MiB | ${(r.maxRssMiB / 1024).toFixed(2)} |`,
    );
  const json = flag('--json');
  if (json !== undefined) writeFileSync(json, JSON.stringify(results, null, 2));
}
