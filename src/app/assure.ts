/**
 * The assurance use case: open a scenario, build one case for the base scenario and one per compared
 * variant (each simulated on its own force — its pledges, or the planner's force for requirements the
 * pledges were not made for — on the same runs: common random numbers), run the Monte Carlo through a
 * thread pool (or a given runner), and return the result with its provenance and each case's force source.
 */
import { runAssurance, type AssurancePhase, type JobRunner } from '../core/assure/index.js';
import type { LpSolver } from '../core/plan/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';
import {
  simulationCases,
  variantCases,
  withForceSources,
  withRunner,
  type ForceSourceChoice,
  type SimulatedAssurance,
} from './simulation.js';
import type { ScenarioInput } from './scenario.js';

export interface AssureRequest {
  /** The base scenario, validated (`loadInput`, `storedInput`). */
  readonly loaded: ScenarioInput;
  /** Variants compared with the base scenario, each its own case (in this order, after the base). */
  readonly variants?: readonly string[];
  /** Monte Carlo runs per case (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  /** Seed (default: the scenario's `assurance.seed`). */
  readonly seed?: number;
  /** Runs per tornado row at most (default: a tenth of `runs`, at least 1,000; 0 for none); rows stop sooner once ranked. */
  readonly tornadoRuns?: number;
  /** Runs for Sobol indices (default 0: none). */
  readonly sobolRuns?: number;
  /** Where every case's force comes from (default `auto`: see `caseForceSource`). */
  readonly forceSource?: ForceSourceChoice;
  /** Solver for planned forces (default: HiGHS, loaded when needed). */
  readonly solver?: LpSolver;
  /** Worker threads when no runner is given (default: all cores). */
  readonly workers?: number;
  readonly runner?: JobRunner;
  readonly signal?: AbortSignal;
  /** Progress in model-runs; the total falls as tornado rows stop. */
  readonly onProgress?: (done: number, total: number, phase: AssurancePhase) => void;
}

export interface AssureReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly variants: readonly string[];
  readonly result: SimulatedAssurance;
}

/** Default cap of runs per tornado row: a tenth of the main runs, at least 1,000 (never more than the runs). */
export const defaultTornadoRuns = (runs: number): number =>
  Math.min(runs, Math.max(1000, Math.round(runs / 10)));

/**
 * Monte Carlo assurance of the base case and each compared variant on common random numbers, on the
 * thread pool (or `runner`). Throws `usage` when the scenario has no adversary, `scenario-invalid` when a
 * compared variant does not apply (its issues located in the file), and the runner's error when cancelled.
 */
export async function runAssure(req: AssureRequest): Promise<AssureReport> {
  const loaded = req.loaded;
  const base = loaded.scenario;
  if (base.adversary === undefined)
    throw new BulwarkError('usage', `scenario "${base.meta.id}" has no adversary block: nothing to simulate`);
  const variants = req.variants ?? [];
  const cases = await simulationCases(
    base,
    variantCases(base, variants, (i) => loaded.locate?.(i) ?? [...i]),
    {
      ...(req.forceSource === undefined ? {} : { forceSource: req.forceSource }),
      ...(req.solver === undefined ? {} : { solver: req.solver }),
    },
  );
  const runs = req.runs ?? base.assurance.runs;
  const seed = req.seed ?? base.assurance.seed;
  const tornadoRuns = req.tornadoRuns ?? defaultTornadoRuns(runs);
  const result = await withRunner(req, (runner) =>
    runAssurance(cases, { runs, seed, tornadoRuns, sobolRuns: req.sobolRuns ?? 0 }, runner, req.onProgress),
  );
  if (!result.ok)
    throw new BulwarkError('scenario-invalid', result.error.map(formatIssue).join('\n'), result.error);
  return {
    scenario: { id: base.meta.id, title: base.meta.title, hash: loaded.hash },
    variants,
    result: withForceSources(result.value, cases),
  };
}
