/**
 * The local runner of assurance jobs (DESIGN.md §10): a job's runs split into chunks, computed on the
 * thread pool (`threads.ts`, the same pool a `bulwark worker` process uses for the queue's chunks) and
 * merged in chunk order, so the result is the same for any number of threads (each run's stream depends
 * only on (seed, run index)). Progress is reported per chunk; an AbortSignal rejects the call with the
 * signal's reason and drops its chunks that have not started.
 *
 * The pool's dedicated coverage thread solves the workspace's pledged plans (`coverage`), off the event
 * loop and beside the simulation threads.
 *
 * Jobs share the threads: calls made while another runs queue their chunks behind it. `sharedThreadPool()`
 * is the process-wide pool (warm engines): starting threads costs far more than a small job
 * (2,000 runs: about 2.3 s cold against 0.13 s warm), so the CLI's analyses and the workspace's runs
 * reuse it.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { mergeChunks, type Job, type JobRunner, type PartialStats } from '../../core/assure/index.js';
import type { PledgedCoverage } from '../../core/plan/index.js';
import type { Scenario } from '../../core/scenario/index.js';
import { abortReason, threadExecutor } from './threads.js';

export interface PoolOptions {
  /** Worker threads (default: all cores). */
  readonly workers?: number;
  /** Runs per chunk (default: enough chunks for load balance, at most 20,000 runs each). */
  readonly chunkRuns?: number;
  /** Cancels every job of this pool. */
  readonly signal?: AbortSignal;
}

export interface ThreadPool {
  /** Runs a job, cancelled by the pool's own signal (if any). */
  readonly run: JobRunner;
  /** A runner on this pool whose jobs are cancelled by `signal` (as well as by the pool's own). */
  runner(signal?: AbortSignal): JobRunner;
  /**
   * The scenario's pledged-plan summary and coverage, solved on the pool's dedicated coverage thread (warm
   * HiGHS), never queued behind the simulation's chunks. Rejects if the solve throws or the thread dies.
   */
  coverage(scenario: Scenario, signal?: AbortSignal): Promise<PledgedCoverage>;
  readonly size: number;
  /** Terminates the threads. The pool cannot be used afterwards. */
  close(): Promise<void>;
}

/** Creates a pool of worker threads; they start on first use. */
export function createThreadPool(options: PoolOptions = {}): ThreadPool {
  const size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const threads = threadExecutor(size);
  // Each job object gets a key once; threads keep recent jobs by key and are sent a job only once.
  const keys = new WeakMap<Job, string>();
  let nextKey = 1;
  const keyOf = (job: Job): string => {
    let k = keys.get(job);
    if (k === undefined) keys.set(job, (k = `local-${nextKey++}`));
    return k;
  };
  let closed = false;
  /** The pool's own signal and a call's, whichever are given. */
  const signalsOf = (callSignal?: AbortSignal): AbortSignal[] =>
    [options.signal, callSignal].filter((x): x is AbortSignal => x !== undefined);

  const runner =
    (callSignal?: AbortSignal): JobRunner =>
    (job, seed, runs, onProgress, first = 0) => {
      if (closed) return Promise.reject(new Error('thread pool is closed'));
      const outside = signalsOf(callSignal);
      const aborted = outside.find((s) => s.aborted);
      if (aborted !== undefined) return Promise.reject(abortReason(aborted));
      const chunkRuns = Math.max(
        1,
        Math.floor(options.chunkRuns ?? Math.min(20_000, Math.max(500, Math.ceil(runs / (size * 8))))),
      );
      const ranges: [number, number][] = [];
      for (let from = first; from < first + runs; from += chunkRuns)
        ranges.push([from, Math.min(first + runs, from + chunkRuns)]);
      if (ranges.length === 0) return Promise.resolve(mergeChunks(job.models, []));
      // This call's chunks stop on the caller's abort or on the first failed chunk.
      const stop = new AbortController();
      const signal = AbortSignal.any([...outside, stop.signal]);
      // Each waiting chunk listens for the abort: one listener per chunk is expected, not a leak.
      setMaxListeners(0, signal);
      const key = keyOf(job);

      return new Promise<PartialStats[]>((resolve, reject) => {
        const results = new Array<PartialStats[]>(ranges.length);
        let settled = false;
        let finished = 0;
        let doneRuns = 0;
        const settle = (e: Error | undefined): void => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          if (e === undefined) return resolve(mergeChunks(job.models, results));
          stop.abort(e);
          reject(e);
        };
        const onAbort = (): void => settle(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        ranges.forEach(([from, to], i) => {
          threads.run(key, job, seed, from, to, signal).then(
            (stats) => {
              if (settled) return;
              results[i] = stats;
              doneRuns += to - from;
              finished++;
              onProgress?.(doneRuns);
              if (finished === ranges.length) settle(undefined);
            },
            // An abort has settled the call already; what is left is a chunk that failed.
            (e: unknown) =>
              settle(new Error(`assurance worker: ${e instanceof Error ? e.message : String(e)}`)),
          );
        });
      });
    };

  const close = async (): Promise<void> => {
    closed = true;
    await threads.close();
  };

  const coverage = (scenario: Scenario, signal?: AbortSignal): Promise<PledgedCoverage> => {
    if (closed) return Promise.reject(new Error('thread pool is closed'));
    const outside = signalsOf(signal);
    return threads.coverage(scenario, outside.length === 0 ? undefined : AbortSignal.any(outside));
  };

  return { run: runner(), runner, coverage, size, close };
}

const shared = new Map<number, ThreadPool>();

/**
 * The process-wide pool of `workers` threads (default: all cores), created on first use and kept: its
 * threads are unreferenced while idle, so they never keep the process alive.
 */
export function sharedThreadPool(workers?: number): ThreadPool {
  const size = Math.max(1, Math.floor(workers ?? availableParallelism()));
  let pool = shared.get(size);
  if (pool === undefined) {
    const created = createThreadPool({ workers: size });
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
