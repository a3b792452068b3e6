/**
 * One fuzz input through the use cases, in process, as the CLI calls them: validate, and for a valid
 * scenario plan (with resilience), assure (few runs, in this thread), the credibility game and — for a
 * sample — the briefing; a game file goes to the game. Each outcome is classified: a user error must be a
 * `BulwarkError` with an exit status of 2 whose issues all carry file:line:col; anything else is a finding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkScenario } from '../../src/adapters/files/index.js';
import { createHighsSolver } from '../../src/adapters/highs/index.js';
import { runAssure, runBrief, runGame, runPlan, loadInput } from '../../src/app/index.js';
import { exitStatus } from '../../src/cli/exit-status.js';
import { inlineRunner } from '../../src/core/assure/index.js';
import type { LpSolver } from '../../src/core/plan/index.js';
import { BulwarkError, type Issue } from '../../src/core/shared/index.js';

export type FindingKind = 'crash' | 'hang' | 'oom' | 'non-finite' | 'unlocated';

export interface Finding {
  readonly kind: FindingKind;
  /** The step that found it: validate, plan, assure, game, brief. */
  readonly step: string;
  readonly detail: string;
}

export interface TargetResult {
  /** `valid` when the scenario validated (and so went through the analyses). */
  readonly verdict: 'valid' | 'invalid' | 'game-file';
  readonly steps: readonly string[];
  readonly findings: readonly Finding[];
}

export interface TargetOptions {
  /** Run the briefing too (slow: a sample of the valid inputs). */
  readonly brief: boolean;
  /** Monte Carlo runs for assure (and the briefing). */
  readonly runs: number;
  /** Plan with resilience (the plan re-solved without each nation: slow on the large scenarios). */
  readonly resilience?: boolean;
}

let solver: Promise<LpSolver> | undefined;
const dir = join(tmpdir(), `bulwark-fuzz-${process.pid}`);

/** Loads the solver (once per thread), so that no input pays for it. */
export async function warmUp(): Promise<void> {
  solver ??= createHighsSolver();
  await solver;
}

/** Paths to the first NaN or ±Infinity in a result (JSON would print them as null). */
export function nonFinite(value: unknown, limit = 3): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const stack: { v: unknown; p: string }[] = [{ v: value, p: '$' }];
  while (stack.length > 0 && out.length < limit) {
    const { v, p } = stack.pop() as { v: unknown; p: string };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push(`${p}=${v}`);
    } else if (v !== null && typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
      if (ArrayBuffer.isView(v)) {
        const arr = v as unknown as ArrayLike<number>;
        for (let i = 0; i < arr.length; i++)
          if (typeof arr[i] === 'number' && !Number.isFinite(arr[i])) {
            out.push(`${p}[${i}]=${arr[i]}`);
            break;
          }
      } else if (v instanceof Map) for (const [k, x] of v) stack.push({ v: x, p: `${p}.${String(k)}` });
      else if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, p: `${p}[${i}]` }));
      else for (const [k, x] of Object.entries(v)) stack.push({ v: x, p: `${p}.${k}` });
    }
  }
  return out;
}

const unlocated = (issues: readonly Issue[]): Issue[] =>
  issues.filter((i) => i.file === undefined || i.line === undefined || i.column === undefined);

/** Classifies what a step threw: a located user error is fine; anything else is a finding. */
function classify(step: string, e: unknown, findings: Finding[]): void {
  if (e instanceof BulwarkError) {
    if (exitStatus[e.code] !== 2) {
      findings.push({ kind: 'crash', step, detail: `${e.code} (exit ${exitStatus[e.code]}): ${e.message}` });
      return;
    }
    const bad = unlocated(e.issues);
    if (bad.length > 0 && (e.code === 'scenario-invalid' || e.code === 'input-unreadable'))
      findings.push({
        kind: 'unlocated',
        step,
        detail: bad.map((i) => `${i.code} at ${i.path.join('.')}: ${i.message}`).join(' | '),
      });
    return;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  findings.push({
    kind: 'crash',
    step,
    detail: `${err.name}: ${err.message}\n${(err.stack ?? '').split('\n').slice(1, 6).join('\n')}`,
  });
}

/** Runs one input (written to a temporary file named `name`) through the use cases. */
export async function runTarget(name: string, text: string, options: TargetOptions): Promise<TargetResult> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  const findings: Finding[] = [];
  const steps: string[] = ['validate'];
  const isGame = /^\s*(players|root)\s*:/m.test(text) && !/^\s*meta\s*:/m.test(text);
  if (isGame) {
    steps.push('game');
    try {
      const g = runGame({ ref: file });
      for (const p of nonFinite(g)) findings.push({ kind: 'non-finite', step: 'game', detail: p });
    } catch (e) {
      classify('game', e, findings);
    }
    return { verdict: 'game-file', steps, findings };
  }
  let valid = false;
  try {
    const r = checkScenario(file);
    const bad = unlocated(r.issues);
    if (bad.length > 0)
      findings.push({
        kind: 'unlocated',
        step: 'validate',
        detail: bad.map((i) => `${i.code} at ${i.path.join('.')}: ${i.message}`).join(' | '),
      });
    valid = r.loaded !== undefined;
    if (r.loaded !== undefined)
      for (const p of nonFinite(r.loaded.scenario))
        findings.push({ kind: 'non-finite', step: 'validate', detail: p });
  } catch (e) {
    classify('validate', e, findings);
  }
  if (!valid) return { verdict: 'invalid', steps, findings };
  solver ??= createHighsSolver();
  const lp = await solver;
  const step = async (name: string, fn: () => unknown): Promise<void> => {
    steps.push(name);
    try {
      const out = await fn();
      for (const p of nonFinite(out)) findings.push({ kind: 'non-finite', step: name, detail: p });
    } catch (e) {
      classify(name, e, findings);
    }
  };
  await step('plan', () =>
    runPlan({ loaded: loadInput(file), resilience: options.resilience ?? true, solver: lp }),
  );
  await step('assure', () =>
    runAssure({
      loaded: loadInput(file),
      runs: options.runs,
      tornadoRuns: 0,
      runner: inlineRunner,
      solver: lp,
    }),
  );
  await step('game', () => runGame({ ref: file }));
  if (options.brief)
    await step('brief', async () => {
      const b = await runBrief({
        loaded: loadInput(file),
        runs: options.runs,
        tornadoRuns: 0,
        runner: inlineRunner,
        solver: lp,
        bulwarkVersion: 'fuzz',
        generatedAt: '2026-01-01T00:00:00Z',
        frontier: false,
      });
      return { briefing: b.briefing, plan: b.plan, assurance: b.assurance };
    });
  return { verdict: 'valid', steps, findings };
}
