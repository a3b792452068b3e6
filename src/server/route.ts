/**
 * Routes are data: method, path, who may call it, what it takes, and a handler. The same table registers
 * the fastify routes, generates the OpenAPI document, and is walked by the authorisation test.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor, Role } from '../app/workspace-auth.js';

export interface RouteContext {
  /** Present on every route whose `access` is not `public`. */
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteDef {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/api/scenarios/:id/pledges/:itemId`. */
  readonly url: string;
  readonly summary: string;
  readonly tag: string;
  /**
   * `public`: anyone; otherwise the roles allowed past the gate. Finer rules (a liaison's own nation) are
   * the use case's and answer 403 from there.
   */
  readonly access: 'public' | readonly Role[];
  /**
   * Open to a user whose password a coordinator set and who has not changed it yet (the password change,
   * the session, sign-out); every other route answers 403 to them until they do.
   */
  readonly beforePasswordChange?: true;
  /**
   * Query parameters the route reads, each with its schema: the app validates every parameter before the
   * handler runs (an undeclared or malformed one is `usage`, 400), so handlers read only checked strings.
   */
  readonly query?: Readonly<Record<string, QueryParam>>;
  /** Request body schema (documentation; handlers parse with the domain schemas). */
  readonly body?: z.ZodType;
  /** Success status (default 200). */
  readonly status?: number;
  /** Response content type when not JSON. */
  readonly produces?: string;
  /** Returns the JSON body, or `undefined` after writing the reply itself (files, streams). */
  readonly handler: (ctx: RouteContext) => Promise<unknown>;
}

/** One query parameter: what it means (OpenAPI) and the schema its string must pass. */
export interface QueryParam {
  readonly description: string;
  readonly schema: z.ZodType;
}

export const queryParam = (description: string, schema: z.ZodType): QueryParam => ({ description, schema });

export const everyone: readonly Role[] = ['coordinator', 'liaison', 'viewer'];
export const editors: readonly Role[] = ['coordinator', 'liaison'];
export const coordinators: readonly Role[] = ['coordinator'];
