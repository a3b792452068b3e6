/**
 * The producer side: a `JobRunner` that runs a job over [first, first + runs) on the BullMQ queue. The compiled job is
 * stored once under its hash; runs are split into fixed chunks of `chunkRuns`, one BullMQ job each (id
 * `<run>-<index>`); workers leave each chunk's statistics under a result key, and the producer merges them
 * by chunk index (each index once, in index order), so the result is byte-identical to a local run with
 * the same seed.
 *
 * Completions arrive as QueueEvents; every `reconcileMs` the producer also looks for results and failures
 * it may have missed (events are not replayed after a reconnection). Cancelling (the AbortSignal) removes
 * the run's chunks that no worker has taken; chunks in progress finish and their results expire.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Job as BullJob, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobRunner, PartialStats } from '../../core/assure/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import { chunkRanges, createChunkMerger } from './chunk-merger.js';
import { decodeStats, encodeJob } from './codec.js';
import { checkRedis, connect } from './connection.js';
import { modelHash } from './model-hash.js';
import {
  chunkJobId,
  MODEL_MISMATCH,
  jobKey,
  PROTOCOL_VERSION,
  QUEUE_NAME,
  resultKey,
  STORE_TTL_SECONDS,
  type ChunkPayload,
} from './protocol.js';

export interface QueueRunnerOptions {
  readonly url: string;
  /** Runs per chunk (default 100,000: the chunk size at which the queue's overhead stays small). */
  readonly chunkRuns?: number;
  /** Cancels the runs in progress: pending chunks are removed and `run` rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Attempts per chunk for ordinary errors (poison payloads fail at once). Default 3. */
  readonly attempts?: number;
  /** Interval (ms) of the check for missed completions and failures. Default 2000. */
  readonly reconcileMs?: number;
  /** Called once (for the first run that finds none) when no worker is connected to the queue. */
  readonly onNoWorkers?: () => void;
  /** This build's model hash, sent with every chunk (default `modelHash()`). */
  readonly modelHash?: string;
  /**
   * A run fails (`unavailable`, its pending chunks removed) when for this long no worker has taken or
   * finished one of its chunks: nobody is computing it. Default 600,000 ms (10 minutes).
   */
  readonly deadlineMs?: number;
  /** One line when the connection to Redis is lost, and when it is back. Default: silent. */
  readonly onOutage?: (message: string) => void;
}

export interface QueueRunner {
  readonly run: JobRunner;
  /** Closes the connections (runs in progress reject). */
  close(): Promise<void>;
}

interface RunState {
  collect(index: number): void;
  fail(index: number, reason: string): void;
  /** A worker took one of the run's chunks. */
  touch(): void;
}

/** `p`, or nothing after `ms` milliseconds, whichever comes first. */
async function within(ms: number, p: Promise<unknown>): Promise<void> {
  let t: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise((resolve) => (t = setTimeout(resolve, ms)))]);
  clearTimeout(t);
}

const CHUNK_ID = /^([A-Za-z0-9_]+)-(\d+)$/;

