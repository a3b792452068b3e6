/**
 * A worker_threads pool that runs assurance jobs in chunks of runs over all cores (DESIGN.md §10).
 * Chunks are handed out dynamically; results are merged in chunk order, so the result is the same for any
 * number of workers (each run's stream depends only on (seed, run index)). Progress is reported per chunk;
 * an AbortSignal terminates the workers and rejects with the signal's reason.
 *
 * A pool runs one job at a time (each worker holds one job); calls made while a job runs wait their turn,
 * so one pool can serve a whole process. `sharedWorkerPool()` is that process-wide pool (issue 18: warm
 * engines): starting worker threads costs far more than a small job (2,000 runs: about 2.3 s cold against
 * 0.13 s warm), so the CLI's analyses and the workspace's runs reuse it. A job that fails or is cancelled
 * terminates the workers; the next job starts fresh ones.
 *
 * Workers load the built JavaScript (`worker.js`) when this file runs from `dist/`; from TypeScript sources
 * (development, tests) they register tsx first, since Node 20 cannot run .ts by itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { mergeChunks, type Job, type JobRunner, type PartialStats } from '../../core/assure/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

export interface PoolOptions {
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  /** Runs per chunk (default: enough chunks for load balance, at most 20,000 runs each). */
  readonly chunkRuns?: number;
  /** Cancels a running job. */
  readonly signal?: AbortSignal;
}

export interface WorkerPool {
  /** Runs a job, cancelled by the pool's own signal (if any). */
  readonly run: JobRunner;
  /** A runner on this pool whose jobs are cancelled by `signal` (as well as by the pool's own). */
  runner(signal?: AbortSignal): JobRunner;
  readonly size: number;
  /** Terminates the workers. The pool cannot be used afterwards. */
  close(): Promise<void>;
}

const fromSource = import.meta.url.endsWith('.ts');

/** The signal's reason as an Error (AbortSignal.abort() gives a DOMException, which is one). */
function abortError(signal: AbortSignal | undefined): Error {
  const r: unknown = signal?.reason;
  return r instanceof Error ? r : new Error('assurance run cancelled');
}

function spawn(): Worker {
  if (!fromSource) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

/** Creates a pool of worker threads; they start on first use. */
export function createWorkerPool(options: PoolOptions = {}): WorkerPool {
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const workers: Worker[] = [];
  let nextJobId = 1;
  let closed = false;

  const ensure = (n: number): Worker[] => {
    while (workers.length < n) {
      const w = spawn();
      w.unref();
      workers.push(w);
    }
    return workers.slice(0, n);
  };

  /** Terminates the workers; the next job spawns new ones (unless the pool is closed). */
  const reset = async (): Promise<void> => {
    await Promise.all(workers.splice(0).map((w) => w.terminate()));
  };
  const close = async (): Promise<void> => {
    closed = true;
    await reset();
  };

  /** The tail of the chain of jobs: each job starts when the one before it has settled. */
  let tail: Promise<unknown> = Promise.resolve();

  const runNow = (
    job: Job,
    seed: number,
    runs: number,
    onProgress: ((done: number) => void) | undefined,
    first: number,
    signals: readonly AbortSignal[],
  ): Promise<PartialStats[]> => {
    if (closed) return Promise.reject(new Error('worker pool is closed'));
    const signal = signals.length === 0 ? undefined : AbortSignal.any([...signals]);
    if (signal?.aborted === true) return Promise.reject(abortError(signal));
    const chunkRuns = Math.max(
      1,
      Math.floor(options.chunkRuns ?? Math.min(20_000, Math.max(500, Math.ceil(runs / (size * 8))))),
    );
    const ranges: [number, number][] = [];
    for (let from = first; from < first + runs; from += chunkRuns)
      ranges.push([from, Math.min(first + runs, from + chunkRuns)]);
    if (ranges.length === 0) return Promise.resolve(mergeChunks(job.models, []));
    const jobId = nextJobId++;
    const pool = ensure(Math.min(size, ranges.length));
    const results: PartialStats[][] = new Array<PartialStats[]>(ranges.length);
    let next = 0;
    let finished = 0;
    let doneRuns = 0;

    return new Promise<PartialStats[]>((resolve, reject) => {
      let settled = false;
      const cleanup = (): void => {
        for (const w of pool) {
          w.removeAllListeners('message');
          w.removeAllListeners('error');
          w.unref();
        }
        signal?.removeEventListener('abort', onAbort);
      };
      const failWith = (e: unknown): void => {
        if (settled) return;
        settled = true;
        cleanup();
        // A worker in an unknown state is not reused.
        void reset().then(() => reject(e instanceof Error ? e : new Error(String(e))));
      };
      const onAbort = (): void => {
        if (settled) return;
        settled = true;
        cleanup();
        void reset().then(() => reject(abortError(signal)));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const dispatch = (w: Worker): void => {
        const index = next++;
        const range = ranges[index];
        if (range === undefined) return;
        const msg: ToWorker = { type: 'chunk', jobId, index, seed, from: range[0], to: range[1] };
        w.postMessage(msg);
      };
      for (const w of pool) {
        w.ref();
        w.on('error', failWith);
        w.on('message', (m: FromWorker) => {
          if (settled || m.jobId !== jobId) return;
          if (m.type === 'error') return failWith(new Error(`assurance worker: ${m.message}`));
          results[m.index] = m.stats;
          const range = ranges[m.index]!;
          doneRuns += range[1] - range[0];
          finished++;
          onProgress?.(doneRuns);
          if (finished === ranges.length) {
            settled = true;
            cleanup();
            resolve(mergeChunks(job.models, results));
          } else dispatch(w);
        });
        const init: ToWorker = { type: 'job', jobId, job };
        w.postMessage(init);
        dispatch(w);
      }
    });
  };

  const runner =
    (signal?: AbortSignal): JobRunner =>
    (job, seed, runs, onProgress, first = 0) => {
      const signals = [options.signal, signal].filter((x): x is AbortSignal => x !== undefined);
      const turn = tail.then(() => runNow(job, seed, runs, onProgress, first, signals));
      tail = turn.catch(() => undefined);
      return turn;
    };

  return { run: runner(), runner, size, close };
}

const shared = new Map<number, WorkerPool>();

/**
 * The process-wide pool of `workers` threads (default: all cores), created on first use and kept: its
 * threads are unreferenced while idle, so they never keep the process alive.
 */
export function sharedWorkerPool(workers?: number): WorkerPool {
  const size = Math.max(1, Math.floor(workers ?? availableParallelism()));
  let pool = shared.get(size);
  if (pool === undefined) {
    const created = createWorkerPool({ workers: size });
    // Closing it (tests, a server shutting down) forgets it: the next call makes a new one.
    pool = {
      ...created,
      close: () => {
        shared.delete(size);
        return created.close();
      },
    };
    shared.set(size, pool);
  }
  return pool;
}

/** Path of the worker entry this pool loads (for diagnostics). */
export const workerEntry = fileURLToPath(
  new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url),
);
