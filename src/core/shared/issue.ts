/**
 * Validation and domain issues as data (after zod's `issues`): every problem found is returned at once,
 * each with a stable machine code, the field path, a human message and, for files, a position.
 */

/** A path into a document: object keys and array indices, outermost first. */
export type FieldPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

export interface Issue {
  /** Stable code such as `ref.unknown-nation`; listed in docs/scenario-reference.md. Never renamed. */
  readonly code: string;
  readonly severity: Severity;
  readonly path: FieldPath;
  readonly message: string;
  /** Set by the edge that read the file; the core never knows about files. */
  readonly file?: string;
  /** 1-based line and column of the offending node (or the nearest enclosing one that exists). */
  readonly line?: number;
  readonly column?: number;
}

/** Outcome of an operation that can fail for expected reasons: a value, never an exception. */
export type Result<T, E = readonly Issue[]> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function issue(code: string, path: FieldPath, message: string, severity: Severity = 'error'): Issue {
  return { code, severity, path, message };
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/** `a.b[2].c` — the form used in messages. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/** `file:line:col: error code at path: message` — the one textual form, used by the CLI. */
export function formatIssue(i: Issue): string {
  const where =
    i.file === undefined ? '' : `${i.file}${i.line === undefined ? '' : `:${i.line}:${i.column ?? 1}`}: `;
  return `${where}${i.severity} ${i.code} at ${formatPath(i.path)}: ${i.message}`;
}
