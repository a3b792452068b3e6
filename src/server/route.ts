/**
 * Routes are data: method, path, who may call it, what it takes, and a handler. The same table registers
 * the fastify routes, generates the OpenAPI document, and is walked by the authorisation test.
 *
 * A route's query parameters and body are declared once, with their schemas: `defineRoute` checks them
 * before the handler runs (a refusal is `usage`, 400, naming the parameter or field) and hands the handler
 * the parsed values, typed. Handlers never parse their input again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor, Role } from '../app/index.js';
import { BulwarkError } from '../core/shared/index.js';

/** One query parameter: what it means (OpenAPI) and the schema its string must pass. */
export interface QueryParam<T = unknown> {
  readonly description: string;
  readonly schema: z.ZodType<T>;
}

export type QueryParams = Readonly<Record<string, QueryParam>>;

/** The parsed query: each declared parameter's value, when it was given. */
export type QueryValues<Q extends QueryParams> = { readonly [K in keyof Q]?: z.output<Q[K]['schema']> };

/** How a route's body is checked. */
export interface BodySpec<B> {
  readonly schema: z.ZodType<B>;
  /** The 400's message from the schema's issues (default: `request body: <path> <message>; …`). */
  readonly refuse?: (issues: readonly z.core.$ZodIssue[]) => string;
  /**
   * The schema OpenAPI shows, when richer than the one checked: a collection's value is checked by the use
   * case, which answers 422 with every issue located, so the server checks only the envelope.
   */
  readonly documented?: z.ZodType;
}

export interface RouteContext<B = undefined, Q = Readonly<Record<string, never>>> {
  /** Present on every route whose `access` is not `public`. */
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Q;
  readonly body: B;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

interface RouteMeta {
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
  /** Success status (default 200). */
  readonly status?: number;
  /** Response content type when not JSON. */
  readonly produces?: string;
}

/** A route as written: its input's schemas and a handler that receives the input parsed. */
export interface RouteSpec<B, Q extends QueryParams> extends RouteMeta {
  /** Query parameters the route reads: an undeclared or malformed one is `usage` (400). */
  readonly query?: Q;
  readonly body?: BodySpec<B>;
  /** Returns the JSON body, or `undefined` after writing the reply itself (files, streams). */
  readonly handler: (ctx: RouteContext<B, QueryValues<Q>>) => Promise<unknown>;
}

/** What the app hands a route: the request as received (the actor already checked against `access`). */
export interface RawInput {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: unknown;
  readonly body: unknown;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** A route of the table: its description, and `handle`, which checks the input and runs the handler. */
export interface RouteDef extends RouteMeta {
  readonly query?: QueryParams;
  readonly body?: BodySpec<unknown>;
  readonly handle: (input: RawInput) => Promise<unknown>;
}

/** `path message; …` of zod's issues. */
export const issueList = (issues: readonly z.core.$ZodIssue[]): string =>
  issues.map((i) => `${i.path.map(String).join('.')} ${i.message}`).join('; ');

/** Builds a route: its query and body are checked by their schemas, once, before `handler` runs. */
export function defineRoute<B = undefined, Q extends QueryParams = Readonly<Record<string, never>>>(
  spec: RouteSpec<B, Q>,
): RouteDef {
  return {
    ...spec,
    handle: async (input) => {
      const query = checkQuery(spec.query ?? {}, input.query) as QueryValues<Q>;
      let body = undefined as B;
      if (spec.body !== undefined) {
        const r = spec.body.schema.safeParse(input.body);
        if (!r.success)
          throw new BulwarkError(
            'usage',
            spec.body.refuse?.(r.error.issues) ?? `request body: ${issueList(r.error.issues)}`,
          );
        body = r.data;
      }
      return spec.handler({ ...input, query, body });
    },
  };
}

/**
 * The request's query parameters, each parsed by its schema: an undeclared parameter, a repeated one or
 * a value its schema refuses (`limit=-1`, `abc`, `1.5`) is `usage` (400) naming it.
 */
function checkQuery(declared: QueryParams, raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const p = Object.hasOwn(declared, name) ? declared[name] : undefined;
    if (p === undefined) {
      const known = Object.keys(declared);
      throw new BulwarkError(
        'usage',
        `unknown query parameter "${name}"; ${known.length === 0 ? 'this route takes none' : `this route takes ${known.join(', ')}`}`,
      );
    }
    if (typeof value !== 'string')
      throw new BulwarkError('usage', `query parameter "${name}" must be given once`);
    const r = p.schema.safeParse(value);
    if (!r.success)
      throw new BulwarkError(
        'usage',
        `query parameter "${name}": ${r.error.issues[0]?.message ?? 'invalid'} (${p.description})`,
      );
    out[name] = r.data;
  }
  return out;
}

export const queryParam = <T>(description: string, schema: z.ZodType<T>): QueryParam<T> => ({
  description,
  schema,
});

export const everyone: readonly Role[] = ['coordinator', 'liaison', 'viewer'];
export const editors: readonly Role[] = ['coordinator', 'liaison'];
export const coordinators: readonly Role[] = ['coordinator'];
