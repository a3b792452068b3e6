/**
 * The pool's protocol (threads.ts) and the in-thread side of its simulation lane: keeps the last few
 * compiled jobs by hash and answers chunk requests with `runChunk`. The coverage lane's thread
 * (coverage-thread.ts) answers `coverage` tasks in the same protocol.
 */
import type { Job, LadderParams, PartialStats } from '../../core/assure/index.js';
import type { PledgedCoverage } from '../../core/plan/index.js';
import type { Scenario } from '../../core/scenario/index.js';
// The simulation loop itself, not core/assure's index: the index reaches the scenario schema and zod
// (about 0.2–0.3 s to load per thread), which a thread does not need. thread-graph.test.ts checks this.
// eslint-disable-next-line no-restricted-imports -- deliberate: see the comment above.
import { runChunk } from '../../core/assure/simulate.js';

/** Compiled jobs a thread keeps (the main thread mirrors this rule to know when to resend one). */
export const THREAD_JOB_CACHE = 4;

/** What a pool thread is sent: a job to keep, a chunk of a kept job's runs, or a coverage solve. */
export type ToThread =
  | { readonly type: 'job'; readonly hash: string; readonly job: Job }
  | {
      readonly type: 'chunk';
      readonly id: number;
      readonly hash: string;
      readonly seed: number;
      readonly from: number;
      readonly to: number;
    }
  | { readonly type: 'coverage'; readonly id: number; readonly scenario: Scenario };

/** What a pool thread answers to a task `id`: its value (by the task's type), or why it failed. */
export type FromThread =
  | { readonly type: 'chunk'; readonly id: number; readonly value: PartialStats[] }
  | { readonly type: 'coverage'; readonly id: number; readonly value: PledgedCoverage }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** The error reply to task `id`. */
export function failure(id: number, e: unknown): FromThread {
  return { type: 'error', id, message: e instanceof Error ? e.message : String(e) };
}

const jobs = new Map<string, Job>();

/** The numbers of a compiled model that are integers in every model: counts and 0/1 switches. */
const INTEGER_FIELDS: ReadonlySet<string> = new Set([
  'levels',
  'horizonDays',
  'nations',
  'periods',
  'guarantorActive',
  'guarantorInHarmsWay',
  'trigger',
  'engagement',
  'feedback',
] satisfies (keyof LadderParams)[]);

let shapesSettled = false;

/**
 * Gives this thread's compiled models one shape, whatever their values, before any of them is simulated.
 * A job arrives as a structured clone, and V8 stores a number field whose first value is an integer as a
 * small integer: the first tornado job, whose constant levers move values such as the visibility 1 to 0.5,
 * then changes the shape of every model and throws away the optimised loop a second time (docs/
 * performance.md, "Warm-up"). A clone of the first model with every other number fractional makes those
 * fields doubles from the start; a later integer value fits a double field.
 */
function settleModelShapes(job: Job): void {
  const m = job.models[0];
  if (shapesSettled || m === undefined) return;
  shapesSettled = true;
  const wide: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) wide[k] = typeof v === 'number' && !INTEGER_FIELDS.has(k) ? 0.5 : v;
  structuredClone(wide);
}

/** The simulation lane's thread: keeps jobs, runs chunks (a coverage task here is an error). */
export function handleThreadMessage(
  m: ToThread,
  reply: (r: FromThread, transfer: ArrayBuffer[]) => void,
): void {
  if (m.type === 'job') {
    settleModelShapes(m.job);
    jobs.delete(m.hash);
    jobs.set(m.hash, m.job);
    // Map iteration is insertion order: the first key is the oldest.
    while (jobs.size > THREAD_JOB_CACHE) jobs.delete(jobs.keys().next().value!);
    return;
  }
  if (m.type !== 'chunk') return reply(failure(m.id, `a simulation thread takes no ${m.type} task`), []);
  const job = jobs.get(m.hash);
  if (job === undefined) return reply(failure(m.id, `thread has no job ${m.hash}`), []);
  try {
    const stats = runChunk(job, m.seed, m.from, m.to);
    // Transferred, not copied. The first transfer detaches buffers and so deoptimises the loop once, at the
    // start of the thread's second chunk; that recompile on a full chunk's feedback is what makes the loop
    // fast (without it it often stays 1.5× slower: docs/performance.md, "Warm-up").
    const buffers = stats.flatMap((s) =>
      Object.values(s)
        .filter((v): v is Float64Array => v instanceof Float64Array)
        .map((v) => v.buffer as ArrayBuffer),
    );
    reply({ type: 'chunk', id: m.id, value: stats }, buffers);
  } catch (e) {
    reply(failure(m.id, e), []);
  }
}
