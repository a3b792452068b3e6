/**
 * The port the workspace keeps its scenarios behind: numbered, immutable versions of one document per
 * scenario, with per-object revisions for optimistic concurrency. Implemented by `adapters/store`
 * (SQLite or PostgreSQL); declared here, beside its users (`Workspace`, `CanvassBook`).
 */

/** A scenario as stored: its current document, version and per-object revisions. */
export interface StoredScenario {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
  /** The parsed document (callers must not mutate it). */
  readonly document: unknown;
  /** Version at which each object (`<collection>/<id>`) last changed; absent means version 1. */
  readonly revisions: Readonly<Record<string, number>>;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface ScenarioVersionInfo {
  readonly version: number;
  readonly hash: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly summary: string;
}

/** One stored version's document. */
export interface ScenarioVersion {
  readonly version: number;
  readonly hash: string;
  readonly document: unknown;
}

/** One audited change of a mutation. */
export interface Change {
  readonly action: string;
  /** Revision key (`<collection>/<id>`); empty for a change that names no object (a revert). */
  readonly key: string;
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What a mutation stores: the next document, its summary and the changes audited with it. */
export interface Mutation {
  readonly document: unknown;
  readonly summary: string;
  readonly changes: readonly Change[];
}

export interface ScenarioRepository {
  /** Every scenario at its current version, by id. */
  listScenarios(): Promise<StoredScenario[]>;
  getScenario(id: string): Promise<StoredScenario | undefined>;
  /** The scenario; throws `not-found` when there is none. */
  requireScenario(id: string): Promise<StoredScenario>;
  /** Stored versions, newest first. */
  listVersions(id: string): Promise<ScenarioVersionInfo[]>;
  /** One version's document; throws `not-found` when the scenario has no such version. */
  getVersion(id: string, version: number): Promise<ScenarioVersion>;
  /** Creates a scenario at version 1 (audited); throws `conflict` if the id is taken. */
  createScenario(id: string, document: unknown, actor: string, summary: string): Promise<StoredScenario>;
  /**
   * Applies a change atomically: `mutate` sees the current scenario under the write lock and returns the
   * next document (or throws — `conflict`, `scenario-invalid` — and nothing is written); the new version is
   * stored with one audit entry per change. Resolves after the commit.
   */
  mutateScenario(
    id: string,
    actor: string,
    mutate: (current: StoredScenario) => Mutation,
  ): Promise<StoredScenario>;
}
