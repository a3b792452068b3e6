import type { Issue } from './issue.js';

/**
 * Error codes for failures that stop an operation. The CLI maps each to an exit status and the server to
 * an HTTP status through exhaustive tables (`Record<ErrorCode, …>`), so a new code fails to compile until
 * both edges decide how to render it.
 */
export const errorCodes = [
  'scenario-invalid', // the scenario (or a variant of it) breaks the schema or a semantic rule
  'scenario-not-found', // no file and no built-in of that name
  'input-unreadable', // a file or stream could not be read or parsed (syntax)
  'usage', // bad command-line flags or request parameters
  'solver-failed', // the LP solver broke (not infeasible: that is a result)
  'not-found', // a workspace object (scenario, pledge, run, user…) that does not exist
  'conflict', // a stale write: the object changed since the version the client read (optimistic concurrency)
  'unauthorized', // no valid session or token, or wrong credentials
  'forbidden', // authenticated, but the role may not do this
  'rate-limited', // too many attempts (login)
  'unavailable', // a required service is not there (e.g. a run kind whose use case is not installed)
  'internal', // a bug
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** An expected failure, carrying its issues for rendering. Thrown only across edge code, never in core. */
export class BulwarkError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'BulwarkError';
    this.code = code;
    this.issues = issues;
  }
}
