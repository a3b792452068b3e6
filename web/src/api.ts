/** The workspace API client: same-origin fetch with the session cookie and the CSRF header on writes. */

export interface Issue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
    readonly current?: { version: number; value: unknown },
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
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (
      data as {
        error?: {
          code?: string;
          message?: string;
          issues?: Issue[];
          current?: { version: number; value: unknown };
        };
      } | null
    )?.error;
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

export interface User {
  readonly username: string;
  readonly role: 'coordinator' | 'liaison' | 'viewer';
  readonly nation: string | null;
}

export interface Versioned<T> {
  readonly version: number;
  readonly value: T;
}

export interface Pledge {
  readonly id: string;
  readonly nation: string;
  readonly unitType: string;
  readonly units: number;
  readonly missions?: readonly string[];
  readonly fromPeriod: number;
  readonly toPeriod?: number;
  readonly conditions: readonly string[];
  readonly status: 'assumed' | 'announced' | 'offered' | 'confirmed' | 'deployed';
  readonly note?: string;
  readonly [k: string]: unknown;
}

export interface Nation {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly gdpUsd: number;
  readonly personnelCeiling?: number;
  readonly [k: string]: unknown;
}

export interface Summary {
  readonly version: number;
  readonly hash: string;
  readonly summary: {
    readonly id: string;
    readonly title: string;
    readonly asOf: string;
    readonly periods: readonly string[];
    readonly backstop: string;
    readonly nations: readonly { id: string; name: string; role: string; pledgedPersonnelPeak: number }[];
    readonly pledges: readonly { id: string; nation: string; personnel: number; active: boolean }[];
    readonly totals: readonly {
      period: string;
      requiredPersonnel: number;
      pledgedPersonnel: number;
      inPlacePersonnel: number;
      shortPersonnel: number;
      requirements: number;
      requirementsMet: number;
    }[];
    readonly requirementPeriods: { met: number; total: number };
    readonly inPlace: string;
    readonly variants: readonly { id: string; name: string; description: string }[];
  };
  readonly coverage: readonly MissionCoverage[];
}

export interface MissionCoverage {
  readonly mission: string;
  readonly name: string;
  readonly periodsWithGap: number;
  readonly capabilities: readonly {
    capability: string;
    unit: string;
    priority: number;
    minCoverage: number;
    byPeriod: readonly { required: number; available: number; gap: number }[];
  }[];
}

export interface Run {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly scenarioVersion: number;
  readonly scenarioHash: string;
  readonly seed: number | null;
  readonly progress: { done: number; total: number; message?: string } | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly scenarioVersion: number | null;
  readonly before: unknown;
  readonly after: unknown;
}
