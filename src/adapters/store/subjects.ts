/**
 * What an audit entry attests about a user or a run: a digest of the row, so verification can tell a
 * row changed behind the log's back.
 */
import { rowDigest } from './audit-chain.js';
import type { RunTable, UserTable } from './schema.js';

/** What a user entry attests: the whole row after the change. */
export const userSubject = (u: UserTable): string =>
  rowDigest({
    id: u.id,
    username: u.username,
    password_hash: u.password_hash,
    role: u.role,
    nation: u.nation,
    created_at: u.created_at,
    disabled: Number(u.disabled),
    // Only when set, so rows from before the flag existed keep the digest their entries recorded.
    ...(Number(u.must_change_password ?? 0) !== 0 ? { must_change_password: 1 } : {}),
  });

/** What a run's entry attests: the run as created (status and results change afterwards). */
export const runSubject = (
  r: Pick<
    RunTable,
    | 'id'
    | 'scenario_id'
    | 'scenario_version'
    | 'scenario_hash'
    | 'kind'
    | 'options'
    | 'seed'
    | 'created_at'
    | 'created_by'
  >,
): string =>
  rowDigest({
    id: r.id,
    scenario_id: r.scenario_id,
    scenario_version: Number(r.scenario_version),
    scenario_hash: r.scenario_hash,
    kind: r.kind,
    options: r.options,
    seed: r.seed === null ? null : Number(r.seed),
    created_at: r.created_at,
    created_by: r.created_by,
  });
