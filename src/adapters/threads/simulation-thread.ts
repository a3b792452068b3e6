/** Worker-thread entry of the thread pool: runs one chunk at a time (see threads.ts). */
import { parentPort } from 'node:worker_threads';
import { handleThreadMessage, type ToThread } from './thread-protocol.js';

parentPort?.on('message', (m: ToThread) => handleThreadMessage(m, (r, t) => parentPort?.postMessage(r, t)));
