/**
 * What the Monte Carlo use cases (assure, calibrate, brief) share: the variant cases compared with a base
 * scenario, and a job runner — the one given, or a worker-thread pool opened for the call and closed after.
 */
import { createWorkerPool } from '../adapters/workers/index.js';
import type { JobRunner } from '../core/assure/index.js';
import { applyVariants, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';

export interface RunnerOptions {
  /** Executes Monte Carlo jobs; default: a worker-thread pool for this call. */
  readonly runner?: JobRunner;
  /** Worker threads of the default pool (default: all cores). */
  readonly workers?: number;
  /** Cancels the default pool's work. */
  readonly signal?: AbortSignal;
}

/** Calls `fn` with the given runner, or with a pool opened for the call and closed when it settles. */
export async function withRunner<T>(o: RunnerOptions, fn: (runner: JobRunner) => Promise<T>): Promise<T> {
  if (o.runner !== undefined) return fn(o.runner);
  const pool = createWorkerPool({
    ...(o.workers === undefined ? {} : { workers: o.workers }),
    ...(o.signal === undefined ? {} : { signal: o.signal }),
  });
  try {
    return await fn(pool.run);
  } finally {
    await pool.close();
  }
}

export interface VariantCase {
  readonly id: string;
  /** The variant's name, for tables and charts. */
  readonly label: string;
  readonly scenario: Scenario;
}

/** Each variant applied on its own to the base scenario; throws `scenario-invalid` with every issue. */
export function variantCases(base: Scenario, ids: readonly string[]): VariantCase[] {
  return ids.map((id) => {
    const r = applyVariants(base, [id]);
    if (!r.ok) throw new BulwarkError('scenario-invalid', r.error.map(formatIssue).join('\n'), r.error);
    return { id, label: base.variants.find((v) => v.id === id)?.name ?? id, scenario: r.value.scenario };
  });
}
