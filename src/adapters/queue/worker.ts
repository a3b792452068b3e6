/**
 * The consumer side: a BullMQ worker taking assurance chunks off the queue, computing each on its own
 * worker threads (or in-process) and leaving the encoded statistics in Redis for the producer.
 *
 * Faults (DESIGN.md §10):
 * - a payload that fails its schema, names a job that is not stored, or does not decode is a poison job:
 *   it fails at once with `UnrecoverableError` and the reason is kept on the failed job;
 * - a worker killed mid-chunk stops renewing its lock; after `lockDurationMs` another worker's stalled
 *   check puts the chunk back in the queue (up to `maxStalledCount` times), and it is computed again: the
 *   result is the same, since it depends only on (job, seed, range);
 * - other errors are retried by BullMQ per the job's `attempts` (set by the producer).
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job as BullJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Job } from '../../core/assure/index.js';
import { inlineExecutor, threadExecutor, type ChunkExecutor } from '../threads/index.js';
import { CodecError, decodeJob, encodeStats } from './codec.js';
import { checkRedis, connect } from './connection.js';
import { modelHash } from './model-hash.js';
import {
  ChunkPayload,
  MODEL_MISMATCH,
  jobKey,
  QUEUE_NAME,
  resultKey,
  STORE_TTL_SECONDS,
  type ChunkReturn,
} from './protocol.js';

export interface QueueWorkerOptions {
  readonly url: string;
  /** Chunks computed at once (and worker threads when `threads`). Default 1. */
  readonly concurrency?: number;
  /** Compute on worker threads (default) or on the main thread (one chunk at a time). */
  readonly threads?: boolean;
  /** BullMQ lock duration (ms): how long a silent worker keeps a chunk before it counts as stalled. */
  readonly lockDurationMs?: number;
  /** How often (ms) this worker checks for stalled chunks of dead workers. */
  readonly stalledIntervalMs?: number;
  /** Times a chunk may stall before it fails. */
  readonly maxStalledCount?: number;
  /** Recorded on each chunk it takes (BullMQ `processedBy`); default `<host>:<pid>`. */
  readonly name?: string;
  /** This build's model hash (default `modelHash()`; tests pass another to play a worker of another build). */
  readonly modelHash?: string;
  readonly onEvent?: (e: WorkerEvent) => void;
}

export type WorkerEvent =
  | { readonly type: 'ready'; readonly name: string; readonly concurrency: number; readonly threads: boolean }
  | { readonly type: 'done'; readonly id: string; readonly runs: number; readonly ms: number }
  | { readonly type: 'failed'; readonly id: string; readonly reason: string; readonly final: boolean }
  | { readonly type: 'error'; readonly message: string };

export interface QueueWorker {
  /** Stops taking chunks, waits for the ones in progress, closes connections and threads. */
  close(): Promise<void>;
}

const DEFAULTS = {
  concurrency: 1,
  threads: true,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 3,
};

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EPIPE|EHOSTUNREACH|Connection is closed/;

/** Starts a worker. Throws `BulwarkError('unavailable')` when Redis cannot be reached. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const o = { ...DEFAULTS, name: `${hostname()}:${process.pid}`, modelHash: modelHash(), ...options };
  await checkRedis(o.url);
  const concurrency = Math.max(1, Math.floor(o.concurrency));
  const executor: ChunkExecutor = o.threads ? threadExecutor(concurrency) : inlineExecutor();
  const store = connect(o.url, 'bulwark-worker-store', (message) => o.onEvent?.({ type: 'error', message }));
  const jobs = createJobCache(store);
  const emit = (e: WorkerEvent): void => o.onEvent?.(e);

  const processor = async (bj: BullJob): Promise<ChunkReturn> => {
    const parsed = ChunkPayload.safeParse(bj.data);
    if (!parsed.success) throw new UnrecoverableError(`bad chunk payload: ${z.prettifyError(parsed.error)}`);
    const p = parsed.data;
    // Another build computes other numbers: refuse the chunk rather than merge them silently.
    if (p.model !== o.modelHash)
      throw new UnrecoverableError(
        `${MODEL_MISMATCH}: worker ${o.name} runs model ${o.modelHash.slice(0, 12)}…, the chunk was queued by a producer running model ${p.model.slice(0, 12)}…; run the same Bulwark build on producers and workers`,
      );
    const job = await jobs.get(p.job);
    const t0 = performance.now();
    const stats = await executor.run(p.job, job, p.seed, p.from, p.to);
    const key = resultKey(p.run, p.index);
    await store.set(key, encodeStats(stats), 'EX', STORE_TTL_SECONDS);
    emit({ type: 'done', id: bj.id ?? '?', runs: p.to - p.from, ms: performance.now() - t0 });
    return { result: key, runs: p.to - p.from };
  };

  const connection = connect(o.url, 'bulwark-worker');
  const worker = new Worker<unknown, ChunkReturn>(QUEUE_NAME, processor, {
    connection,
    concurrency: o.threads ? concurrency : 1,
    lockDuration: o.lockDurationMs,
    stalledInterval: o.stalledIntervalMs,
    maxStalledCount: o.maxStalledCount,
    name: o.name,
    autorun: false,
  });
  worker.on('failed', (bj, e) => {
    if (bj === undefined) return;
    const attempts = bj.opts.attempts ?? 1;
    const final = e instanceof UnrecoverableError || bj.attemptsMade >= attempts;
    emit({ type: 'failed', id: bj.id ?? '?', reason: e.message, final });
  });
  // Connection errors repeat on every reconnection attempt; the store connection reports the outage once.
  worker.on('error', (e) => {
    if (!CONNECTION_ERROR.test(e.message)) emit({ type: 'error', message: e.message });
  });
  void worker.run();
  await worker.waitUntilReady();
  emit({ type: 'ready', name: o.name, concurrency: o.threads ? concurrency : 1, threads: o.threads });

  let closing: Promise<void> | undefined;
  return {
    close: () =>
      (closing ??= (async () => {
        await worker.close();
        await executor.close();
        await worker.disconnect();
        connection.disconnect();
        store.disconnect();
      })()),
  };
}

/** Decoded jobs by hash (the last few), fetched once even when several chunks ask at the same time. */
function createJobCache(store: Redis, keep = 4): { get(hash: string): Promise<Job> } {
  const cache = new Map<string, Promise<Job>>();
  const load = async (hash: string): Promise<Job> => {
    const text = await store.get(jobKey(hash));
    if (text === null)
      throw new UnrecoverableError(
        `compiled job ${hash.slice(0, 12)}… is not stored (expired, or never written)`,
      );
    if (createHash('sha256').update(text).digest('hex') !== hash)
      throw new UnrecoverableError(`compiled job ${hash.slice(0, 12)}… does not match its hash`);
    try {
      return decodeJob(text);
    } catch (e) {
      if (e instanceof CodecError) throw new UnrecoverableError(`compiled job does not decode: ${e.message}`);
      throw e;
    }
  };
  return {
    get(hash) {
      let p = cache.get(hash);
      if (p === undefined) {
        p = load(hash);
        cache.set(hash, p);
        // A failed load is not cached: the next chunk tries again.
        p.catch(() => cache.delete(hash));
        while (cache.size > keep) cache.delete(cache.keys().next().value!);
      }
      return p;
    },
  };
}