/** Connects (throwing `BulwarkError('unavailable')` if Redis cannot be reached) and returns the runner. */
export async function createQueueRunner(options: QueueRunnerOptions): Promise<QueueRunner> {
  await checkRedis(options.url);
  const chunkRuns = options.chunkRuns ?? 100_000;
  const attempts = options.attempts ?? 3;
  const reconcileMs = options.reconcileMs ?? 2000;
  const model = options.modelHash ?? modelHash();
  const deadlineMs = options.deadlineMs ?? 600_000;
  const client: Redis = connect(options.url, 'bulwark-producer', options.onOutage);
  const queue = new Queue(QUEUE_NAME, { connection: client });
  const eventsClient = connect(options.url, 'bulwark-events');
  const events = new QueueEvents(QUEUE_NAME, { connection: eventsClient });
  // The connections report outages (above); BullMQ's objects re-emit them, and an 'error' event without
  // a listener would throw.
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  await events.waitUntilReady();
  const runs = new Map<string, RunState>();
  let warned = false;

  const route = (jobId: string, f: (s: RunState, index: number) => void): void => {
    const m = CHUNK_ID.exec(jobId);
    const s = m === null ? undefined : runs.get(m[1]!);
    if (s !== undefined) f(s, Number(m![2]));
  };
  events.on('completed', ({ jobId }) => route(jobId, (s, i) => s.collect(i)));
  events.on('failed', ({ jobId, failedReason }) => route(jobId, (s, i) => s.fail(i, failedReason)));
  events.on('active', ({ jobId }) => route(jobId, (s) => s.touch()));

  const run: JobRunner = async (job, seed, runCount, onProgress, first = 0) => {
    const signal = options.signal;
    signal?.throwIfAborted();
    const ranges = chunkRanges(runCount, chunkRuns, first);
    const merger = createChunkMerger(job.models, ranges.length);
    if (ranges.length === 0) return merger.result();

    const text = encodeJob(job);
    const hash = createHash('sha256').update(text).digest('hex');
    await client.set(jobKey(hash), text, 'EX', STORE_TTL_SECONDS);
    const runId = randomUUID().replaceAll('-', '');

    return await new Promise<PartialStats[]>((resolve, reject) => {
      let settled = false;
      let doneRuns = 0;
      const collecting = new Set<number>();
      const finish = (e: Error | undefined): void => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        clearTimeout(idle);
        signal?.removeEventListener('abort', onAbort);
        runs.delete(runId);
        if (e === undefined) resolve(merger.result());
        else void removePending().finally(() => reject(e));
      };
      // Bounded: with Redis down the commands would wait for a reconnection forever.
      const removePending = async (): Promise<void> => {
        const open = ranges.map((_, i) => i).filter((i) => !merger.has(i));
        await within(3000, Promise.allSettled(open.map((i) => queue.remove(chunkJobId(runId, i)))));
      };
      const expire = (): void =>
        finish(
          new BulwarkError(
            'unavailable',
            `no worker took or finished a chunk of the run for ${Math.round(deadlineMs / 1000)} s (--deadline); start one with \`bulwark worker --redis …\`. The chunks not taken were removed from the queue`,
          ),
        );
      let idle = setTimeout(expire, deadlineMs);
      const state: RunState = {
        touch: () => {
          if (settled) return;
          clearTimeout(idle);
          idle = setTimeout(expire, deadlineMs);
        },
        collect: (index) => {
          if (settled || merger.has(index) || collecting.has(index)) return;
          collecting.add(index);
          const key = resultKey(runId, index);
          client
            .get(key)
            .then((value) => {
              collecting.delete(index);
              if (settled || value === null) return;
              const stats = decodeStats(value, job.models);
              if (merger.accept(index, stats)) {
                state.touch();
                const [from, to] = ranges[index]!;
                doneRuns += to - from;
                onProgress?.(doneRuns);
              }
              void client.del(key);
              if (merger.complete) finish(undefined);
            })
            .catch((e: unknown) => {
              collecting.delete(index);
              finish(
                new BulwarkError(
                  'internal',
                  `chunk ${index} of the run: its result could not be read: ${e instanceof Error ? e.message : String(e)}`,
                ),
              );
            });
        },
        fail: (index, reason) =>
          finish(
            new BulwarkError(
              // A worker of another build is the deployment's problem, not a bug.
              reason.startsWith(MODEL_MISMATCH) ? 'unavailable' : 'internal',
              `chunk ${index} (runs ${ranges[index]!.join('–')}) failed: ${reason}`,
            ),
          ),
      };
      const onAbort = (): void => {
        const r: unknown = signal?.reason;
        finish(r instanceof Error ? r : new Error('run cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      runs.set(runId, state);

      const addChunks = async (indices: readonly number[]): Promise<void> => {
        await queue.addBulk(
          indices.map((index) => {
            const [from, to] = ranges[index]!;
            const data: ChunkPayload = {
              v: PROTOCOL_VERSION,
              run: runId,
              index,
              job: hash,
              model,
              seed,
              from,
              to,
            };
            return {
              name: 'chunk',
              data,
              opts: {
                jobId: chunkJobId(runId, index),
                attempts,
                backoff: { type: 'fixed', delay: 1000 },
                removeOnComplete: true,
                // Failed chunks stay a week, with their reason, for `bulwark worker` operators to inspect.
                removeOnFail: { age: 7 * 24 * 3600 },
              },
            };
          }),
        );
      };

      // Missed events and lost chunks, in one pipelined look per open chunk: its stored result, its entry
      // in the failed set, its job. A chunk with none of the three was lost (Redis restarted without
      // persistence, or someone cleaned the queue): the job is stored again and the chunk queued again.
      const reconcile = async (): Promise<void> => {
        const open = ranges.map((_, i) => i).filter((i) => !merger.has(i) && !collecting.has(i));
        if (open.length === 0) return;
        const p = client.pipeline();
        for (const i of open)
          p.exists(resultKey(runId, i))
            .zscore(queue.keys.failed!, chunkJobId(runId, i))
            .exists(queue.toKey(chunkJobId(runId, i)));
        const replies = (await p.exec()) ?? [];
        const lost: number[] = [];
        for (const [k, i] of open.entries()) {
          if (settled) return;
          const [, stored] = replies[3 * k] ?? [];
          const [, failedAt] = replies[3 * k + 1] ?? [];
          const [, queued] = replies[3 * k + 2] ?? [];
          if (stored === 1) state.collect(i);
          else if (failedAt !== null && failedAt !== undefined) {
            const bj = await BullJob.fromId(queue, chunkJobId(runId, i));
            state.fail(i, bj?.failedReason ?? 'failed');
          } else if (queued === 0 && (await client.exists(resultKey(runId, i))) === 0)
            if (!merger.has(i) && !collecting.has(i)) lost.push(i);
        }
        if (lost.length > 0 && !settled) {
          await client.set(jobKey(hash), text, 'EX', STORE_TTL_SECONDS);
          await addChunks(lost);
        }
      };
      const timer = setInterval(() => void reconcile().catch(() => undefined), reconcileMs);

      const add = async (): Promise<void> => {
        await addChunks(ranges.map((_, i) => i));
        // CLIENT LIST may be forbidden by the server's ACL: then no warning, nothing else changes.
        if (options.onNoWorkers === undefined || warned) return;
        const workers = await queue.getWorkersCount().catch(() => undefined);
        if (workers === 0 && !warned) {
          warned = true;
          options.onNoWorkers();
        }
      };
      add().catch((e: unknown) =>
        finish(
          new BulwarkError(
            'unavailable',
            `could not queue the chunks: ${e instanceof Error ? e.message : String(e)}`,
          ),
        ),
      );
    });
  };

  return {
    run,
    close: async () => {
      // Bounded too: closing waits on Redis, which may be gone.
      await within(3000, Promise.allSettled([events.close(), queue.close()]));
      eventsClient.disconnect();
      client.disconnect();
    },
  };
}
