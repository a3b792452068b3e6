/**
 * Fuzz worker thread: loads the use cases and the solver, says it is ready (the harness's time bound
 * starts only then), and runs one input at a time through `runTarget`.
 */
import { parentPort } from 'node:worker_threads';
import { runTarget, warmUp, type TargetOptions } from './target.js';

await warmUp();
parentPort?.on('message', (m: { id: number; name: string; text: string; options: TargetOptions }) => {
  void runTarget(m.name, m.text, m.options).then(
    (result) => parentPort?.postMessage({ id: m.id, result }),
    (e: unknown) =>
      parentPort?.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
parentPort?.postMessage({ ready: true });
