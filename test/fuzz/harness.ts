/**
 * The fuzz harness: inputs from `makeInput(seed, i)` run in worker threads, each with a time bound (the
 * worker is terminated and the input reported as a hang) and a memory bound (`resourceLimits`; the
 * worker dies and the input is reported as `oom`). A finding is a crash (an exception, or an error of
 * exit status 1), a hang, an out-of-memory, a non-finite number in a result, or an issue without
 * file:line:col. Same seed → same inputs → same report.
 */
import { Worker } from 'node:worker_threads';
import { loadCorpus, makeInput, type FuzzInput } from './mutate.js';
import type { Finding, FindingKind, TargetResult } from './target.js';

export interface FuzzOptions {
  readonly seed: number;
  /** Inputs to run, from `first`. */
  readonly inputs: number;
  readonly first?: number;
  /** Worker threads (default 1). */
  readonly workers?: number;
  /** Time bound per input, ms (default 60,000). */
  readonly timeoutMs?: number;
  /** Old-generation heap bound per worker, MB (default 1,024). */
  readonly memoryMb?: number;
  /** Monte Carlo runs per assure (default 10). */
  readonly runs?: number;
  /** Run the briefing on every n-th valid input (default 100; 0: never). */
  readonly briefEvery?: number;
  readonly onResult?: (input: FuzzInput, outcome: Outcome, done: number) => void;
}

export interface Outcome {
  readonly verdict: TargetResult['verdict'] | 'none';
  readonly steps: readonly string[];
  readonly findings: readonly Finding[];
  readonly ms: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly first: number;
  readonly inputs: number;
  readonly valid: number;
  readonly invalid: number;
  readonly gameFiles: number;
  /** Indices whose mutation could not be built (e.g. cloning a tree nested too deep): not run. */
  readonly skipped: number;
  /** Inputs that reached each step. */
  readonly steps: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<FindingKind, number>>;
  /** Inputs with findings: index, how it was made, and the findings. */
  readonly failures: readonly { index: number; how: string; from: string; findings: readonly Finding[] }[];
  readonly seconds: number;
}

const fromSource = import.meta.url.endsWith('.ts');

/** A worker, resolved once it has loaded the code and the solver (start-up is not an input's time). */
function spawn(memoryMb: number): Promise<Worker> {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 };
  let w: Worker;
  if (!fromSource) w = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits });
  else {
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    w = new Worker(code, { eval: true, resourceLimits });
  }
  return new Promise((resolve, reject) => {
    const onMessage = (m: { ready?: boolean }): void => {
      if (m.ready !== true) return;
      w.off('message', onMessage);
      w.off('error', reject);
      resolve(w);
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
}

/** Runs one input in `worker`, bounded by `timeoutMs`; resolves with the outcome and whether the worker survived. */
function runIn(
  worker: Worker,
  input: FuzzInput,
  options: { runs: number; brief: boolean; resilience: boolean },
  timeoutMs: number,
): Promise<{ outcome: Outcome; alive: boolean }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<Outcome, 'ms'>, alive: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ outcome: { ...outcome, ms: Math.round(performance.now() - t0) }, alive });
    };
    const timer = setTimeout(() => {
      void worker.terminate();
      done(
        {
          verdict: 'none',
          steps: [],
          findings: [{ kind: 'hang', step: '?', detail: `over ${timeoutMs} ms` }],
        },
        false,
      );
    }, timeoutMs);
    const onMessage = (m: { id: number; result?: TargetResult; error?: string }): void => {
      if (m.result !== undefined) done({ ...m.result }, true);
      else
        done(
          {
            verdict: 'none',
            steps: [],
            findings: [{ kind: 'crash', step: 'harness', detail: m.error ?? 'unknown' }],
          },
          true,
        );
    };
    const onError = (e: Error): void => {
      const oom = /memory|ERR_WORKER_OUT_OF_MEMORY/i.test(
        `${(e as { code?: string }).code ?? ''} ${e.message}`,
      );
      done(
        {
          verdict: 'none',
          steps: [],
          findings: [{ kind: oom ? 'oom' : 'crash', step: '?', detail: e.message }],
        },
        false,
      );
    };
    const onExit = (code: number): void =>
      done(
        {
          verdict: 'none',
          steps: [],
          findings: [{ kind: 'crash', step: '?', detail: `worker exited with ${code}` }],
        },
        false,
      );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id: input.index, name: input.name, text: input.text, options });
  });
}

/** Runs the fuzz campaign and returns its report. */
export async function fuzz(o: FuzzOptions): Promise<FuzzReport> {
  const t0 = performance.now();
  const corpus = loadCorpus();
  const first = o.first ?? 0;
  const memoryMb = o.memoryMb ?? 1024;
  const timeoutMs = o.timeoutMs ?? 60_000;
  const runs = o.runs ?? 10;
  const briefEvery = o.briefEvery ?? 100;
  const counts: Record<FindingKind, number> = { crash: 0, hang: 0, oom: 0, 'non-finite': 0, unlocated: 0 };
  const steps: Record<string, number> = {};
  const failures: FuzzReport['failures'][number][] = [];
  let valid = 0;
  let invalid = 0;
  let gameFiles = 0;
  let skipped = 0;
  let next = first;
  let done = 0;
  const end = first + o.inputs;
  const lane = async (): Promise<void> => {
    let worker = await spawn(memoryMb);
    try {
      while (next < end) {
        const index = next++;
        let input: FuzzInput;
        try {
          input = makeInput(corpus, o.seed, index);
        } catch {
          skipped++;
          continue;
        }
        // The briefing on a deterministic sample of the inputs (by index, so a replay runs it too).
        const brief = briefEvery > 0 && index % briefEvery === 0;
        const resilience = index % 10 === 0;
        const { outcome, alive } = await runIn(worker, input, { runs, brief, resilience }, timeoutMs);
        if (!alive) {
          await worker.terminate();
          worker = await spawn(memoryMb);
        }
        if (outcome.verdict === 'valid') valid++;
        else if (outcome.verdict === 'invalid') invalid++;
        else if (outcome.verdict === 'game-file') gameFiles++;
        for (const s of outcome.steps) steps[s] = (steps[s] ?? 0) + 1;
        const kinds = new Set(outcome.findings.map((f) => f.kind));
        for (const k of kinds) counts[k]++;
        if (outcome.findings.length > 0)
          failures.push({ index, how: input.how, from: input.from, findings: outcome.findings });
        done++;
        o.onResult?.(input, outcome, done);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.workers ?? 1) }, lane));
  failures.sort((a, b) => a.index - b.index);
  return {
    seed: o.seed,
    first,
    inputs: done,
    valid,
    invalid,
    gameFiles,
    skipped,
    steps,
    counts,
    failures,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  };
}
