/**
 * The assurance use case: open a scenario, build one case for the base scenario and one per compared
 * variant (each simulated on its own pledged force, on the same runs: common random numbers), run the
 * Monte Carlo through a worker pool (or a given runner), and return the result with its provenance.
 */
import { loadScenario } from '../adapters/files/index.js';
import { createWorkerPool } from '../adapters/workers/index.js';
import {
  runAssurance,
  type AssuranceCase,
  type AssuranceResult,
  type JobRunner,
} from '../core/assure/index.js';
import { applyVariants } from '../core/scenario/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';

export interface AssureRequest {
  /** A file path, a built-in scenario name, or `-` for stdin. */
  readonly ref: string;
  /** Variants compared with the base scenario, each its own case (in this order, after the base). */
  readonly variants?: readonly string[];
  /** Monte Carlo runs per case (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  /** Seed (default: the scenario's `assurance.seed`). */
  readonly seed?: number;
  /** Runs for the tornado (default: a tenth of `runs`, at least 1,000; 0 for none). */
  readonly tornadoRuns?: number;
  /** Runs for Sobol indices (default 0: none). */
  readonly sobolRuns?: number;
  /** Worker threads when no runner is given (default: all cores). */
  readonly workers?: number;
  readonly runner?: JobRunner;
  readonly signal?: AbortSignal;
  readonly stdin?: () => string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface AssureReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly variants: readonly string[];
  readonly result: AssuranceResult;
}

/** Default tornado runs: a tenth of the main runs, at least 1,000 (never more than the runs). */
export const defaultTornadoRuns = (runs: number): number =>
  Math.min(runs, Math.max(1000, Math.round(runs / 10)));

export async function runAssure(req: AssureRequest): Promise<AssureReport> {
  const loaded = loadScenario(req.ref, [], req.stdin);
  const base = loaded.scenario;
  if (base.adversary === undefined)
    throw new BulwarkError('usage', `scenario "${base.meta.id}" has no adversary block: nothing to simulate`);
  const variants = req.variants ?? [];
  const cases: AssuranceCase[] = [{ id: 'base', label: 'as pledged', scenario: base }];
  for (const id of variants) {
    const r = applyVariants(base, [id]);
    if (!r.ok) throw new BulwarkError('scenario-invalid', r.error.map(formatIssue).join('\n'), r.error);
    cases.push({ id, label: base.variants.find((v) => v.id === id)?.name ?? id, scenario: r.value.scenario });
  }
  const runs = req.runs ?? base.assurance.runs;
  const seed = req.seed ?? base.assurance.seed;
  const tornadoRuns = req.tornadoRuns ?? defaultTornadoRuns(runs);
  const pool =
    req.runner === undefined
      ? createWorkerPool({
          ...(req.workers === undefined ? {} : { workers: req.workers }),
          ...(req.signal === undefined ? {} : { signal: req.signal }),
        })
      : undefined;
  try {
    const result = await runAssurance(
      cases,
      { runs, seed, tornadoRuns, sobolRuns: req.sobolRuns ?? 0 },
      req.runner ?? pool!.run,
      req.onProgress,
    );
    if (!result.ok)
      throw new BulwarkError('scenario-invalid', result.error.map(formatIssue).join('\n'), result.error);
    return {
      scenario: { id: base.meta.id, title: base.meta.title, hash: loaded.hash },
      variants,
      result: result.value,
    };
  } finally {
    await pool?.close();
  }
}
