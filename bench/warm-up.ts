/**
 * Warm-up of one fresh simulation thread (docs/performance.md, "Warm-up"): the built
 * `dist/adapters/threads/simulation-thread.js` is sent the default scenario's job and `--chunks` chunks of
 * 10,000 runs, then the tornado's first job (the base and both sides of every row) and chunks of 500 runs.
 * Prints the process's CPU per run (per model-run for the tornado) of each chunk: the main thread only
 * waits, so that is the thread's, its compiler threads' and the message copies'. Run `npm run build` first;
 * compare trees by interleaving fresh processes (`--root` another checkout's built tree).
 *
 * Usage: npx tsx bench/warm-up.ts [--chunks 6] [--root /path/to/checkout]
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type * as Assure from '../src/core/assure/index.js';
import type * as Files from '../src/adapters/files/index.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const root = pathToFileURL(`${flag('--root', new URL('..', import.meta.url).pathname)}/`);
const chunks = Number(flag('--chunks', '6'));
const dist = (path: string): string => new URL(`dist/${path}`, root).href;

const files = (await import(dist('adapters/files/index.js'))) as typeof Files;
const assure = (await import(dist('core/assure/index.js'))) as typeof Assure;
const scenario = files.loadScenario('ukraine-2025', []).scenario;
const prepared = assure.prepareAssurance([{ id: 'base', label: 'Base', scenario }], {
  runs: 1,
  seed: 1,
  tornadoRuns: 20_000,
});
if (!prepared.ok) throw new Error('ukraine-2025 does not compile');
const p = prepared.value;
const tornado: Assure.Job = {
  models: [p.tornadoBase!, ...p.tornadoPairs.flat()],
  pairedWith: [0, ...p.tornadoPairs.flatMap((_, i) => [1 + 2 * i, 1 + 2 * i])],
};

const thread = new Worker(new URL(dist('adapters/threads/simulation-thread.js')));
/** The pool's protocol (adapters/threads/thread-protocol.ts), as far as this bench speaks it. */
const send = (m: { readonly type: 'job' | 'chunk'; readonly [k: string]: unknown }): void =>
  thread.postMessage(m);
let id = 0;
/** CPU µs per model-run of runs [from, to) of the job known as `hash`. */
const chunk = async (hash: string, from: number, to: number, models: number): Promise<string> => {
  const t0 = process.cpuUsage();
  const reply = new Promise<{ type: string; message?: string }>((ok) => thread.once('message', ok));
  send({ type: 'chunk', id: ++id, hash, seed: 1, from, to });
  const m = await reply;
  const d = process.cpuUsage(t0);
  if (m.type === 'error') throw new Error(m.message);
  return ((d.user + d.system) / ((to - from) * models)).toFixed(1);
};

send({ type: 'job', hash: 'main', job: p.job });
const main: string[] = [];
for (let c = 0; c < chunks; c++) main.push(await chunk('main', c * 10_000, (c + 1) * 10_000, 1));
send({ type: 'job', hash: 'tornado', job: tornado });
const rows: string[] = [];
for (let c = 0; c < chunks; c++)
  rows.push(await chunk('tornado', c * 500, (c + 1) * 500, tornado.models.length));
console.log(`main job, µs a run, chunks of 10,000: ${main.join(' ')}`);
console.log(
  `tornado job (${tornado.models.length} models), µs a model-run, chunks of 500: ${rows.join(' ')}`,
);
await thread.terminate();
