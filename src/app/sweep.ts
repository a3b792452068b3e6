/**
 * The sweep use case: a grid or Latin hypercube over scenario parameters, each point an assurance run of
 * the base case (and of each compared variant applied on top of the point) with the same seed, so every
 * point sees the same random numbers (common random numbers: differences between points are the
 * parameters', not the draws'). Every point is applied and validated before anything runs; each case's
 * force is chosen as in `assure` (`simulationCases`), per point.
 */
import { loadScenario, locateIssues } from '../adapters/files/index.js';
import { runAssurance, type JobRunner } from '../core/assure/index.js';
import type { LpSolver } from '../core/plan/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, formatIssue, type Issue } from '../core/shared/index.js';
import {
  applyPoint,
  buildDesign,
  parseDesign,
  parseSweepParams,
  sweepRows,
  type SweepParam,
  type SweepPoint,
  type SweepRow,
} from '../core/sweep/index.js';
import {
  applyVariantCases,
  variantCases,
  peakPersonnel,
  simulationCases,
  type ForceSourceChoice,
  type SimulationCase,
  type VariantCase,
} from './simulation.js';

export interface SweepRequest {
  /** A file path, a built-in scenario name, or `-` for stdin. */
  readonly ref: string;
  /** `--param` texts: `path=v1,v2,…` (grid) or `path=lo..hi` (Latin hypercube). */
  readonly params: readonly string[];
  /** `grid` (default) or `lhs:N`. */
  readonly design?: string;
  /** Variants compared with the base at every point (applied after the point's values). */
  readonly variants?: readonly string[];
  /** Runs per case and point (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  /** Seed of every point's runs and of the hypercube (default: the scenario's `assurance.seed`). */
  readonly seed?: number;
  /** Where every case's force comes from (default `auto`: see `caseForceSource`). */
  readonly forceSource?: ForceSourceChoice;
  /** Solver for planned forces (default: HiGHS, loaded when needed). */
  readonly solver?: LpSolver;
  readonly runner: JobRunner;
  /** Points run at once (1 for the local pool; several keep queue workers busy). Default 1. */
  readonly parallel?: number;
  readonly stdin?: () => string;
  /** Runs done over all points and cases. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SweepReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly design: string;
  readonly seed: number;
  readonly runs: number;
  readonly variants: readonly string[];
  readonly params: readonly SweepParam[];
  readonly points: readonly SweepPoint[];
  readonly rows: readonly SweepRow[];
  /** The force each case simulated at each point, in point then case order. */
  readonly forces: readonly SweepForce[];
}

export interface SweepForce {
  readonly point: number;
  readonly case: string;
  readonly forceSource: SimulationCase['forceSource'];
  /** Σ of each nation's peak personnel. */
  readonly peakPersonnel: number;
  readonly plan?: SimulationCase['plan'];
  readonly identicalTo?: string;
}

const invalid = (what: string, issues: readonly Issue[]): BulwarkError =>
  new BulwarkError('usage', `${what}:\n${issues.map(formatIssue).join('\n')}`, issues);

/**
 * A parameter sweep (grid or Latin hypercube over scenario paths) on common random numbers: one row per
 * point and case. Throws `usage` naming the parameter for an invalid path or range, `scenario-invalid` when
 * a point's scenario does not validate, and the runner's error when cancelled.
 */
export async function runSweep(req: SweepRequest): Promise<SweepReport> {
  const loaded = loadScenario(req.ref, [], req.stdin);
  const base = loaded.scenario;
  if (base.adversary === undefined)
    throw new BulwarkError('usage', `scenario "${base.meta.id}" has no adversary block: nothing to simulate`);
  const seed = req.seed ?? base.assurance.seed;
  const runs = req.runs ?? base.assurance.runs;
  const variants = req.variants ?? [];
  // Unknown or broken variants named once, with their place in the file, before any point is built.
  variantCases(base, variants, (i) => locateIssues(loaded, i));
  const designText = req.design ?? 'grid';
  const params = parseSweepParams(req.params);
  if (!params.ok) throw invalid('bad --param', params.error);
  const design = parseDesign(designText);
  if (!design.ok) throw invalid('bad --design', design.error);
  const points = buildDesign(params.value, design.value, seed);
  if (!points.ok) throw invalid('cannot build the design', points.error);

  // Every point's cases, checked before any run.
  const issues: Issue[] = [];
  const applied = points.value.map((point): { scenario: Scenario; variants: VariantCase[] } | undefined => {
    const s = applyPoint(base, params.value, point);
    if (!s.ok) {
      issues.push(...s.error);
      return undefined;
    }
    const v = applyVariantCases(s.value, variants);
    if (!v.ok) {
      issues.push(...v.error);
      return undefined;
    }
    return { scenario: s.value, variants: v.value };
  });
  if (issues.length > 0)
    throw new BulwarkError(
      'scenario-invalid',
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in the sweep`,
      issues,
    );
  const caseOptions = {
    ...(req.forceSource === undefined ? {} : { forceSource: req.forceSource }),
    ...(req.solver === undefined ? {} : { solver: req.solver }),
  };
  const plans: SimulationCase[][] = [];
  for (const a of applied) plans.push(await simulationCases(a!.scenario, a!.variants, caseOptions));

  const total = points.value.length * runs;
  const done = new Float64Array(points.value.length);
  let sum = 0;
  const rowsByPoint: SweepRow[][] = new Array<SweepRow[]>(points.value.length);
  const runPoint = async (i: number): Promise<void> => {
    const point = points.value[i]!;
    const result = await runAssurance(plans[i]!, { runs, seed, tornadoRuns: 0 }, req.runner, (d) => {
      sum += d - done[i]!;
      done[i] = d;
      req.onProgress?.(sum, total);
    });
    if (!result.ok) throw invalid(`sweep point ${i}`, result.error);
    rowsByPoint[i] = sweepRows(params.value, point, result.value);
  };
  const parallel = Math.max(1, Math.floor(req.parallel ?? 1));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < points.value.length) await runPoint(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, points.value.length) }, lane));

  return {
    scenario: { id: base.meta.id, title: base.meta.title, hash: loaded.hash },
    design: designText,
    seed,
    runs,
    variants,
    params: params.value,
    points: points.value,
    rows: rowsByPoint.flat(),
    forces: plans.flatMap((cases, i) =>
      cases.map((c) => ({
        point: points.value[i]!.index,
        case: c.id,
        forceSource: c.forceSource,
        peakPersonnel: peakPersonnel(c.force),
        ...(c.plan === undefined ? {} : { plan: c.plan }),
        ...(c.identicalTo === undefined ? {} : { identicalTo: c.identicalTo }),
      })),
    ),
  };
}
