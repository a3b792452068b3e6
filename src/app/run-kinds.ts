/**
 * The run kinds the workspace offers: plan, assure, brief and frontier, each a thin adapter from the queue's
 * interface to an existing use case. The queue hands each the stored version as a validated scenario
 * (variants applied) with its reference, so a briefing names the version it was run on.
 */
import { z } from 'zod';
import { renderChartSvg } from '../adapters/render/index.js';
import type { JobRunner } from '../core/assure/index.js';
import { frontierBrief, type BriefChart, type Finding, type Table } from '../core/brief/index.js';
import { frontierSources, type FrontierReport } from '../core/frontier/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, type Issue } from '../core/shared/index.js';
import { runAssure } from './assure.js';
import { runBrief } from './brief.js';
import { backstopCases, runFrontier, type FrontierWork } from './frontier.js';
import { runPlan } from './plan.js';
import { defineRunKind, type DefinedRunKind } from './run-queue.js';
import { forceSourceChoices, withRunner } from './simulation.js';

const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/** Where each case's force comes from (as `bulwark assure --force-from`; docs/force-source.md). */
const ForceFrom = z.enum(forceSourceChoices).default('auto');

const PlanOptions = z.strictObject({
  mode: z.enum(['pledged', 'potential']).default('pledged'),
  integer: z.boolean().default(false),
  resilience: z.boolean().default(true),
});

export const planKind = defineRunKind<z.infer<typeof PlanOptions>>({
  name: 'plan',
  description: 'force-generation plan (LP) with resilience ranking',
  options: PlanOptions,
  seed: () => null,
  run: async (loaded, o, onProgress) => {
    onProgress({ done: 0, total: 1, message: 'solving' });
    const r = await runPlan({
      loaded,
      options: { mode: o.mode, integer: o.integer },
      resilience: o.resilience,
    });
    onProgress({ done: 1, total: 1, message: r.plan.status });
    return r;
  },
});

