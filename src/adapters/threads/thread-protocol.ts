/**
 * The pool's protocol (threads.ts) and the in-thread side of its simulation lane: keeps the last few
 * compiled jobs by hash and answers chunk requests with `runChunk`. The coverage lane's thread
 * (coverage-thread.ts) answers `coverage` tasks in the same protocol.
 */
import type { Job, PartialStats } from '../../core/assure/index.js';
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

/**
 * The simulation lane's thread: keeps jobs, runs chunks (a coverage task here is an error).
 *
 * A chunk's statistics are copied to the main thread, not transferred: transferring a buffer detaches it,
 * and the first detached ArrayBuffer in a thread invalidates V8's ArrayBufferDetaching protector, which
 * throws away every optimised function that reads a typed array (`simulateRun`, `segment`, `runChunk`, …:
 * "code dependencies") and compiles them again with detach checks. That cost each fresh thread about 1 s
 * of CPU at the start of its second chunk (docs/performance.md, "Warm-up"); the copy costs well under a
 * millisecond a chunk.
 */
export function handleThreadMessage(m: ToThread, reply: (r: FromThread) => void): void {
  if (m.type === 'job') {
    jobs.delete(m.hash);
    jobs.set(m.hash, m.job);
    // Map iteration is insertion order: the first key is the oldest.
    while (jobs.size > THREAD_JOB_CACHE) jobs.delete(jobs.keys().next().value!);
    return;
  }
  if (m.type !== 'chunk') return reply(failure(m.id, `a simulation thread takes no ${m.type} task`));
  const job = jobs.get(m.hash);
  if (job === undefined) return reply(failure(m.id, `thread has no job ${m.hash}`));
  try {
    reply({ type: 'chunk', id: m.id, value: runChunk(job, m.seed, m.from, m.to) });
  } catch (e) {
    reply(failure(m.id, e));
  }
}
