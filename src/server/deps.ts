import type { CanvassBook, RunQueue, WorkspaceEvents, Auth, Workspace } from '../app/index.js';

/** Everything the HTTP app needs, built by the caller (`bulwark serve` or a test). */
export interface AppDeps {
  readonly workspace: Workspace;
  readonly auth: Auth;
  readonly runs: RunQueue;
  readonly canvass: CanvassBook;
  /** Commits of this process, streamed to the scenario's event stream. */
  readonly events: WorkspaceEvents;
  /** Folder of the built web front end (`web/dist`); not served when undefined or missing. */
  readonly webDir?: string;
  readonly cookieSecure: boolean;
  readonly sessionTtlMs: number;
  /** Login attempts per client address per minute. */
  readonly loginRateLimit: number;
  /** Own-password changes (`PUT /api/session/password`) per client address per minute. */
  readonly passwordRateLimit: number;
  /** Largest request body, bytes. */
  readonly bodyLimit: number;
  /**
   * Structured request and error logs (pino, JSON lines): `true` on stdout, an object to choose the
   * stream and level, `false` for none. Credentials never appear in them (see `logOptions`).
   */
  readonly logger: boolean | { readonly stream?: NodeJS.WritableStream; readonly level?: string };
}

export const defaultAppOptions = {
  cookieSecure: true,
  sessionTtlMs: 12 * 3600_000,
  loginRateLimit: 10,
  passwordRateLimit: 5,
  bodyLimit: 1024 * 1024,
  logger: false,
} as const;