const AssureOptions = z.strictObject({
  runs: z.number().int().min(100).max(10_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(10_000_000).default(0),
  /** Variants simulated beside the base case on the same runs (common random numbers). */
  compare: z.array(z.string()).default([]),
  forceFrom: ForceFrom,
});

/**
 * Monte Carlo assurance through `runAssure` on a thread pool of `workers` threads, so the server's event
 * loop stays free; cancelling the run terminates the workers.
 */
export function assureKind(workers: number): DefinedRunKind {
  return defineRunKind<z.infer<typeof AssureOptions>>({
    name: 'assure',
    description:
      'Monte Carlo assurance of the pledged force, or the planned force for variants that change requirements (runs, seed, tornadoRuns, compare, forceFrom)',
    options: AssureOptions,
    seed: (o, s) => o.seed ?? s.assurance.seed,
    run: (loaded, o, onProgress, signal) =>
      runAssure({
        loaded,
        variants: o.compare,
        ...(o.runs === undefined ? {} : { runs: o.runs }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
        tornadoRuns: o.tornadoRuns,
        forceSource: o.forceFrom,
        workers,
        signal,
        onProgress: (done, total) => onProgress({ done, total, message: 'simulating' }),
      }),
  });
}

const BriefOptions = z.strictObject({
  compare: z.array(z.string()).optional(),
  runs: z.number().int().min(100).max(1_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(1_000_000).optional(),
  forceFrom: ForceFrom,
});

/** Briefing: the result keeps the HTML (served by GET /api/runs/:id/briefing.html) and the briefing model. */
export function briefKind(bulwarkVersion: string, clock: () => Date, workers: number): DefinedRunKind {
  return defineRunKind<z.infer<typeof BriefOptions>>({
    name: 'brief',
    description: 'self-contained HTML briefing (plan, assurance, findings) comparing variants',
    options: BriefOptions,
    seed: (o, s) => o.seed ?? s.assurance.seed,
    run: async (loaded, o, onProgress, signal) => {
      const phases = { plan: 0, assurance: 1, frontier: 2, render: 3 } as const;
      const r = await runBrief({
        loaded,
        ...(o.compare === undefined ? {} : { variants: o.compare }),
        ...(o.runs === undefined ? {} : { runs: o.runs }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
        ...(o.tornadoRuns === undefined ? {} : { tornadoRuns: o.tornadoRuns }),
        forceSource: o.forceFrom,
        bulwarkVersion,
        generatedAt: clock().toISOString(),
        workers,
        signal,
        onProgress: (phase, done, total) =>
          onProgress({ done: phases[phase] + (total > 0 ? done / total : 0), total: 4, message: phase }),
      });
      return { html: r.html, briefing: r.briefing, scenarioHash: r.scenarioHash, seconds: r.seconds };
    },
  });
}

/**
 * Options of the workspace's frontier: defaults sized for interactive use (10 points × 2,000 first-round
 * runs, a tenth of `bulwark frontier`'s default work; docs/api.md gives measured times). Ranges are the
 * CLI's, with `points` and `runs` capped lower, as a workspace run holds the queue.
 */
const FrontierOptions = z.strictObject({
  /** The P(ceasefire fails) a force must keep at or below. */
  target: z.number().gt(0).lt(1).default(0.1),
  /** Scales of the requirements tried, including none. */
  points: z.number().int().min(3).max(60).default(10),
  /** Runs per point in the first round; runs are added (up to maxRuns) until neighbours are ordered. */
  runs: z.number().int().min(100).max(200_000).default(2_000),
  /** Most runs per point (default 4 × runs). */
  maxRuns: z.number().int().min(100).max(800_000).optional(),
  /** Backstop cases: none, a backstop kind of the scenario, or a variant id (default: runFrontier's). */
  backstops: z.array(z.string().min(1)).min(1).max(8).optional(),
  /** Where forces come from: committable inventories, or the pledges (never more than pledged). */
  from: z.enum(frontierSources).default('potential'),
  /** The frontier against cautious, typical and bold adversaries too. */
  robustness: z.boolean().default(true),
  seed: Seed.optional(),
});
export type FrontierOptions = z.infer<typeof FrontierOptions>;

/** The chart for phones: a 270 px plot, about 370 px with its axes, so it shows near 1:1 at 390 px. */
const NARROW = { width: 270, height: 230, compact: true } as const;

/** What a frontier run stores: the report, its sentences, table and chart as the briefing has them. */
export interface FrontierRunResult {
  readonly report: FrontierReport;
  /** `frontierFindings(report)`: one sentence per question. */
  readonly findings: readonly string[];
  readonly finding: Finding;
  readonly table: Table;
  /** The briefing's chart (its vega-lite spec, 520 px wide). */
  readonly chart: BriefChart;
  /** The chart rendered on the server: the briefing's layout, and a narrow one for phones. */
  readonly svg: { readonly wide: string; readonly narrow: string };
  readonly scenarioHash: string;
  readonly work: FrontierWork;
  readonly seconds: number;
}

/** Backstop cases the scenario cannot give, as issues at `backstops` (the queue answers 400 with them). */
function frontierCheck(o: FrontierOptions, s: Scenario): Issue[] {
  const issues: Issue[] = [];
  if (s.adversary === undefined)
    issues.push({
      code: 'run.option',
      severity: 'error',
      path: [],
      message: `scenario "${s.meta.id}" has no adversary block: there is no risk to put on a frontier`,
    });
  if (o.backstops !== undefined)
    try {
      backstopCases(s, o.backstops);
    } catch (e) {
      if (!(e instanceof BulwarkError)) throw e;
      issues.push({
        code: 'run.option',
        severity: 'error',
        path: ['backstops'],
        message: e.message.replace(/^--backstop /, ''),
      });
    }
  return issues;
}

/**
 * The deterrence frontier (docs/frontier.md) of the workspace scenario through `runFrontier`, on a worker
 * pool of `workers` threads (or `runner`, for tests); progress is `planning` until the first runs, then
 * model-runs done of those planned so far (the total grows when runs are added).
 */
export function frontierKind(workers: number, o: { readonly runner?: JobRunner } = {}): DefinedRunKind {
  return defineRunKind<FrontierOptions>({
    name: 'frontier',
    description:
      'deterrence frontier: cost of the force against the risk that the ceasefire fails, the cheapest force at a target per backstop case (target, points, runs, backstops, from)',
    options: FrontierOptions,
    check: frontierCheck,
    seed: (opts, s) => opts.seed ?? s.assurance.seed,
    run: async (loaded, opts, onProgress, signal) => {
      const t0 = performance.now();
      onProgress({ done: 0, total: 1, message: 'planning' });
      const hash = loaded.hash;
      const { report, work } = await withRunner(
        { workers, signal, ...(o.runner === undefined ? {} : { runner: o.runner }) },
        (runner) =>
          runFrontier({
            loaded,
            target: opts.target,
            points: opts.points,
            runs: opts.runs,
            ...(opts.maxRuns === undefined ? {} : { maxRuns: Math.max(opts.runs, opts.maxRuns) }),
            ...(opts.backstops === undefined ? {} : { backstops: opts.backstops }),
            from: opts.from,
            robustness: opts.robustness,
            ...(opts.seed === undefined ? {} : { seed: opts.seed }),
            runner,
            onProgress: (done, total) => onProgress({ done, total, message: 'simulating' }),
          }),
      );
      onProgress({ done: 1, total: 1, message: 'rendering' });
      const brief = frontierBrief(report);
      const narrow = frontierBrief(report, NARROW);
      const [wide, small] = await Promise.all([
        renderChartSvg(brief.chart.spec, 'frontier-wide'),
        renderChartSvg(narrow.chart.spec, 'frontier-narrow'),
      ]);
      const result: FrontierRunResult = {
        report,
        findings: brief.notes,
        finding: brief.finding,
        table: brief.table,
        chart: brief.chart,
        svg: { wide, narrow: small },
        scenarioHash: hash,
        work,
        seconds: (performance.now() - t0) / 1000,
      };
      return result;
    },
  });
}
