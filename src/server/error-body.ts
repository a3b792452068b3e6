/**
 * The one error body of the API (docs/api.md, "Errors"): the server's error handler writes it, OpenAPI
 * documents it, and the web client reads it (imported type-only).
 */
import { z } from 'zod';
import type { ErrorCode, Issue } from '../core/shared/index.js';

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** Every problem found, with its code, path and message (422 and some 400s). */
    readonly issues?: readonly Issue[];
    /** With a 409: the object's current version and value, to merge against. */
    readonly current?: { readonly version: number; readonly value: unknown };
  };
}

/** `ErrorBody` as a JSON Schema source, for OpenAPI. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({
          code: z.string(),
          severity: z.string(),
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
        }),
      )
      .optional(),
    current: z.object({ version: z.number(), value: z.unknown() }).optional(),
  }),
});
