/**
 * The OpenAPI 3.1 document, generated from the route table; request bodies from the same zod schemas
 * the handlers use (`z.toJSONSchema`).
 */
import { z } from 'zod';
import { errorBodySchema } from './error-body.js';
import type { RouteDef } from './route.js';

const json = (schema: z.ZodType): unknown => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(routes: readonly RouteDef[], version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = Object.entries(r.query ?? {}).map(([name, p]) => ({
      name,
      in: 'query',
      required: false,
      description: p.description,
      schema: z.toJSONSchema(p.schema, { io: 'input', unrepresentable: 'any' }),
    }));
    const status = String(r.status ?? 200);
    const errors = r.access === 'public' ? ['400', '429'] : ['400', '401', '403', '404', '409', '422'];
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      'x-roles': r.access === 'public' ? 'public' : r.access,
      ...(r.access === 'public' ? { security: [] } : {}),
      parameters: [...params, ...query],
      ...(r.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(r.body.documented ?? r.body.schema) } },
            },
          }),
      responses: {
        [status]: {
          description: 'success',
          ...(status === '204' ? {} : { content: { [r.produces ?? 'application/json']: {} } }),
        },
        ...Object.fromEntries(errors.map((e) => [e, { $ref: '#/components/responses/Error' }])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Bulwark workspace API',
      version,
      description:
        'Coalition workspace: scenario objects with optimistic versions, runs with server-sent progress, audit. See docs/api.md.',
    },
    servers: [{ url: '/' }],
    security: [{ cookie: [] }, { bearer: [] }],
    components: {
      securitySchemes: {
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'bulwark_session',
          description: 'writes also need the X-CSRF-Token header',
        },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      responses: {
        Error: {
          description: 'an error',
          content: { 'application/json': { schema: json(errorBodySchema) } },
        },
      },
    },
    paths,
  };
}
