/**
 * The simulation's optimised code survives a thread's next job whose models differ in value only (the
 * tornado's; docs/performance.md, "Warm-up"). The check runs in a child process under
 * --allow-natives-syntax: it optimises a function that reads the model with %OptimizeFunctionOnNextCall,
 * receives the next job as a thread does, and reads %GetOptimizationStatus. No timing: a model shape
 * changed under the optimised code deoptimises it, which the status shows.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const url = (path: string): string => new URL(path, import.meta.url).href;

/** Runs an ES module body in a child Node with natives syntax and tsx; returns what it printed as JSON. */
function child(body: string): Record<string, number> {
  const head = `
    const status = new Function('f', 'return %GetOptimizationStatus(f)');
    const prepare = new Function('f', '%PrepareFunctionForOptimization(f)');
    const optimiseNext = new Function('f', '%OptimizeFunctionOnNextCall(f)');
    const assure = await import(${JSON.stringify(url('../../core/assure/index.ts'))});
    const { loadFixture } = await import(${JSON.stringify(url('../../../test/helpers.ts'))});
  `;
  const out = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', head + body],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** V8's status bit "optimised" (runtime.h, OptimizationStatus::kOptimized). */
const OPTIMISED = 1 << 4;

describe("a simulation thread's optimised code", () => {
  it("is not thrown away when a later job's model has a fractional value where the first had an integer", () => {
    // A worker thread receives the jobs by postMessage, as a pool thread does.
    const r = child(`
      const { Worker } = await import('node:worker_threads');
      const inThread = \`
        const { parentPort } = await import('node:worker_threads');
        (await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();
        const status = new Function('f', 'return %GetOptimizationStatus(f)');
        const prepare = new Function('f', '%PrepareFunctionForOptimization(f)');
        const optimiseNext = new Function('f', '%OptimizeFunctionOnNextCall(f)');
        const assure = await import(${JSON.stringify(url('../../core/assure/index.ts'))});
        const { handleThreadMessage } = await import(${JSON.stringify(url('./thread-protocol.ts'))});
        const det = assure.emptyDeterrence();
        const jobs = [];
        const fill = (x) =>
          assure.fillDeterrence(x, det, 0, new Uint8Array(x.nations).fill(1), 1, 0.5, 0.3, null);
        parentPort.on('message', (m) => {
          handleThreadMessage(m, () => {});
          jobs.push(m.job);
          if (jobs.length === 1) {
            prepare(assure.fillDeterrence);
            fill(jobs[0].models[0]);
            optimiseNext(assure.fillDeterrence);
            fill(jobs[0].models[0]);
            parentPort.postMessage({ before: status(assure.fillDeterrence) });
          } else {
            fill(jobs[1].models[0]);
            fill(jobs[0].models[0]);
            parentPort.postMessage({ after: status(assure.fillDeterrence) });
          }
        });
      \`;
      const w = new Worker(inThread, { eval: true });
      const next = () => new Promise((ok) => w.once('message', ok));
      const m = assure.compileLadder(loadFixture());
      if (!Number.isInteger(m.wRetaliation)) throw new Error('the fixture must have an integer weight');
      // What a tornado lever sends: the same model with one constant moved to ×1.5.
      const lever = { ...m, wRetaliation: m.wRetaliation * 1.5 };
      // An even weight would stay an integer at ×1.5 and test nothing.
      if (Number.isInteger(lever.wRetaliation)) throw new Error('the lever must make the weight fractional');
      w.postMessage({ type: 'job', hash: 'first', job: { models: [m] } });
      const { before } = await next();
      w.postMessage({ type: 'job', hash: 'second', job: { models: [lever] } });
      const { after } = await next();
      await w.terminate();
      console.log(JSON.stringify({ before, after }));
    `);
    expect(r.before! & OPTIMISED).toBe(OPTIMISED);
    expect(r.after! & OPTIMISED).toBe(OPTIMISED);
  }, 90_000);
});
