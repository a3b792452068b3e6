/**
 * The calibration use case: the scenario with no force and no guarantor against the outside view, and the
 * pledged force's effect against the published peacekeeping range (core/assure/calibration.ts).
 */
import { loadScenario } from '../adapters/files/index.js';
import { calibrate, type CalibrationResult, type JobRunner } from '../core/assure/index.js';
import { BulwarkError, formatIssue } from '../core/shared/index.js';
import { withRunner } from './simulation.js';

export interface CalibrateRequest {
  readonly ref: string;
  readonly variants?: readonly string[];
  /** Runs (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  readonly seed?: number;
  readonly workers?: number;
  readonly runner?: JobRunner;
  readonly signal?: AbortSignal;
  readonly stdin?: () => string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CalibrateReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly variants: readonly string[];
  /** The references as written in the scenario, with their source ids. */
  readonly references: unknown;
  readonly result: CalibrationResult;
}

/**
 * The calibration of the ladder model against the scenario's outside-view references (no force, no
 * guarantor): the model's figures beside each reference. Throws `scenario-invalid` (a variant does not
 * apply, the file is invalid) or `usage` (no adversary block).
 */
export async function runCalibrate(req: CalibrateRequest): Promise<CalibrateReport> {
  const loaded = loadScenario(req.ref, req.variants ?? [], req.stdin);
  const s = loaded.scenario;
  const r = await withRunner(req, (runner) =>
    calibrate(s, req.runs ?? s.assurance.runs, req.seed ?? s.assurance.seed, runner, req.onProgress),
  );
  if (!r.ok) throw new BulwarkError('usage', r.error.map(formatIssue).join('\n'), r.error);
  return {
    scenario: { id: s.meta.id, title: s.meta.title, hash: loaded.hash },
    variants: req.variants ?? [],
    references: s.assurance.calibration ?? null,
    result: r.value,
  };
}
