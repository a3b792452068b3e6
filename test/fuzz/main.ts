/**
 * `npm run fuzz -- [--seed S] [--inputs N] [--first I] [--workers W] [--timeout-ms T] [--memory-mb M]
 * [--runs R] [--brief-every B] [--save DIR] [--replay I] [--json FILE]`
 *
 * Runs the fuzz campaign (docs/reliability.md) and prints a summary and every failing input with the
 * command that replays it alone. `--replay I` rebuilds input I of the seed, prints it (or writes it to
 * `--save DIR`) and runs it. Exit status 1 when anything was found.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzz, type FuzzReport } from './harness.js';
import { loadCorpus, makeInput } from './mutate.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? undefined : args[i + 1];
};
const num = (name: string, fallback: number): number => {
  const v = flag(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} must be a whole number, got "${v}"\n`);
    process.exit(2);
  }
  return n;
};

const seed = num('seed', Math.floor(Date.now() / 1000) % 2 ** 31);
const replay = flag('replay');
const save = flag('save');
const first = replay === undefined ? num('first', 0) : num('replay', 0);
const inputs = replay === undefined ? num('inputs', 1000) : 1;

if (save !== undefined) {
  mkdirSync(save, { recursive: true });
  const corpus = loadCorpus();
  for (let i = first; i < first + inputs; i++) {
    const input = makeInput(corpus, seed, i);
    writeFileSync(join(save, `${seed}-${i}-${input.name}`), input.text);
  }
}
if (replay !== undefined) {
  const input = makeInput(loadCorpus(), seed, first);
  process.stdout.write(
    `input ${first} of seed ${seed}: ${input.how} (from ${input.from}, as ${input.name})\n`,
  );
}

process.stdout.write(`fuzz: seed ${seed}, inputs ${first} … ${first + inputs - 1}\n`);
let last = 0;
const report: FuzzReport = await fuzz({
  seed,
  first,
  inputs,
  workers: num('workers', 1),
  timeoutMs: num('timeout-ms', 60_000),
  memoryMb: num('memory-mb', 1024),
  runs: num('runs', 10),
  briefEvery: num('brief-every', 100),
  onResult: (input, outcome, done) => {
    for (const f of outcome.findings)
      process.stdout.write(
        `  #${input.index} ${f.kind} in ${f.step} (${input.how}; from ${input.from}): ${f.detail.split('\n')[0] ?? ''}\n`,
      );
    if (done - last >= 250 || replay !== undefined) {
      last = done;
      process.stdout.write(`  … ${done} inputs\n`);
    }
  },
});

const c = report.counts;
process.stdout.write(
  [
    `fuzz: seed ${report.seed}: ${report.inputs} inputs in ${report.seconds} s (${report.valid} valid, ${report.invalid} invalid, ${report.gameFiles} game files; ${report.skipped} indices not buildable, skipped)`,
    `  steps: ${Object.entries(report.steps)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  crashes ${c.crash}, hangs ${c.hang}, out of memory ${c.oom}, non-finite ${c['non-finite']}, unlocated ${c.unlocated}`,
    ...report.failures.map(
      (f) =>
        `  replay: npm run fuzz -- --seed ${report.seed} --replay ${f.index} --save /tmp/fuzz   # ${f.findings[0]?.kind}`,
    ),
    '',
  ].join('\n'),
);
const out = flag('json');
if (out !== undefined) writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
process.exitCode = report.failures.length > 0 ? 1 : 0;
