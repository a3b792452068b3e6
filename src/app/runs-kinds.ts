/**
 * The run kinds the workspace offers: plan, assure and brief, each a thin adapter from the queue's
 * interface to an existing use case. The workspace scenario (variants already applied by the queue) is
 * handed over as JSON on the use case's stdin reader, so the use cases need no workspace knowledge.
 */
import { z } from 'zod';
import type { Scenario } from '../core/scenario/index.js';
import { runAssure } from './assure.js';
import { runBrief } from './brief.js';
import { runPlan } from './plan.js';
import type { RunKind } from './runs.js';
import { forceSourceChoices } from './simulation.js';

const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

const stdinOf = (s: Scenario) => (): string => JSON.stringify(s);

/** Where each case's force comes from (as `bulwark assure --force-from`; docs/force-source.md). */
const ForceFrom = z.enum(forceSourceChoices).default('auto');

const PlanOptions = z.strictObject({
  mode: z.enum(['pledged', 'potential']).default('pledged'),
  integer: z.boolean().default(false),
  resilience: z.boolean().default(true),
});

export const planKind: RunKind<z.infer<typeof PlanOptions>> = {
  name: 'plan',
  description: 'force-generation plan (LP) with resilience ranking',
  options: PlanOptions,
  seed: () => null,
  run: async (scenario, o, onProgress) => {
    onProgress({ done: 0, total: 1, message: 'solving' });
    const r = await runPlan({
      ref: '-',
      stdin: stdinOf(scenario),
      options: { mode: o.mode, integer: o.integer },
      resilience: o.resilience,
    });
    onProgress({ done: 1, total: 1, message: r.plan.status });
    return r;
  },
};

const AssureOptions = z.strictObject({
  runs: z.number().int().min(100).max(10_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(10_000_000).default(0),
  /** Variants simulated beside the base case on the same runs (common random numbers). */
  compare: z.array(z.string()).default([]),
  forceFrom: ForceFrom,
});

/**
 * Monte Carlo assurance through `runAssure` on a worker pool of `workers` threads, so the server's event
 * loop stays free; cancelling the run terminates the workers.
 */
export function assureKind(workers: number): RunKind<z.infer<typeof AssureOptions>> {
  return {
    name: 'assure',
    description:
      'Monte Carlo assurance of the pledged force, or the planned force for variants that change requirements (runs, seed, tornadoRuns, compare, forceFrom)',
    options: AssureOptions,
    seed: (o, s) => o.seed ?? s.assurance.seed,
    run: (scenario, o, onProgress, signal) =>
      runAssure({
        ref: '-',
        stdin: stdinOf(scenario),
        variants: o.compare,
        ...(o.runs === undefined ? {} : { runs: o.runs }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
        tornadoRuns: o.tornadoRuns,
        forceSource: o.forceFrom,
        workers,
        signal,
        onProgress: (done, total) => onProgress({ done, total, message: 'simulating' }),
      }),
  };
}

const BriefOptions = z.strictObject({
  compare: z.array(z.string()).optional(),
  runs: z.number().int().min(100).max(1_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(1_000_000).optional(),
  forceFrom: ForceFrom,
});

/** Briefing: the result keeps the HTML (served by GET /api/runs/:id/briefing.html) and the briefing model. */
export function briefKind(
  bulwarkVersion: string,
  clock: () => Date,
  workers: number,
): RunKind<z.infer<typeof BriefOptions>> {
  return {
    name: 'brief',
    description: 'self-contained HTML briefing (plan, assurance, findings) comparing variants',
    options: BriefOptions,
    seed: (o, s) => o.seed ?? s.assurance.seed,
    run: async (scenario, o, onProgress, signal) => {
      const phases = { plan: 0, assurance: 1, frontier: 2, render: 3 } as const;
      const r = await runBrief({
        ref: '-',
        stdin: stdinOf(scenario),
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
  };
}
