/**
 * The workspace's coverage off the server's event loop: one worker thread that solves the pledged plan of
 * each scenario version it is sent (`pledgedCoverage`, core/plan) and posts back the summary and coverage
 * (plain data). A plan solve takes 50–300 ms on this machine; on the main thread every request queued
 * behind it waited that long (docs/performance.md, "Workspace under load").
 *
 * One thread, started on first use and kept; it is unreferenced while idle, so it never holds a process
 * open. If it dies, what it was computing is rejected and the next call starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import type { PledgedCoverage } from '../../core/plan/index.js';
import type { Scenario } from '../../core/scenario/index.js';
import { spawnThread } from './threads.js';

export interface ToCoverageThread {
  readonly id: number;
  readonly scenario: Scenario;
}

export type FromCoverageThread =
  | { readonly id: number; readonly ok: true; readonly value: PledgedCoverage }
  | { readonly id: number; readonly ok: false; readonly message: string };

export interface CoverageWorker {
  /** The scenario's summary and coverage by mission, computed on the thread. */
  compute(scenario: Scenario): Promise<PledgedCoverage>;
  /** Terminates the thread; a later `compute` starts a new one. */
  close(): Promise<void>;
}

export function coverageWorker(): CoverageWorker {
  let worker: Worker | undefined;
  const pending = new Map<number, { resolve: (v: PledgedCoverage) => void; reject: (e: Error) => void }>();
  let nextId = 1;

  const start = (): Worker => {
    const w = spawnThread('coverage-thread');
    w.unref();
    w.on('message', (m: FromCoverageThread) => {
      const p = pending.get(m.id);
      if (p === undefined) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.message));
    });
    const die = (e: Error): void => {
      if (worker !== w) return;
      worker = undefined;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    w.on('error', die);
    w.on('exit', (code) => die(new Error(`coverage thread exited with code ${code}`)));
    return w;
  };

  return {
    compute: (scenario) =>
      new Promise((resolve, reject) => {
        worker ??= start();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.ref();
        const msg: ToCoverageThread = { id, scenario };
        worker.postMessage(msg);
      }),
    close: async () => {
      const w = worker;
      worker = undefined;
      for (const p of pending.values()) p.reject(new Error('coverage worker closed'));
      pending.clear();
      if (w !== undefined) await w.terminate();
    },
  };
}
