/** Fuzz worker thread: runs one input at a time through `runTarget` and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { runTarget, type TargetOptions } from './target.js';

parentPort?.on('message', (m: { id: number; name: string; text: string; options: TargetOptions }) => {
  void runTarget(m.name, m.text, m.options).then(
    (result) => parentPort?.postMessage({ id: m.id, result }),
    (e: unknown) =>
      parentPort?.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
