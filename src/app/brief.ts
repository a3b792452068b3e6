/**
 * The briefing use case — Bulwark's main job: plan the pledged force (with resilience) and what the
 * coalition could field, simulate the post-ceasefire period for the base case and each compared variant
 * (on the planned force — from the pledges, or from committable inventories for a variant that changes
 * requirements — with common random numbers), and render one self-contained HTML file.
 */
import { createHighsSolver } from '../adapters/highs/index.js';
import { renderBriefingHtml } from '../adapters/render/index.js';
import { runAssurance, type JobRunner } from '../core/assure/index.js';
import {
  buildBriefing,
  type Briefing,
  type BriefInput,
  type BriefSource,
  type CredibilityBrief,
  type LocaleId,
} from '../core/brief/index.js';
import {
  forceByStatus,
  planForce,
  type ForcePlan,
  type LpSolver,
  type ResilienceReport,
} from '../core/plan/index.js';
import { withMinStatus, type PledgeStatus } from '../core/scenario/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';
import { defaultTornadoRuns } from './assure.js';
import {
  simulationCases,
  variantCases,
  withForceSources,
  withRunner,
  type ForceSourceChoice,
  type SimulatedAssurance,
  type SimulationCase,
} from './simulation.js';
import { analyseScenarioCredibility } from './game.js';
import { runFrontier } from './frontier.js';
import type { ScenarioInput, ScenarioRef } from './scenario.js';
import type { FrontierReport } from '../core/frontier/index.js';

export type BriefPhase = 'plan' | 'assurance' | 'frontier' | 'render';

export interface BriefRequest {
  /** The base scenario, validated (`loadInput`, `storedInput`); the appendix says how to reproduce it. */
  readonly loaded: ScenarioInput;
  /**
   * Variants compared with the base scenario (each planned and simulated as its own case). Default: the
   * scenario's `no-backstop` variant when it has one.
   */
  readonly variants?: readonly string[];
  /** Monte Carlo runs per case (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  /** Seed (default: the scenario's `assurance.seed`). */
  readonly seed?: number;
  /** Runs per pinned parameter for the tornado (default: a tenth of `runs`, at least 1,000; 0 for none). */
  readonly tornadoRuns?: number;
  /**
   * Where every case's force comes from. Default `auto`, with the pledges as the planner allocates them
   * (the plan the briefing shows) for cases whose requirements are the base's.
   */
  readonly forceSource?: ForceSourceChoice;
  /** Count only pledges at or above this status (every case: base and variants). */
  readonly minStatus?: PledgeStatus;
  readonly bulwarkVersion: string;
  /** ISO timestamp to print (the caller owns the clock). */
  readonly generatedAt: string;
  readonly solver?: LpSolver;
  /** Executes Monte Carlo jobs; default: a worker-thread pool over `workers` threads. */
  readonly runner?: JobRunner;
  /** Worker threads for the default runner (default: all cores). */
  readonly workers?: number;
  /** Cancels the default runner's work. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: BriefPhase, done: number, total: number) => void;
  /**
   * The deterrence frontier that leads the briefing (docs/frontier.md): points and first-round runs per
   * point (default 12 and 5,000: a quicker frontier than `bulwark frontier`'s 20 × 20,000); `false` for none.
   */
  readonly frontier?: false | { readonly points?: number; readonly runs?: number };
  /** Language of the briefing (default `en`). */
  readonly lang?: LocaleId;
}

export interface BriefResult {
  readonly html: string;
  readonly briefing: Briefing;
  /** What the briefing was built from (to build it again, in another language, without re-running). */
  readonly briefInput: BriefInput;
  readonly scenarioHash: string;
  readonly plan: ForcePlan;
  readonly resilience?: ResilienceReport;
  readonly assurance?: SimulatedAssurance;
  readonly frontier?: FrontierReport;
  /** Seconds spent per phase. */
  readonly seconds: Readonly<Record<BriefPhase, number>>;
}

const now = (): number => performance.now() / 1000;

/**
 * The briefing: plans, simulations, the frontier and the credibility game of a scenario, rendered as one
 * self-contained HTML file (and the model it was built from). Throws `solver-failed` when the LP solver
 * fails, `scenario-invalid` when a compared variant does not apply, and the runner's error when cancelled.
 */
