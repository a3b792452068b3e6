/** In-worker code: keeps the current job and answers chunk requests. */
import { runChunk, type Job, type PartialStats } from '../../core/assure/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

let current: { id: number; job: Job } | undefined;

/** Buffers of the typed arrays in a chunk's statistics (moved, not copied, to the main thread). */
function buffers(stats: readonly PartialStats[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const s of stats)
    for (const v of Object.values(s)) if (v instanceof Float64Array) out.push(v.buffer as ArrayBuffer);
  return out;
}

export function handleMessage(m: ToWorker, reply: (r: FromWorker, transfer: ArrayBuffer[]) => void): void {
  if (m.type === 'job') {
    current = { id: m.jobId, job: m.job };
    return;
  }
  if (current === undefined || current.id !== m.jobId) {
    reply({ type: 'error', jobId: m.jobId, message: `worker has no job ${m.jobId}` }, []);
    return;
  }
  try {
    const stats = runChunk(current.job, m.seed, m.from, m.to);
    reply({ type: 'done', jobId: m.jobId, index: m.index, stats }, buffers(stats));
  } catch (e) {
    reply({ type: 'error', jobId: m.jobId, message: e instanceof Error ? e.message : String(e) }, []);
  }
}
