/** Input pieces several resources' routes share: version numbers in queries and bodies. */
import { z } from 'zod';
import { queryParam } from '../route.js';

/** A stored version number, as a query string or a JSON number. */
export const VersionNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const versionParam = queryParam('a stored version number', VersionNumber);

/** Headers of an event stream: it bypasses fastify's onSend hook, so the security headers are set here. */
export const eventStreamHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  connection: 'keep-alive',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;