export async function runBrief(req: BriefRequest): Promise<BriefResult> {
  const loaded = req.loaded;
  const base = req.minStatus === undefined ? loaded.scenario : withMinStatus(loaded.scenario, req.minStatus);
  const variantIds =
    req.variants ?? (base.variants.some((v) => v.id === 'no-backstop') ? ['no-backstop'] : []);
  const variantScenarios = variantCases(base, variantIds, (i) => loaded.locate?.(i) ?? [...i]);

  const t0 = now();
  const solver = req.solver ?? (await createHighsSolver());
  const planSteps = base.adversary === undefined ? 2 : 3;
  req.onProgress?.('plan', 0, planSteps);
  const main = planForce(base, solver, { resilience: true });
  if (main.plan.status === 'error')
    throw new BulwarkError('solver-failed', `the LP solver failed: ${main.plan.message ?? ''}`);
  req.onProgress?.('plan', 1, planSteps);
  const potential = planForce(base, solver, { options: { mode: 'potential' } });
  const byStatus = forceByStatus(loaded.scenario, solver, {}, req.minStatus);
  req.onProgress?.('plan', 2, planSteps);
  let cases: SimulationCase[] | undefined;
  if (base.adversary !== undefined) {
    cases = await simulationCases(base, variantScenarios, {
      forceSource: req.forceSource ?? 'auto',
      pledgedForce: 'plan:pledges',
      solver,
    });
    req.onProgress?.('plan', 3, planSteps);
  }
  const t1 = now();

  let assurance: SimulatedAssurance | undefined;
  let frontier: FrontierReport | undefined;
  let tAssured = t1;
  if (cases !== undefined) {
    const runs = req.runs ?? base.assurance.runs;
    const seed = req.seed ?? base.assurance.seed;
    const tornadoRuns = req.tornadoRuns ?? defaultTornadoRuns(runs);
    const f = req.frontier;
    const both = await withRunner(req, async (runner) => {
      const result = await runAssurance(cases, { runs, seed, tornadoRuns }, runner, (d, total) =>
        req.onProgress?.('assurance', d, total),
      );
      tAssured = now();
      const front =
        f === false
          ? undefined
          : (
              await runFrontier({
                loaded: { scenario: base, hash: loaded.hash },
                points: f?.points ?? 12,
                runs: f?.runs ?? Math.min(runs, 5_000),
                // One round: the briefing quotes each point with its interval and does not need every
                // neighbour ordered (bulwark frontier does add runs until they are).
                maxRuns: f?.runs ?? Math.min(runs, 5_000),
                seed,
                solver,
                runner,
                onProgress: (d, total) => req.onProgress?.('frontier', d, total),
              })
            ).report;
      return { result, front };
    });
    const result = both.result;
    if (!result.ok)
      throw new BulwarkError('scenario-invalid', result.error.map(formatIssue).join('\n'), result.error);
    assurance = withForceSources(result.value, cases);
    frontier = both.front;
  }
  const t2 = now();

  const credibility = credibilityOf(base);
  req.onProgress?.('render', 0, 1);
  const briefInput: BriefInput = {
    scenario: base,
    scenarioHash: loaded.hash,
    ...briefSource(loaded.origin),
    variants: variantIds,
    bulwarkVersion: req.bulwarkVersion,
    generatedAt: req.generatedAt,
    lang: req.lang ?? 'en',
    plan: main.plan,
    byStatus,
    ...(req.minStatus !== undefined ? { minStatus: req.minStatus } : {}),
    ...(potential.plan.solved ? { potential: potential.plan } : {}),
    ...(main.resilience !== undefined ? { resilience: main.resilience } : {}),
    ...(assurance !== undefined ? { assurance } : {}),
    ...(credibility !== undefined ? { credibility } : {}),
    ...(frontier !== undefined ? { frontier } : {}),
    // The frontier's pledged point is the planner's allocation of the pledges under the scenario's own
    // backstop, at the same seed: the base case when it simulates that force (docs/frontier.md §1).
    ...(frontier !== undefined && cases?.[0]?.forceSource === 'plan:pledges'
      ? { pledgedCase: cases[0].id }
      : {}),
  };
  const briefing = buildBriefing(briefInput);
  const html = await renderBriefingHtml(briefing);
  req.onProgress?.('render', 1, 1);
  const t3 = now();

  return {
    html,
    briefing,
    briefInput,
    scenarioHash: loaded.hash,
    plan: main.plan,
    ...(main.resilience !== undefined ? { resilience: main.resilience } : {}),
    ...(assurance !== undefined ? { assurance } : {}),
    ...(frontier !== undefined ? { frontier } : {}),
    seconds: { plan: t1 - t0, assurance: tAssured - t1, frontier: t2 - tAssured, render: t3 - t2 },
  };
}

/** What the briefing's "reproduce" line names: the file or built-in given, or the stored version. */
function briefSource(origin: ScenarioRef): { source?: BriefSource } {
  switch (origin.kind) {
    case 'file':
    case 'builtin':
      return { source: { kind: 'file', name: origin.name } };
    case 'workspace':
      return { source: { kind: 'workspace', id: origin.name, version: origin.version } };
    case 'stdin':
      // Piped in: no name to give; the command names the built-in of the scenario's id, as before.
      return {};
  }
}

/** The tripwire game of the base scenario, or nothing when it has no guarantor and adversary to play it. */
function credibilityOf(s: Scenario): CredibilityBrief | undefined {
  if (s.guarantor === undefined || s.adversary === undefined) return undefined;
  const a = analyseScenarioCredibility(s, 'tripwire');
  return {
    prior: a.derivation.params.prior,
    threshold: a.thresholds.tripwire,
    backstopOnly: a.thresholds.backstopOnly,
    automaticTrigger: a.thresholds.automaticTrigger,
    findings: a.findings,
    forceCurve: a.curves.forceSize,
    curveFindings: a.curveFindings,
  };
}
