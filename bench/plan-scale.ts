/**
 * Large-model benchmark (`npm run bench:scale`; not a test; ~10 minutes on an idle 2-core machine).
 * Issue targets: the potential-mode MIP at 20× the default scenario reaches a proven gap or a good
 * incumbent within its 60 s limit, and the 100× LP solves in under 1 GiB of memory; and `bulwark plan` on
 * the 100× scenario, measured whole (`plan100`: interpretation, the force by status, the JSON), too.
 *
 * Each case runs in its own process (bench/plan-scale-case.mjs) so its peak resident memory
 * (`process.resourceUsage().maxRSS`) is its own. That process runs the built code in dist/ under plain
 * Node, as the `bulwark` executable does, when the build is at least as new as the sources (`npm run build`
 * first); otherwise, or with `--from-source`, the TypeScript sources through tsx, whose module-loader thread
 * adds ~45 MiB. This process generates each case's scenario (bench/plan-generate.ts) and hands it over as
 * JSON, which the case validates as `bulwark plan file.json` would (the same model, checked). The reference,
 * measured in the same run, is the 10× LP (nations ×2, unit types ×2, periods ×2.5, as in `bench:plan`):
 * times are reported as ratios to it, memory against the 1 GiB target.
 *
 * Usage: tsx bench/plan-scale.ts [--json file] [--from-source]     (one case: … --case lp100)
 */
import { buildIsFresh } from './build-fresh.js';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadScenario } from '../src/adapters/files/index.js';
import { scaleScenario, type ScaleFactors } from './plan-generate.js';

interface Case {
  readonly label: string;
  readonly scale: ScaleFactors;
  readonly integer: boolean;
  readonly timeLimitSeconds: number;
  readonly highsOptions?: Readonly<Record<string, string>>;
  /**
   * Measure the whole `bulwark plan <scenario> --mode potential --json` instead of one build and solve: it
   * also interprets the plan, plans the force at each pledge-status rung (each a full-size model in
   * potential mode) and writes the JSON (22 MB at 100×).
   */
  readonly command?: 'plan';
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
  plan100: {
    label: '`bulwark plan` on the 100× scenario (potential, `--json`, with the force by status)',
    scale: { nations: 5, unitTypes: 4, periods: 5 },
    integer: false,
    timeLimitSeconds: 900,
    command: 'plan',
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
  readonly runtime: string;
  readonly variables: number;
  readonly rows: number;
  readonly integers: number;
  /** Absent for a whole command (`command`), whose `solveMs` is then its wall time. */
  readonly buildMs?: number;
  readonly solveMs: number;
  readonly status: string;
  readonly objective?: number;
  readonly gap?: number;
  readonly checked?: boolean;
  readonly maxRssMiB: number;
  readonly heapMiB: number;
  readonly arrayBuffersMiB: number;
}

const args = process.argv.slice(2);
const flag = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const fromSource = args.includes('--from-source') || !buildIsFresh();
if (fromSource && !args.includes('--from-source'))
  console.error('note: dist/ is older than the sources: the cases run through tsx (run `npm run build`)');

function runCase(name: string, dir: string): CaseResult {
  const c = CASES[name];
  if (c === undefined) throw new Error(`unknown case ${name}: ${Object.keys(CASES).join(', ')}`);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(scaleScenario(loadScenario('ukraine-2025', []).scenario, c.scale)));
  if (c.command === 'plan') return runCommand(name, c, file, dir);
  const spec = JSON.stringify({
    integer: c.integer,
    timeLimitSeconds: c.timeLimitSeconds,
    ...(c.highsOptions ? { highsOptions: c.highsOptions } : {}),
  });
  const runner = join(import.meta.dirname, 'plan-scale-case.mjs');
  const argv = fromSource ? ['--import', 'tsx', runner, file, spec, '--from-source'] : [runner, file, spec];
  const r = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{'))
    throw new Error(`${name} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { case: name, label: c.label, ...(JSON.parse(line) as Omit<CaseResult, 'case' | 'label'>) };
}

/** `bulwark plan` on the case's scenario in a process of its own, whose peak memory it reports at exit. */
function runCommand(name: string, c: Case, file: string, dir: string): CaseResult {
  const root = join(import.meta.dirname, '..');
  const cli = fromSource
    ? ['--import', 'tsx', join(root, 'src/cli/main.ts')]
    : [join(root, 'dist/cli/main.js')];
  const preload = pathToFileURL(join(import.meta.dirname, 'max-rss-at-exit.mjs')).href;
  const out = join(dir, `${name}.out.json`);
  const fd = openSync(out, 'w');
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', preload, ...cli, 'plan', file, '--mode', 'potential', '--json'],
    {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const wallMs = performance.now() - t0;
  closeSync(fd);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{'))
    throw new Error(`${name} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const { maxRssMiB } = JSON.parse(last) as { maxRssMiB: number };
  const { plan } = JSON.parse(readFileSync(out, 'utf8')) as {
    plan: {
      status: string;
      objective?: { total: number };
      model: { variables: number; rows: number; integerVariables: number };
    };
  };
  return {
    case: name,
    label: c.label,
    runtime: fromSource ? 'tsx (sources)' : 'node (dist)',
    variables: plan.model.variables,
    rows: plan.model.rows,
    integers: plan.model.integerVariables,
    solveMs: wallMs,
    status: plan.status,
    ...(plan.objective !== undefined ? { objective: plan.objective.total } : {}),
    maxRssMiB,
    heapMiB: Number.NaN,
    arrayBuffersMiB: Number.NaN,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-scale-'));
try {
  const one = flag('--case');
  if (one !== undefined) {
    process.stdout.write(`${JSON.stringify(runCase(one, dir))}\n`);
  } else {
    const results: CaseResult[] = [];
    for (const name of Object.keys(CASES)) {
      process.stderr.write(`${CASES[name]?.label} …\n`);
      try {
        results.push(runCase(name, dir));
      } catch (e) {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
    const ref = results.find((r) => r.case === 'lp10');
    const fmt = (ms: number): string =>
      ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
    console.log(`cases run by ${results[0]?.runtime ?? '?'}`);
    console.log(
      '| case | variables (integer) | rows | build | solve | solve ÷ 10× LP | status | gap | peak memory | ÷ 1 GiB |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of results)
      console.log(
        `| ${r.label} | ${r.variables.toLocaleString('en')} (${r.integers.toLocaleString('en')}) | ${r.rows.toLocaleString('en')} | ${r.buildMs !== undefined ? fmt(r.buildMs) : '—'} | ${fmt(r.solveMs)}${r.buildMs === undefined ? ' (whole command)' : ''} | ${ref ? (r.solveMs / ref.solveMs).toFixed(1) : '—'} | ${r.status}${r.checked === false ? ' (VIOLATES the model)' : ''} | ${r.gap !== undefined ? r.gap.toExponential(1) : '—'} | ${r.maxRssMiB.toFixed(0)} MiB | ${(r.maxRssMiB / 1024).toFixed(2)} |`,
      );
    const json = flag('--json');
    if (json !== undefined) writeFileSync(json, JSON.stringify(results, null, 2));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
