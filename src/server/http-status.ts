/**
 * The one table from error codes to HTTP statuses. Exhaustive by type: a new `ErrorCode` does not compile
 * until it has a status here.
 */
import type { ErrorCode } from '../core/shared/index.js';

export const httpStatus: Record<ErrorCode, number> = {
  'scenario-invalid': 422,
  'scenario-not-found': 404,
  'input-unreadable': 400,
  usage: 400,
  'solver-failed': 500,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
  unavailable: 503,
  internal: 500,
};
