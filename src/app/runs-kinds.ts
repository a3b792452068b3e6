/**
 * The run kinds the workspace offers: plan, assure and brief, each a thin adapter from the queue's
 * interface to an existing use case. The workspace scenario (variants already applied by the queue) is
 * handed over as JSON on the use case's stdin reader, so the use cases need no workspace knowledge.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { z } from 'zod';
import { createHighsSolver } from '../adapters/highs/index.js';
import {
  forceFromSourcing,
  mergeChunks,
  runAssurance,
  runChunk,
  type JobRunner,
  type PartialStats,
} from '../core/assure/index.js';
import { planForce } from '../core/plan/index.js';
import type { Scenario } from '../core/scenario/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';
import { runBrief } from './brief.js';
import { runPlan } from './plan.js';
import type { RunKind } from './runs.js';

const Seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 32 - 1);

/**
 * Runs Monte Carlo chunks on this thread, yielding to the event loop between chunks so the server keeps
 * answering, and stopping at the next chunk when aborted. Chunks are merged in run order, so the result is
 * the same as any other runner's for the same seed.
 */
export function yieldingRunner(signal: AbortSignal, chunkRuns = 500): JobRunner {
  return async (job, seed, runs, onProgress) => {
    const chunks: PartialStats[][] = [];
    for (let from = 0; from < runs; from += chunkRuns) {
      if (signal.aborted) throw new Error('cancelled');
      const to = Math.min(runs, from + chunkRuns);
      chunks.push(runChunk(job, seed, from, to));
      onProgress?.(to);
      await yieldToEventLoop();
    }
    return mergeChunks(job.models, chunks);
  };
}

const stdinOf = (s: Scenario) => (): string => JSON.stringify(s);

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
  runs: z.number().int().min(100).max(1_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(1_000_000).default(0),
});

export const assureKind: RunKind<z.infer<typeof AssureOptions>> = {
  name: 'assure',
  description: 'Monte Carlo assurance of the planned force (runs, seed, tornadoRuns)',
  options: AssureOptions,
  seed: (o, s) => o.seed ?? s.assurance.seed,
  run: async (scenario, o, onProgress, signal) => {
    if (scenario.adversary === undefined)
      throw new BulwarkError('usage', 'the scenario has no adversary: nothing to simulate');
    onProgress({ done: 0, total: 1, message: 'planning the force' });
    const plan = planForce(scenario, await createHighsSolver(), {});
    if (plan.plan.status === 'error')
      throw new BulwarkError('solver-failed', plan.plan.message ?? 'solver failed');
    const runs = o.runs ?? scenario.assurance.runs;
    const result = await runAssurance(
      [{ id: 'base', label: 'as pledged', scenario, force: forceFromSourcing(scenario, plan.plan.sourcing) }],
      { runs, seed: o.seed ?? scenario.assurance.seed, tornadoRuns: o.tornadoRuns },
      yieldingRunner(signal),
      (done, total) => onProgress({ done, total, message: 'simulating' }),
    );
    if (!result.ok)
      throw new BulwarkError('scenario-invalid', result.error.map(formatIssue).join('\n'), result.error);
    return { planStatus: plan.plan.status, assurance: result.value };
  },
};

const BriefOptions = z.strictObject({
  compare: z.array(z.string()).optional(),
  runs: z.number().int().min(100).max(1_000_000).optional(),
  seed: Seed.optional(),
  tornadoRuns: z.number().int().min(0).max(1_000_000).optional(),
});

/** Briefing: the result keeps the HTML (served by GET /api/runs/:id/briefing.html) and the briefing model. */
export function briefKind(bulwarkVersion: string, clock: () => Date): RunKind<z.infer<typeof BriefOptions>> {
  return {
    name: 'brief',
    description: 'self-contained HTML briefing (plan, assurance, findings) comparing variants',
    options: BriefOptions,
    seed: (o, s) => o.seed ?? s.assurance.seed,
    run: async (scenario, o, onProgress, signal) => {
      const phases = { plan: 0, assurance: 1, render: 2 } as const;
      const r = await runBrief({
        ref: '-',
        stdin: stdinOf(scenario),
        ...(o.compare === undefined ? {} : { variants: o.compare }),
        ...(o.runs === undefined ? {} : { runs: o.runs }),
        ...(o.seed === undefined ? {} : { seed: o.seed }),
        ...(o.tornadoRuns === undefined ? {} : { tornadoRuns: o.tornadoRuns }),
        bulwarkVersion,
        generatedAt: clock().toISOString(),
        runner: yieldingRunner(signal),
        onProgress: (phase, done, total) =>
          onProgress({ done: phases[phase] + (total > 0 ? done / total : 0), total: 3, message: phase }),
      });
      return { html: r.html, briefing: r.briefing, scenarioHash: r.scenarioHash, seconds: r.seconds };
    },
  };
}
