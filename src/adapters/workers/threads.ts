/**
 * The one pool of worker threads. It computes chunks — a range [from, to) of a job's
 * runs — one chunk per thread at a time; callers beyond that wait in line. A thread keeps the last few jobs
 * it was sent, by key, so a job is sent to each thread once. Two users: the local pool (`pool.ts`, which
 * splits an analysis's runs into chunks and merges them in order) and a `bulwark worker` process, which
 * computes the queue's chunks here so BullMQ's lock renewals on the main thread are never starved. An
 * in-process executor (`runChunk` on the calling thread) serves tests and one-core hosts.
 *
 * Threads are unreferenced while idle, so a kept pool never holds a process open. They load the built
 * `thread.js` under dist/; from TypeScript sources they register tsx first, since Node 20 cannot run .ts.
 */
import { Worker } from 'node:worker_threads';
import { runChunk, type Job, type PartialStats } from '../../core/assure/index.js';
import { THREAD_JOB_CACHE, type FromThread, type ToThread } from './thread-handler.js';

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

interface Slot {
  worker: Worker;
  /** Hashes of the jobs the thread holds, oldest first (mirrors the thread's cache). */
  jobs: string[];
  task: { id: number; resolve: (s: PartialStats[]) => void; reject: (e: Error) => void } | undefined;
}

interface Task {
  hash: string;
  signal: AbortSignal | undefined;
  job: Job;
  seed: number;
  from: number;
  to: number;
  resolve: (s: PartialStats[]) => void;
  reject: (e: Error) => void;
}

/** A pool of `threads` worker threads computing one chunk each; callers beyond that wait in line. */
export function threadExecutor(threads: number): ChunkExecutor {
  const size = Math.max(1, Math.floor(threads));
  const slots: Slot[] = [];
  const waiting: Task[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: spawnThread('thread'), jobs: [], task: undefined };
    slot.worker.unref();
    slot.worker.on('message', (m: FromThread) => {
      const t = slot.task;
      if (t === undefined || t.id !== m.id) return;
      slot.task = undefined;
      slot.worker.unref();
      if (m.type === 'done') t.resolve(m.stats);
      else t.reject(new Error(m.message));
      pump();
    });
    const die = (e: unknown): void => {
      const t = slot.task;
      slot.task = undefined;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      t?.reject(e instanceof Error ? e : new Error(`chunk thread exited (${String(e)})`));
      if (!closed) pump();
    };
    slot.worker.on('error', die);
    slot.worker.on('exit', (code) => die(new Error(`chunk thread exited with code ${code}`)));
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
      if (!slot.jobs.includes(t.hash)) {
        const msg: ToThread = { type: 'job', hash: t.hash, job: t.job };
        slot.worker.postMessage(msg);
        slot.jobs.push(t.hash);
        while (slot.jobs.length > THREAD_JOB_CACHE) slot.jobs.shift();
      }
      const id = nextId++;
      slot.task = { id, resolve: t.resolve, reject: t.reject };
      const msg: ToThread = { type: 'chunk', id, hash: t.hash, seed: t.seed, from: t.from, to: t.to };
      slot.worker.postMessage(msg);
    }
  };

  return {
    size,
    run: (hash, job, seed, from, to, signal) =>
      new Promise<PartialStats[]>((resolve, reject) => {
        if (closed) return reject(new Error('chunk executor is closed'));
        if (signal?.aborted === true) return reject(abortReason(signal));
        const task: Task = { hash, signal, job, seed, from, to, resolve, reject };
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
    close: async () => {
      closed = true;
      for (const t of waiting.splice(0)) t.reject(new Error('chunk executor closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
