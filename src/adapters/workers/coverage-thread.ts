/**
 * Worker-thread entry of the coverage thread (coverage-worker.ts): computes the workspace's pledged-plan
 * coverage with its own warm HiGHS instance, one scenario at a time, in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { pledgedCoverage } from '../../core/plan/index.js';
import { createHighsSolver } from '../highs/index.js';
import type { FromCoverageThread, ToCoverageThread } from './coverage-worker.js';

const solver = createHighsSolver();
const reply = (m: FromCoverageThread): void => parentPort?.postMessage(m);
const failed = (id: number, e: unknown): void =>
  reply({ id, ok: false, message: e instanceof Error ? e.message : String(e) });

parentPort?.on('message', (m: ToCoverageThread) => {
  solver.then(
    (s) => {
      try {
        reply({ id: m.id, ok: true, value: pledgedCoverage(m.scenario, s) });
      } catch (e) {
        failed(m.id, e);
      }
    },
    (e: unknown) => failed(m.id, e),
  );
});
