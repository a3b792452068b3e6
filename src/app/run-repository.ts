/**
 * The port the run queue stores its runs behind: each run with the exact scenario version, hash and seed
 * it ran on, its status, progress and result. Implemented by `adapters/store`; declared here, beside its
 * user (`RunQueue`).
 */

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface RunRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly scenarioHash: string;
  readonly kind: string;
  readonly options: unknown;
  readonly seed: number | null;
  readonly status: RunStatus;
  readonly progress: unknown;
  readonly error: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface NewRun {
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly scenarioHash: string;
  readonly kind: string;
  readonly options: unknown;
  readonly seed: number | null;
  readonly createdBy: string;
}

export interface RunPatch {
  readonly status?: RunStatus;
  readonly progress?: unknown;
  readonly result?: unknown;
  readonly error?: string;
  /** Stamps the start time. */
  readonly started?: boolean;
  /** Stamps the finish time. */
  readonly finished?: boolean;
}

export interface RunRepository {
  /** Stores a queued run (audited as `run.create`). */
  insertRun(r: NewRun): Promise<RunRecord>;
  updateRun(id: string, patch: RunPatch): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** The stored result JSON text of a finished run (kept as text: it can be large); null if none. */
  getRunResult(id: string): Promise<string | null>;
  /** A scenario's runs, newest first. */
  listRuns(scenarioId: string, limit?: number): Promise<RunRecord[]>;
  /** Marks queued and running runs interrupted (after a restart); returns how many. */
  interruptUnfinishedRuns(): Promise<number>;
}
