/**
 * Redis connections for the queue. `redis://[user:password@]host:port[/db]` and `rediss://…` (TLS) URLs
 * are passed to ioredis as they are. Before any BullMQ object is made, `checkRedis` connects once without
 * retrying, so an unreachable or refusing server is a clean `unavailable` error instead of BullMQ's
 * endless reconnection attempts.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { BulwarkError } from '../../core/shared/index.js';

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable Redis URL)';
  }
}

/** Checks the URL's form; throws `usage` for anything but redis:// or rediss://. */
export function parseRedisUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BulwarkError('usage', `not a Redis URL: "${redactUrl(url)}" (expected redis://host:port)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new BulwarkError(
      'usage',
      `a Redis URL starts with redis:// or rediss:// (TLS), got "${u.protocol}//"`,
    );
  return u;
}

/**
 * A connection for BullMQ (no per-command retry limit, as its workers need), reconnecting with backoff
 * after the first successful check.
 */
export function connect(url: string, name: string, onOutage?: (message: string) => void): Redis {
  parseRedisUrl(url);
  const options: RedisOptions = {
    maxRetriesPerRequest: null,
    connectionName: name,
    retryStrategy: (times) => Math.min(200 * times, 5000),
  };
  const r = new Redis(url, options);
  // A listener always: without one ioredis prints every failed reconnection with its stack trace. The
  // outage is reported once, in one line, until the connection is back.
  let down = false;
  r.on('error', (e: unknown) => {
    if (down) return;
    down = true;
    onOutage?.(`lost the connection to Redis at ${redactUrl(url)} (${describe(e)}); reconnecting…`);
  });
  r.on('ready', () => {
    if (down) onOutage?.(`reconnected to Redis at ${redactUrl(url)}`);
    down = false;
  });
  return r;
}

/**
 * Connects once, pings and disconnects. Throws `BulwarkError('unavailable')` with the reason (refused,
 * timed out, wrong password, …) when Redis cannot be used; never retries.
 */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  parseRedisUrl(url);
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    connectionName: 'bulwark-check',
  });
  let lastError: unknown;
  probe.on('error', (e) => (lastError = e));
  try {
    await probe.connect();
    await probe.ping();
  } catch (e) {
    const reason = describe(lastError ?? e);
    throw new BulwarkError('unavailable', `cannot reach Redis at ${redactUrl(url)}: ${reason}`);
  } finally {
    probe.disconnect();
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && !e.message.includes(code) ? `${code} ${e.message}` : e.message;
  }
  return String(e);
}
