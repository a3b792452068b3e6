/**
 * Start-up benchmark (`npm run bench:startup`, issue 18 items 1–2): wall time of whole commands as a user
 * runs them, each against its reference, in interleaved rounds, medians and ranges.
 *
 * - `bulwark --help` against `node -e 0` (target within 3×);
 * - `bulwark validate ukraine-2025` and `bulwark plan ukraine-2025 --json`, each cold (a new process) with the
 *   parsed-once cache entry removed (the YAML parsed with positions, as before the cache) against the same
 *   command with the entry in place (target under 1 s wall).
 *
 * Runs bin/bulwark.js, which uses the compiled dist/ when it is up to date (run `npm run build` first;
 * otherwise the figures include tsx compiling the sources). Wall time on a shared machine measures the
 * neighbours too: compare ratios from the same round, not absolute times across runs.
 *
 * Usage: npm run bench:startup -- [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinDir, scenarioCacheKey, useScenarioCache } from '../src/adapters/files/index.js';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const i = args.indexOf('--rounds');
const ROUNDS = i >= 0 ? Number(args[i + 1]) : 5;
const bin = fileURLToPath(new URL('../bin/bulwark.js', import.meta.url));
const dir = useScenarioCache(null);
const entry =
  dir === null
    ? null
    : join(dir, `${scenarioCacheKey(readFileSync(join(builtinDir, 'ukraine-2025.yaml'), 'utf8'))}.json`);

/** Wall seconds of one command (stdout discarded); throws if it fails. */
function wall(argv: readonly string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return s;
}

const uncached = (argv: readonly string[]) => (): number => {
  if (entry !== null) rmSync(entry, { force: true });
  return wall(argv);
};
const cached = (argv: readonly string[]) => (): number => wall(argv);

const validateArgs = [bin, 'validate', 'ukraine-2025'];
const planArgs = [bin, 'plan', 'ukraine-2025', '--json'];
const sides: [string, () => number][] = [
  ['node -e 0', () => wall(['-e', '0'])],
  ['bulwark --help', () => wall([bin, '--help'])],
  ['validate, YAML parsed', uncached(validateArgs)],
  ['validate, parsed-once cache', cached(validateArgs)],
  ['plan --json, YAML parsed', uncached(planArgs)],
  ['plan --json, parsed-once cache', cached(planArgs)],
];
wall(validateArgs); // writes the cache entry and warms the file cache
const times = sides.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) sides.forEach(([, f], k) => times[k]!.push(f()));

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: readonly number[]): string =>
  `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
console.log(
  `start-up, wall time, ${ROUNDS} interleaved rounds · load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
sides.forEach(([label], k) =>
  console.log(`   ${label.padEnd(32)} median ${median(times[k]!).toFixed(2)} s (range ${range(times[k]!)})`),
);
const ratio = (label: string, num: number, den: number, target: string): void => {
  const r = times[num]!.map((t, j) => t / times[den]![j]!);
  console.log(
    `   ${label.padEnd(44)} median ${median(r).toFixed(2)}× (range ${range(r)}) · target ${target}`,
  );
};
ratio('bulwark --help / node -e 0', 1, 0, '≤ 3×');
ratio('validate: YAML parsed / cached (speed-up)', 2, 3, '—');
ratio('plan: YAML parsed / cached (speed-up)', 4, 5, '—');
console.log(
  `   validate cached median ${median(times[3]!).toFixed(2)} s, plan cached ${median(times[5]!).toFixed(2)} s · target < 1 s each`,
);
