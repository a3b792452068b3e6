/**
 * The one pool of worker threads, in two lanes that speak one protocol (thread-protocol.ts):
 * - the simulation lane computes chunks — a range [from, to) of a job's runs — one chunk per thread at a
 *   time; callers beyond that wait in line. A thread keeps the last few jobs it was sent, by key, so a job
 *   is sent to each thread once. Two users: the local pool (`pool.ts`, which splits an analysis's runs into
 *   chunks and merges them in order) and a `bulwark worker` process, which computes the queue's chunks here
 *   so BullMQ's lock renewals on the main thread are never starved;
 * - the coverage lane is one dedicated thread with a warm HiGHS instance that solves the workspace's
 *   pledged plans (50–300 ms each), off the server's event loop and never queued behind a simulation.
 * An in-process executor (`runChunk` on the calling thread) serves tests and one-core hosts.
 *
 * Threads are unreferenced while idle, so a kept pool never holds a process open. They load the built
 * `simulation-thread.js` / `coverage-thread.js` under dist/; from TypeScript sources they register tsx first, since
 * Node 20 cannot run .ts. The simulation thread loads only the simulation (thread-graph.test.ts).
 */
import { Worker } from 'node:worker_threads';
import { runChunk, type Job, type PartialStats } from '../../core/assure/index.js';
import type { PledgedCoverage } from '../../core/plan/index.js';
import type { Scenario } from '../../core/scenario/index.js';
import { THREAD_JOB_CACHE, type FromThread, type ToThread } from './thread-protocol.js';

export interface ChunkExecutor {
  /**
   * Runs [from, to) of the job known as `hash` (one key per job: the queue's content hash, or the local
   * pool's key). Rejects if the computation throws or a thread dies, or — while it still waits for a
   * thread — when `signal` aborts (a chunk already computing finishes and is discarded).
   */
  run(
    hash: string,
    job: Job,
    seed: number,
    from: number,
    to: number,
    signal?: AbortSignal,
  ): Promise<PartialStats[]>;
  /** Chunks it can compute at once. */
  readonly size: number;
  close(): Promise<void>;
}

/** Computes chunks on the calling thread, one at a time. */
export function inlineExecutor(): ChunkExecutor {
  return {
    size: 1,
    run: (_hash, job, seed, from, to) => {
      try {
        return Promise.resolve(runChunk(job, seed, from, to));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    close: () => Promise.resolve(),
  };
}

const fromSource = import.meta.url.endsWith('.ts');

/** The signal's reason as an Error (AbortSignal.abort() gives a DOMException, which is one). */
export function abortReason(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  return r instanceof Error ? r : new Error('cancelled');
}

/** A worker thread running `./<name>.js` of this folder (from the sources, `./<name>.ts` through tsx). */
export function spawnThread(name: string): Worker {
  if (!fromSource) return new Worker(new URL(`./${name}.js`, import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

/** A lane's thread, and what it is computing (one task at a time). */
interface Slot {
  worker: Worker;
  /** Hashes of the jobs the thread holds, oldest first (mirrors the thread's cache; simulation lane). */
  jobs: string[];
  task: { id: number; resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
}

/** A task waiting for a thread: `send` posts what the thread needs for it, under the task's id. */
interface Task {
  send: (slot: Slot, id: number) => void;
  signal: AbortSignal | undefined;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * One lane of the pool: up to `size` threads of the entry `./<entry>.js`, one task each, the rest waiting
 * in line. A lane's threads start on first use; a thread that dies rejects its task and is replaced.
 */
function lane(entry: string, size: number) {
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: spawnThread(entry), jobs: [], task: undefined };
    slot.worker.unref();
    slot.worker.on('message', (m: FromThread) => {
      const t = slot.task;
      if (t === undefined || t.id !== m.id) return;
      slot.task = undefined;
      slot.worker.unref();
      if (m.type === 'error') t.reject(new Error(m.message));
      else t.resolve(m.value);
      pump();
    });
    const die = (e: unknown): void => {
      const t = slot.task;
      slot.task = undefined;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      t?.reject(e instanceof Error ? e : new Error(`${entry} exited (${String(e)})`));
      if (!closed) pump();
    };
    slot.worker.on('error', die);
    slot.worker.on('exit', (code) => die(new Error(`${entry} exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  const pump = (): void => {
    while (!closed && waiting.length > 0) {
      let slot = slots.find((s) => s.task === undefined);
      if (slot === undefined && slots.length < size) slot = start();
      if (slot === undefined) return;
      const t = waiting.shift()!;
      if (t.signal?.aborted === true) continue;
      slot.worker.ref();
      const id = nextId++;
      slot.task = { id, resolve: t.resolve, reject: t.reject };
      t.send(slot, id);
    }
  };

  return {
    /** Queues a task; rejects on its failure, its thread's death, or `signal` while it still waits. */
    run: <T>(send: Task['send'], signal: AbortSignal | undefined): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (closed) return reject(new Error('thread pool is closed'));
        if (signal?.aborted === true) return reject(abortReason(signal));
        const task: Task = { send, signal, resolve: resolve as (v: unknown) => void, reject };
        waiting.push(task);
        signal?.addEventListener(
          'abort',
          () => {
            const i = waiting.indexOf(task);
            if (i >= 0) {
              waiting.splice(i, 1);
              reject(abortReason(signal));
            }
          },
          { once: true },
        );
        pump();
      }),
    close: async (): Promise<void> => {
      closed = true;
      for (const t of waiting.splice(0)) t.reject(new Error('thread pool closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

/** The pool's executor: the simulation lane's chunks, and a coverage lane of its own (one warm thread). */
export interface ThreadExecutor extends ChunkExecutor {
  /**
   * The scenario's pledged-plan summary and coverage, solved on the coverage lane's thread (its own warm
   * HiGHS instance), so a workspace's requests never wait behind a solve, nor a solve behind a simulation.
   */
  coverage(scenario: Scenario, signal?: AbortSignal): Promise<PledgedCoverage>;
}

/**
 * A pool of `threads` simulation threads computing one chunk each (callers beyond that wait in line), and
 * one coverage thread. Both lanes speak one protocol (thread-protocol.ts) and start on first use.
 */
export function threadExecutor(threads: number): ThreadExecutor {
  const size = Math.max(1, Math.floor(threads));
  const simulation = lane('simulation-thread', size);
  const coverage = lane('coverage-thread', 1);

  return {
    size,
    run: (hash, job, seed, from, to, signal) =>
      simulation.run<PartialStats[]>((slot, id) => {
        if (!slot.jobs.includes(hash)) {
          const msg: ToThread = { type: 'job', hash, job };
          slot.worker.postMessage(msg);
          slot.jobs.push(hash);
          while (slot.jobs.length > THREAD_JOB_CACHE) slot.jobs.shift();
        }
        const msg: ToThread = { type: 'chunk', id, hash, seed, from, to };
        slot.worker.postMessage(msg);
      }, signal),
    coverage: (scenario, signal) =>
      coverage.run<PledgedCoverage>((slot, id) => {
        const msg: ToThread = { type: 'coverage', id, scenario };
        slot.worker.postMessage(msg);
      }, signal),
    close: async () => {
      await Promise.all([simulation.close(), coverage.close()]);
    },
  };
}
