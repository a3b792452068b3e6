/**
 * The only reader of environment variables. Values are validated here, once, and passed down frozen.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { BulwarkError } from '../core/shared/index.js';

export interface Config {
  /** Print stack traces for internal errors (BULWARK_DEBUG=1). */
  readonly debug: boolean;
  /** Colour and progress bars allowed (off with NO_COLOR or when output is not a terminal). */
  readonly color: boolean;
  /** Default worker threads for Monte Carlo runs (BULWARK_WORKERS; default: all cores). */
  readonly workers: number;
  /** Directory for the workspace database and run results (BULWARK_DATA_DIR; default ./data). */
  readonly dataDir: string;
  /**
   * The audit key file, the secret of the audit chain kept outside the database (BULWARK_AUDIT_KEY_FILE;
   * default `<data dir>/audit.key`, created on first start).
   */
  readonly auditKeyFile: string | undefined;
  /** PostgreSQL URL; when absent the embedded SQLite store is used. */
  readonly databaseUrl: string | undefined;
  /** Redis URL for distributed runs (REDIS_URL). */
  readonly redisUrl: string | undefined;
  /** User name of the first coordinator, created on the workspace's first start (BULWARK_ADMIN_USER). */
  readonly adminUser: string;
  /** Password of the first coordinator (BULWARK_ADMIN_PASSWORD); required only on first start. No default. */
  readonly adminPassword: string | undefined;
  /**
   * The time a briefing prints as generated (SOURCE_DATE_EPOCH, seconds since 1970, the reproducible-builds
   * convention): the same scenario and seed then give byte-identical HTML on any day. Absent: the clock.
   */
  readonly sourceDateEpoch: number | undefined;
  /** `bulwark serve` port (BULWARK_PORT; default 8080). */
  readonly port: number;
  /** `bulwark serve` host (BULWARK_HOST; default 127.0.0.1, loopback only). */
  readonly host: string;
  /** Send session cookies with `Secure` (BULWARK_COOKIE_SECURE=0 turns it off behind plain HTTP). */
  readonly cookieSecure: boolean;
  /**
   * Work per user in the workspace (docs/api.md, "Limits"): Monte Carlo runs per job
   * (BULWARK_MAX_RUNS_PER_JOB, default 1,000,000), variants compared in one run (BULWARK_MAX_COMPARED,
   * default 10), runs queued or running per user (BULWARK_MAX_QUEUED_PER_USER, default 5), and the
   * deadline of one run (BULWARK_RUN_DEADLINE_SECONDS, default 1,800).
   */
  readonly runLimits: {
    readonly maxRunsPerJob: number;
    readonly maxComparedCases: number;
    readonly maxQueuedPerUser: number;
    readonly runDeadlineMs: number;
  };
}

const Env = z.object({
  BULWARK_DEBUG: z.enum(['0', '1', 'true', 'false', '']).optional(),
  NO_COLOR: z.string().optional(),
  BULWARK_WORKERS: z.coerce.number().int().min(1).max(1024).optional(),
  BULWARK_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  BULWARK_AUDIT_KEY_FILE: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  BULWARK_ADMIN_USER: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  BULWARK_ADMIN_PASSWORD: z.string().min(1).optional(),
  BULWARK_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SOURCE_DATE_EPOCH: z
    .string()
    .regex(/^\d{1,12}$/, 'whole seconds since 1970-01-01T00:00:00Z')
    .transform(Number)
    .optional(),
  BULWARK_HOST: z.string().min(1).optional(),
  BULWARK_COOKIE_SECURE: z.enum(['0', '1', 'true', 'false', '']).optional(),
  BULWARK_MAX_RUNS_PER_JOB: z.coerce.number().int().min(100).max(100_000_000).optional(),
  BULWARK_MAX_COMPARED: z.coerce.number().int().min(0).max(1000).optional(),
  BULWARK_MAX_QUEUED_PER_USER: z.coerce.number().int().min(1).max(10_000).optional(),
  BULWARK_RUN_DEADLINE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
});

export function readConfig(env: Record<string, string | undefined>, isTty: boolean): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BulwarkError(
      'usage',
      `environment variable ${String(first?.path[0])}: ${first?.message ?? 'invalid'}`,
    );
  }
  const e = parsed.data;
  return Object.freeze({
    debug: e.BULWARK_DEBUG === '1' || e.BULWARK_DEBUG === 'true',
    color: isTty && (e.NO_COLOR === undefined || e.NO_COLOR === ''),
    workers: e.BULWARK_WORKERS ?? availableParallelism(),
    dataDir: e.BULWARK_DATA_DIR ?? 'data',
    databaseUrl: e.DATABASE_URL,
    auditKeyFile: e.BULWARK_AUDIT_KEY_FILE,
    redisUrl: e.REDIS_URL,
    adminUser: e.BULWARK_ADMIN_USER ?? 'admin',
    adminPassword: e.BULWARK_ADMIN_PASSWORD,
    sourceDateEpoch: e.SOURCE_DATE_EPOCH,
    port: e.BULWARK_PORT ?? 8080,
    host: e.BULWARK_HOST ?? '127.0.0.1',
    cookieSecure: !(e.BULWARK_COOKIE_SECURE === '0' || e.BULWARK_COOKIE_SECURE === 'false'),
    runLimits: Object.freeze({
      maxRunsPerJob: e.BULWARK_MAX_RUNS_PER_JOB ?? 1_000_000,
      maxComparedCases: e.BULWARK_MAX_COMPARED ?? 10,
      maxQueuedPerUser: e.BULWARK_MAX_QUEUED_PER_USER ?? 5,
      runDeadlineMs: (e.BULWARK_RUN_DEADLINE_SECONDS ?? 1800) * 1000,
    }),
  });
}
