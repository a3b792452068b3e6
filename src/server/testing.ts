/**
 * Test wiring: a workspace on a fresh SQLite file (or a PostgreSQL database), the seeded built-in
 * scenario, one user per role, and helpers that sign in and call the app through `inject` (no port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openStore, type Store } from '../adapters/store/index.js';
import {
  CanvassBook,
  RunQueue,
  defineRunKind,
  type DefinedRunKind,
  Auth,
  type Role,
  Workspace,
} from '../app/index.js';
import { createApp } from './app.js';
import { defaultAppOptions, type AppDeps } from './deps.js';
import { z } from 'zod';

export const testPassword = 'correct horse battery staple';

/** A run kind that counts to `steps`, reporting progress, honouring cancellation. */
export const countingRunKind = defineRunKind<{ steps: number; delayMs: number; seed: number }>({
  name: 'count',
  description: 'test kind: counts',
  options: z.strictObject({
    steps: z.number().int().min(1).max(1000).default(5),
    delayMs: z.number().int().min(0).max(1000).default(1),
    seed: z.number().int().default(7),
  }),
  seed: (o) => o.seed,
  run: async ({ scenario }, o, onProgress, signal) => {
    for (let i = 1; i <= o.steps; i++) {
      if (signal.aborted) throw new Error('aborted');
      await new Promise((r) => setTimeout(r, o.delayMs));
      onProgress({ done: i, total: o.steps, message: `step ${i}` });
    }
    return { counted: o.steps, nations: scenario.nations.length, seed: o.seed };
  },
});

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

export interface TestWorkspace {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly deps: AppDeps;
  readonly scenarioId: string;
  /** Signs in as `username`; returns cookie and CSRF token. */
  login(username: string): Promise<Session>;
  /** A request as a signed-in user (cookie + CSRF header on writes). */
  call(
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Users created in every test workspace: one per role, and liaisons of GBR and FRA. */
export const testUsers: readonly { username: string; role: Role; nation?: string }[] = [
  { username: 'coord', role: 'coordinator' },
  { username: 'gbr', role: 'liaison', nation: 'GBR' },
  { username: 'fra', role: 'liaison', nation: 'FRA' },
  { username: 'viewer', role: 'viewer' },
];

export async function makeTestWorkspace(
  o: {
    databaseUrl?: string;
    builtin?: string;
    kinds?: readonly DefinedRunKind[];
    loginRateLimit?: number;
    passwordRateLimit?: number;
    webDir?: string;
  } = {},
): Promise<TestWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-ws-'));
  const store = await openStore({ dataDir, databaseUrl: o.databaseUrl });
  const auth = new Auth(store.identity, { sessionTtlMs: 3600_000, scryptN: 1024 });
  const workspace = new Workspace(store);
  const scenarioId = o.builtin ?? 'ukraine-2025';
  await workspace.seed(scenarioId);
  for (const u of testUsers)
    await auth.createUser('system', {
      username: u.username,
      password: testPassword,
      role: u.role,
      ...(u.nation === undefined ? {} : { nation: u.nation }),
    });
  const runs = new RunQueue(store.runs, o.kinds ?? [countingRunKind], 50);
  const deps: AppDeps = {
    ...defaultAppOptions,
    workspace,
    auth,
    runs,
    canvass: new CanvassBook(store),
    events: store,
    loginRateLimit: o.loginRateLimit ?? 1000,
    passwordRateLimit: o.passwordRateLimit ?? 1000,
    ...(o.webDir === undefined ? {} : { webDir: o.webDir }),
  };
  const app = await createApp(deps);
  const sessions = new Map<string, Session>();
  const tw: TestWorkspace = {
    app,
    store,
    deps,
    scenarioId,
    async login(username) {
      const cached = sessions.get(username);
      if (cached !== undefined) return cached;
      const r = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: testPassword },
      });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'bulwark_session');
      if (cookie === undefined) throw new Error('no session cookie');
      const s = {
        cookie: `bulwark_session=${cookie.value}`,
        csrf: r.json<{ csrfToken: string }>().csrfToken,
      };
      sessions.set(username, s);
      return s;
    },
    call(session, method, url, body) {
      return app.inject({
        method,
        url,
        headers: {
          ...(session === undefined ? {} : { cookie: session.cookie }),
          ...(session === undefined || method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
        },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    },
    async close() {
      await runs.stop();
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return tw;
}
