/**
 * The workspace API client: same-origin fetch with the session cookie and the CSRF header on writes.
 * The response types are the server's own, imported type-only (erased from the bundle), so a change on
 * the server that the front end does not follow fails `tsc -p web/tsconfig.json`.
 */
import type { Issue, FieldChange } from '../../src/core/shared/index.js';
import type {
  AuditEntry,
  RunRecord,
  ScenarioVersionInfo,
  CanvassAsk,
} from '../../src/adapters/store/index.js';
import type {
  Actor,
  AuditView,
  ImportReport,
  RevertResult,
  VersionDiff,
  WorkspaceSummary,
  Canvass,
  CanvassGap,
} from '../../src/app/index.js';
import type { ErrorBody, PresenceEntry, PresenceList } from '../../src/server/index.js';
import type {
  Condition,
  MissionCoverage,
  Nation,
  Pledge,
  Requirement,
  Scenario,
  UnitType,
  Variant,
} from '../../src/core/scenario/index.js';

export type {
  AuditEntry,
  AuditView,
  Canvass,
  CanvassAsk,
  CanvassGap,
  FieldChange,
  ImportReport,
  PresenceEntry,
  PresenceList,
  RevertResult,
  VersionDiff,
  Condition,
  Issue,
  MissionCoverage,
  Nation,
  Pledge,
  Requirement,
  Scenario,
  ScenarioVersionInfo,
  UnitType,
  Variant,
};
export type Summary = WorkspaceSummary;
export type Run = RunRecord;
/** What `GET /api/session` says about the signed-in user (`publicUser`). */
export type User = Pick<Actor, 'username' | 'role' | 'nation' | 'mustChangePassword'>;

/** An object with the scenario version at which it last changed (every read of an editable object). */
export interface Versioned<T> {
  readonly version: number;
  readonly value: T;
}

/** What a run's progress events carry. */
export interface RunProgress {
  readonly done: number;
  readonly total: number;
  readonly message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
    readonly current?: Versioned<unknown>,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
export const setCsrf = (token: string | null): void => {
  csrf = token;
};

export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal === undefined ? {} : { signal }),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    // Partial: a proxy or fastify itself may answer with another body.
    const e = (data as { error?: Partial<ErrorBody['error']> } | null)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'internal',
      e?.message ?? res.statusText,
      e?.issues ?? [],
      e?.current,
    );
  }
  return data as T;
}
