/**
 * Where Monte Carlo jobs run, chosen once at the edge: on the BullMQ queue in Redis (`--redis`), or
 * locally on the worker-thread pool. Both are `JobRunner`s merging in run order, so results are the same
 * byte for byte for a given seed. Also the `bulwark worker` use case.
 */
import { createQueueRunner, startQueueWorker, type WorkerEvent } from '../adapters/queue/index.js';
import { createThreadPool } from '../adapters/threads/index.js';
import type { JobRunner } from '../core/assure/index.js';

export interface RunnerChoice {
  /** Redis URL: run on the queue. Absent: run locally. */
  readonly redis?: string;
  /** Local worker threads (default: all cores). */
  readonly workers?: number;
  /** Runs per queue chunk (default 100,000). */
  readonly chunkRuns?: number;
  readonly signal?: AbortSignal;
  /** Queue only: called when no `bulwark worker` is connected. */
  readonly onNoWorkers?: () => void;
  /** Queue only: a run fails when no worker took or finished a chunk for this long (default 600 s). */
  readonly deadlineSeconds?: number;
  /** Queue only: one line when the connection to Redis is lost or back. */
  readonly onOutage?: (message: string) => void;
}

export interface OpenRunner {
  readonly run: JobRunner;
  /** True when jobs go to the queue; a queue runner takes several jobs at once, the local pool one. */
  readonly distributed: boolean;
  close(): Promise<void>;
}

/** Opens the runner. Throws `BulwarkError('unavailable')` when the Redis URL cannot be reached. */
export async function openRunner(choice: RunnerChoice): Promise<OpenRunner> {
  if (choice.redis !== undefined) {
    const q = await createQueueRunner({
      url: choice.redis,
      ...(choice.chunkRuns === undefined ? {} : { chunkRuns: choice.chunkRuns }),
      ...(choice.signal === undefined ? {} : { signal: choice.signal }),
      ...(choice.onNoWorkers === undefined ? {} : { onNoWorkers: choice.onNoWorkers }),
      ...(choice.deadlineSeconds === undefined ? {} : { deadlineMs: choice.deadlineSeconds * 1000 }),
      ...(choice.onOutage === undefined ? {} : { onOutage: choice.onOutage }),
    });
    return { run: q.run, distributed: true, close: () => q.close() };
  }
  const pool = createThreadPool({
    ...(choice.workers === undefined ? {} : { workers: choice.workers }),
    ...(choice.signal === undefined ? {} : { signal: choice.signal }),
  });
  return { run: pool.run, distributed: false, close: () => pool.close() };
}

export interface WorkerRequest {
  readonly redis: string;
  /** Chunks at once, each on its own worker thread (default 1). */
  readonly concurrency?: number;
  /** Compute on the main thread instead of worker threads. */
  readonly inProcess?: boolean;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** Stops the worker: chunks in progress finish first. */
  readonly signal: AbortSignal;
  readonly onEvent?: (e: WorkerEvent) => void;
}

/** Runs a `bulwark worker` until the signal fires, then shuts down gracefully. */
export async function runWorker(req: WorkerRequest): Promise<void> {
  const worker = await startQueueWorker({
    url: req.redis,
    ...(req.concurrency === undefined ? {} : { concurrency: req.concurrency }),
    threads: req.inProcess !== true,
    ...(req.lockDurationMs === undefined ? {} : { lockDurationMs: req.lockDurationMs }),
    ...(req.stalledIntervalMs === undefined ? {} : { stalledIntervalMs: req.stalledIntervalMs }),
    ...(req.onEvent === undefined ? {} : { onEvent: req.onEvent }),
  });
  if (!req.signal.aborted)
    await new Promise<void>((resolve) =>
      req.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
  await worker.close();
}
