/**
 * `createApp(deps)`: the HTTP app as a value (fastify), tested with `app.inject()` and no open port.
 *
 * Authentication: a session cookie (httpOnly, SameSite=Strict, Secure) or `Authorization: Bearer <token>`.
 * Cookie-authenticated writes must echo the session's CSRF token in `X-CSRF-Token` (bearer requests carry
 * no ambient credentials, so they need none). One error handler renders every error through `httpStatus`.
 */
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { BulwarkError, shapeIssues } from '../core/shared/index.js';
import { ConflictError } from '../app/index.js';
import type { Actor } from '../app/index.js';
import type { AppDeps } from './deps.js';
import type { ErrorBody } from './error-body.js';
import { httpStatus } from './http-status.js';
import { openApiDocument } from './openapi.js';
import type { RouteDef } from './route.js';
import { buildRoutes, sessionCookie } from './routes/index.js';
import { staticFile } from './static-files.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's CSRF token when authenticated by cookie. */
    csrf: string | null;
  }
  interface FastifyContextConfig {
    route?: RouteDef;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function createApp(deps: AppDeps, version = '0.0.0'): Promise<FastifyInstance> {
  const app = Fastify({ logger: logOptions(deps.logger), bodyLimit: deps.bodyLimit, trustProxy: false });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new BulwarkError('rate-limited', `too many attempts; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrf', null);

  app.setErrorHandler((error: FastifyError | BulwarkError | Error, request, reply) => {
    let status: number;
    let body: ErrorBody;
    if (error instanceof BulwarkError) {
      status = httpStatus[error.code];
      body = {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues.length > 0 ? { issues: error.issues } : {}),
          ...(error instanceof ConflictError ? { current: error.current } : {}),
        },
      };
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      // fastify's own request errors: malformed JSON, body too large (413), unsupported media type.
      status = error.statusCode;
      body = { error: { code: 'usage', message: error.message } };
    } else {
      request.log.error(error);
      status = 500;
      body = {
        error: { code: 'internal', message: 'internal error (this is a bug; the server log has details)' },
      };
    }
    if (status === 429) void reply.header('retry-after', '60');
    return reply.code(status).type('application/json').send(body);
  });

  // Security headers on the raw response, so that routes which write it themselves (the event stream)
  // carry them too; API answers are never cached (they hold workspace data and change with every save).
  app.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    raw.setHeader('x-content-type-options', 'nosniff');
    raw.setHeader('x-frame-options', 'DENY');
    raw.setHeader('referrer-policy', 'no-referrer');
    raw.setHeader(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
    if (request.url.startsWith('/api/') || request.url === '/openapi.json')
      raw.setHeader('cache-control', 'no-store');
    done();
  });

  const routes = buildRoutes(deps);
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: {
        route,
        ...(route.url === '/api/session' && route.method === 'POST'
          ? { rateLimit: { max: deps.loginRateLimit, timeWindow: 60_000 } }
          : {}),
        ...(route.url === '/api/session/password' && route.method === 'PUT'
          ? { rateLimit: { max: deps.passwordRateLimit, timeWindow: 60_000 } }
          : {}),
      },
      preHandler: async (request) => {
        if (route.access === 'public') return;
        await authenticate(deps, request);
        const actor = request.actor;
        if (actor === null) throw new BulwarkError('unauthorized', 'sign in, or send an API token');
        if (!route.access.includes(actor.role))
          throw new BulwarkError('forbidden', `a ${actor.role} may not ${route.method} ${route.url}`);
        if (actor.mustChangePassword === true && route.beforePasswordChange !== true)
          throw new BulwarkError(
            'forbidden',
            'your password was set by a coordinator: change it first (PUT /api/session/password)',
          );
        if (request.csrf !== null && !safeMethods.has(request.method)) {
          const sent = request.headers['x-csrf-token'];
          if (sent !== request.csrf)
            throw new BulwarkError(
              'forbidden',
              'missing or wrong X-CSRF-Token header for a cookie-authenticated write',
            );
        }
      },
      handler: async (request, reply) => {
        // Any body, before a route reads it: depth and list lengths bounded (INPUT_LIMITS).
        const shape = shapeIssues(request.body);
        if (shape.length > 0)
          throw new BulwarkError('usage', `request body: ${shape[0]?.message ?? 'too large'}`, shape);
        const result = await route.handle({
          actor: request.actor as Actor,
          params: request.params as Record<string, string>,
          query: request.query,
          body: request.body,
          request,
          reply,
        });
        if (reply.sent) return reply;
        if (result === undefined) return reply;
        void reply.code(route.status ?? 200);
        if (route.status === 204) return reply.send();
        return reply.send(result);
      },
    });
  }

  const doc = openApiDocument(routes, version);
  app.get('/openapi.json', (_req, reply) => reply.send(doc));

  const webDir = deps.webDir !== undefined && existsSync(deps.webDir) ? deps.webDir : undefined;
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || webDir === undefined)
      throw new BulwarkError('not-found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`);
    const file = await staticFile(webDir, request.url);
    if (file === undefined) throw new BulwarkError('not-found', `no file ${request.url}`);
    void reply
      .type(file.type)
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.send(file.body);
  });
  return app;
}

/** Log fields that may carry credentials: never written (pino's redaction). */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body.password',
  'req.body.currentPassword',
  'req.body.newPassword',
  'req.body.token',
  '*.password',
  '*.token',
  '*.csrfToken',
];

/**
 * pino options for fastify: requests as method, URL without its query string (which may carry ids a user
 * typed), status and time; credentials redacted wherever they might appear.
 */
function logOptions(logger: AppDeps['logger']): false | Record<string, unknown> {
  if (logger === false) return false;
  const o = logger === true ? {} : logger;
  return {
    level: o.level ?? 'info',
    ...(o.stream === undefined ? {} : { stream: o.stream }),
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    serializers: {
      req: (r: { method: string; url: string; ip?: string }) => ({
        method: r.method,
        url: r.url.split('?')[0],
        remoteAddress: r.ip,
      }),
    },
  };
}

/** Sets `request.actor` (and `request.csrf` for cookie sessions) from a bearer token or the session cookie. */
async function authenticate(deps: AppDeps, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (m?.[1] === undefined)
      throw new BulwarkError('unauthorized', 'Authorization must be "Bearer <token>"');
    const actor = await deps.auth.tokenActor(m[1]);
    if (actor === undefined) throw new BulwarkError('unauthorized', 'unknown or revoked API token');
    request.actor = actor;
    return;
  }
  const token = request.cookies[sessionCookie];
  if (token === undefined) return;
  const s = await deps.auth.session(token);
  if (s === undefined) return;
  request.actor = s.actor;
  request.csrf = s.csrf;
}
