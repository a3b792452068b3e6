import type { ErrorCode } from '../core/shared/index.js';

/** Exit status per error code: 2 for what the user can fix, 1 for what they cannot. Exhaustive by type. */
export const exitStatus: Record<ErrorCode, number> = {
  'scenario-invalid': 2,
  'scenario-not-found': 2,
  'input-unreadable': 2,
  usage: 2,
  'solver-failed': 1,
  'not-found': 2,
  conflict: 2,
  unauthorized: 2,
  forbidden: 2,
  'rate-limited': 2,
  unavailable: 1,
  internal: 1,
};
