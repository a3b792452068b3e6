/**
 * Worker-thread entry of the pool's coverage lane (threads.ts): solves the pledged plan of each scenario
 * it is sent (`pledgedCoverage`, core/plan) with its own warm HiGHS instance, one at a time, in the order
 * asked, and answers in the pool's protocol (thread-protocol.ts).
 */
import { parentPort } from 'node:worker_threads';
import { pledgedCoverage } from '../../core/plan/index.js';
import { createHighsSolver } from '../highs/index.js';
import { failure, type FromThread, type ToThread } from './thread-protocol.js';

const solver = createHighsSolver();
const reply = (m: FromThread): void => parentPort?.postMessage(m);

parentPort?.on('message', (m: ToThread) => {
  if (m.type !== 'coverage') {
    if (m.type === 'chunk') reply(failure(m.id, 'the coverage thread takes no chunk task'));
    return;
  }
  solver.then(
    (s) => {
      try {
        reply({ type: 'coverage', id: m.id, value: pledgedCoverage(m.scenario, s) });
      } catch (e) {
        reply(failure(m.id, e));
      }
    },
    (e: unknown) => reply(failure(m.id, e)),
  );
});
