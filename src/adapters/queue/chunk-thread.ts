/** Worker-thread entry of a `bulwark worker` process: runs one chunk at a time (see chunk-threads.ts). */
import { parentPort } from 'node:worker_threads';
import { handleThreadMessage, type ToThread } from './chunk-thread-handler.js';

parentPort?.on('message', (m: ToThread) => handleThreadMessage(m, (r, t) => parentPort?.postMessage(r, t)));
