/** In-thread code: keeps the last few compiled jobs by hash and answers chunk requests with `runChunk`. */
import type { Job, PartialStats } from '../../core/assure/index.js';
// The simulation loop itself, not core/assure's index: the index reaches the scenario schema and zod
// (about 0.2–0.3 s to load per thread), which a thread does not need. thread-graph.test.ts checks this.
// eslint-disable-next-line no-restricted-imports -- deliberate: see the comment above.
import { runChunk } from '../../core/assure/simulate.js';

/** Compiled jobs a thread keeps (the main thread mirrors this rule to know when to resend one). */
export const THREAD_JOB_CACHE = 4;

export type ToThread =
  | { readonly type: 'job'; readonly hash: string; readonly job: Job }
  | {
      readonly type: 'chunk';
      readonly id: number;
      readonly hash: string;
      readonly seed: number;
      readonly from: number;
      readonly to: number;
    };

export type FromThread =
  | { readonly type: 'done'; readonly id: number; readonly stats: PartialStats[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

const jobs = new Map<string, Job>();

export function handleThreadMessage(
  m: ToThread,
  reply: (r: FromThread, transfer: ArrayBuffer[]) => void,
): void {
  if (m.type === 'job') {
    jobs.delete(m.hash);
    jobs.set(m.hash, m.job);
    // Map iteration is insertion order: the first key is the oldest.
    while (jobs.size > THREAD_JOB_CACHE) jobs.delete(jobs.keys().next().value!);
    return;
  }
  const job = jobs.get(m.hash);
  if (job === undefined)
    return reply({ type: 'error', id: m.id, message: `thread has no job ${m.hash}` }, []);
  try {
    const stats = runChunk(job, m.seed, m.from, m.to);
    const buffers = stats.flatMap((s) =>
      Object.values(s)
        .filter((v): v is Float64Array => v instanceof Float64Array)
        .map((v) => v.buffer as ArrayBuffer),
    );
    reply({ type: 'done', id: m.id, stats }, buffers);
  } catch (e) {
    reply({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) }, []);
  }
}
