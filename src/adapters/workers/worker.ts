/** Worker entry: receives a job once, then runs chunks of it (all the work is `runChunk`, in the core). */
import { parentPort } from 'node:worker_threads';
import { handleMessage } from './worker-handler.js';

parentPort?.on('message', (m: Parameters<typeof handleMessage>[0]) =>
  handleMessage(m, (r, t) => parentPort?.postMessage(r, t)),
);
