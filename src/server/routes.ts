/**
 * Every route of the API. Handlers parse input, call one use case and return its value; they compute
 * nothing themselves.
 */
import { z } from 'zod';
import {
  Capability,
  Condition,
  Id,
  Mission,
  Nation,
  Pledge,
  Requirement,
  UnitType,
  Variant,
} from '../core/scenario/index.js';
import { BulwarkError } from '../core/shared/index.js';
import { formatHead } from '../adapters/store/index.js';
import { NewUser, PasswordChange, UserUpdate, publicUser } from '../app/workspace-auth.js';
import {
  auditCollections,
  collectionNames,
  type AuditCollection,
  type AuditQuery,
  type CollectionName,
} from '../app/workspace.js';
import { coordinators, editors, everyone, queryParam, type RouteContext, type RouteDef } from './route.js';
import type { AppDeps } from './deps.js';
import { accountRoutes } from './routes-account.js';
import { historyRoutes } from './routes-history.js';
import { spreadsheetRoutes } from './routes-spreadsheets.js';
import { liveRoutes } from './routes-live.js';

const itemSchemas: Record<CollectionName, z.ZodType> = {
  nations: Nation,
  pledges: Pledge,
  catalog: UnitType,
  missions: Mission,
  variants: Variant,
  capabilities: Capability,
  conditions: Condition,
};

/** Who may write each collection at the gate (the use case narrows liaisons to their own nation). */
const writers: Record<CollectionName, RouteDef['access']> = {
  nations: editors,
  pledges: editors,
  catalog: coordinators,
  missions: coordinators,
  variants: coordinators,
  capabilities: coordinators,
  conditions: coordinators,
};

const Login = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(512) });
const VersionQuery = z.coerce.number().int().min(1);

/** Query parameters shared by several routes (route.ts: the app validates them before the handler). */
const versionParam = queryParam('a stored version number', VersionQuery);
const AuditTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const auditQuery = {
  before: queryParam(
    'page back: entries with seq below this',
    z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  ),
  limit: queryParam('at most this many (1 … 1000; default 100)', z.coerce.number().int().min(1).max(1000)),
  user: queryParam('only entries by this user name', z.string().min(1).max(64)),
  collection: queryParam(
    `only entries about one collection: ${auditCollections.join(', ')}`,
    z.enum(auditCollections),
  ),
  id: queryParam('with collection: only entries about the object of this id', z.string().min(1).max(200)),
  from: queryParam('only entries at or after this date or time (ISO 8601)', AuditTime),
  to: queryParam('only entries before this date or time (ISO 8601)', AuditTime),
};

/** The audit filters of a request (already checked against `auditQuery`). */
function auditFilters(ctx: RouteContext): AuditQuery {
  const q = ctx.query;
  if (q['id'] !== undefined && q['collection'] === undefined)
    throw new BulwarkError('usage', 'query parameter "id" needs "collection" (which kind of object)');
  return {
    ...(q['before'] === undefined ? {} : { beforeSeq: Number(q['before']) }),
    ...(q['limit'] === undefined ? {} : { limit: Number(q['limit']) }),
    ...(q['user'] === undefined ? {} : { actor: q['user'] }),
    ...(q['collection'] === undefined ? {} : { collection: q['collection'] as AuditCollection }),
    ...(q['id'] === undefined ? {} : { objectId: q['id'] }),
    ...(q['from'] === undefined ? {} : { from: q['from'] }),
    ...(q['to'] === undefined ? {} : { to: q['to'] }),
  };
}

export const sessionCookie = 'bulwark_session';

/** JSON of cached immutable values (summaries per version). */
const serialized = new WeakMap<object, string>();

function versionFrom(ctx: RouteContext, fromBody: boolean): number {
  const raw = fromBody ? (ctx.body as { version?: unknown } | null)?.version : ctx.query['version'];
  const v = VersionQuery.safeParse(raw);
  if (!v.success)
    throw new BulwarkError(
      'usage',
      fromBody
        ? 'the body needs "version": the version of the object you read'
        : 'add ?version=<the version you read>',
    );
  return v.data;
}

function valueFrom(ctx: RouteContext): unknown {
  const b = ctx.body;
  if (b === null || typeof b !== 'object' || !('value' in b))
    throw new BulwarkError('usage', 'the body needs "value": the object');
  return b.value;
}

const optionalVersion = (ctx: RouteContext): number | undefined =>
  ctx.query['version'] === undefined ? undefined : versionFrom(ctx, false);

export function buildRoutes(deps: AppDeps): RouteDef[] {
  const { workspace, auth, runs } = deps;
  const routes: RouteDef[] = [
    // ---- session ----
    {
      method: 'POST',
      url: '/api/session',
      summary: 'Sign in with user name and password; sets the session cookie and returns the CSRF token',
      tag: 'session',
      access: 'public',
      body: Login,
      handler: async (ctx) => {
        const body = Login.safeParse(ctx.body);
        if (!body.success) throw new BulwarkError('usage', 'send {"username", "password"}');
        const s = await auth.login(body.data.username, body.data.password);
        void ctx.reply.setCookie(sessionCookie, s.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.cookieSecure,
          maxAge: deps.sessionTtlMs / 1000,
        });
        return { user: publicUser(s.actor), csrfToken: s.csrf };
      },
    },
    {
      method: 'GET',
      url: '/api/session',
      summary: 'The signed-in user and the CSRF token for cookie-authenticated writes',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      handler: (ctx) => Promise.resolve({ user: publicUser(ctx.actor), csrfToken: ctx.request.csrf }),
    },
    {
      method: 'DELETE',
      url: '/api/session',
      summary: 'Sign out',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      status: 204,
      handler: async (ctx) => {
        const token = ctx.request.cookies[sessionCookie];
        if (token !== undefined) await auth.logout(token);
        void ctx.reply.clearCookie(sessionCookie, { path: '/' });
        return null;
      },
    },
    {
      method: 'POST',
      url: '/api/tokens',
      summary:
        'Create an API token for yourself (Authorization: Bearer …); shown once, with its id for listing and revoking',
      tag: 'session',
      access: everyone,
      body: z.strictObject({ name: z.string().min(1).max(100) }),
      status: 201,
      handler: async (ctx) => {
        const name = z.strictObject({ name: z.string().min(1).max(100) }).safeParse(ctx.body);
        if (!name.success) throw new BulwarkError('usage', 'send {"name"}');
        const t = await auth.createApiToken(ctx.actor, name.data.name);
        return { token: t.token, ...t.info };
      },
    },
    // ---- users ----
    {
      method: 'GET',
      url: '/api/users',
      summary: 'List users',
      tag: 'users',
      access: coordinators,
      handler: async () =>
        (await auth.listUsers()).map((u) => ({
          ...publicUser(u),
          disabled: u.disabled,
          createdAt: u.createdAt,
        })),
    },
    {
      method: 'POST',
      url: '/api/users',
      summary:
        'Create a user (coordinator, liaison with a nation, or viewer); the user must change the password at the first sign-in',
      tag: 'users',
      access: coordinators,
      body: NewUser,
      status: 201,
      handler: async (ctx) => {
        const u = NewUser.safeParse(ctx.body);
        if (!u.success)
          throw new BulwarkError(
            'usage',
            `user: ${u.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        return publicUser(await auth.createUser(ctx.actor.username, u.data, { mustChangePassword: true }));
      },
    },
    {
      method: 'PUT',
      url: '/api/users/:username',
      summary:
        "Change a user: role, nation, disabled, or reset the password (signs the user out, revokes the user's API tokens, and the user must change it at the next sign-in)",
      tag: 'users',
      access: coordinators,
      body: UserUpdate,
      handler: async (ctx) => {
        const u = UserUpdate.safeParse(ctx.body);
        if (!u.success)
          throw new BulwarkError(
            'usage',
            `user: ${u.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        const saved = await auth.updateUser(ctx.actor, ctx.params['username'] ?? '', u.data);
        return { ...publicUser(saved), disabled: saved.disabled };
      },
    },
    {
      method: 'PUT',
      url: '/api/session/password',
      summary:
        'Change your own password ({current, next}); every session of yours ends and every API token of yours is revoked (sign in again). Rate-limited',
      tag: 'session',
      access: everyone,
      beforePasswordChange: true,
      body: PasswordChange,
      status: 204,
      handler: async (ctx) => {
        const p = PasswordChange.safeParse(ctx.body);
        if (!p.success)
          throw new BulwarkError(
            'usage',
            `send {"current", "next"}: ${p.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          );
        await auth.changePassword(ctx.actor, p.data.current, p.data.next);
        return null;
      },
    },
    // ---- scenarios ----
    {
      method: 'GET',
      url: '/api/scenarios',
      summary: 'Workspace scenarios with their current version',
      tag: 'scenarios',
      access: everyone,
      handler: () => workspace.list(),
    },
    {
      method: 'POST',
      url: '/api/scenarios',
      summary: 'Create a workspace scenario from a built-in ({id, builtin}) or a document ({id, document})',
      tag: 'scenarios',
      access: coordinators,
      status: 201,
      body: z.strictObject({
        id: z.string(),
        builtin: z.string().optional(),
        document: z.unknown().optional(),
      }),
      handler: async (ctx) => {
        const b = z
          .strictObject({
            id: Id,
            builtin: z.string().optional(),
            document: z.unknown().optional(),
          })
          .safeParse(ctx.body);
        if (!b.success || (b.data.builtin === undefined) === (b.data.document === undefined))
          throw new BulwarkError('usage', 'send {"id", "builtin"} or {"id", "document"}');
        const s = await workspace.createScenario(
          ctx.actor,
          b.data.id,
          b.data.builtin !== undefined ? { builtin: b.data.builtin } : { document: b.data.document },
        );
        return { id: s.id, version: s.version, hash: s.hash };
      },
    },
    {
      method: 'GET',
      url: '/api/scenarios/:id',
      summary: 'The scenario document (current, or ?version=n) with its version and hash',
      tag: 'scenarios',
      access: everyone,
      query: { version: versionParam },
      handler: async (ctx) => workspace.document(ctx.params['id'] ?? '', optionalVersion(ctx)),
    },
    {
      method: 'GET',
      url: '/api/scenarios/:id/summary',
      summary:
        'Key figures: nations, pledges, requirements, personnel totals, and coverage by mission (?variants=a,b applies variants)',
      tag: 'scenarios',
      access: everyone,
      query: {
        variants: queryParam('comma-separated variant ids, applied in order', z.string().max(10_000)),
      },
      handler: async (ctx) => {
        const summary = await workspace.summary(
          ctx.params['id'] ?? '',
          (ctx.query['variants'] ?? '').split(',').filter((v) => v !== ''),
        );
        // The summary object is cached per version; so is its JSON.
        let text = serialized.get(summary);
        if (text === undefined) serialized.set(summary, (text = JSON.stringify(summary)));
        void ctx.reply.type('application/json').send(text);
        return undefined;
      },
    },
    {
      method: 'GET',
      url: '/api/scenarios/:id/versions',
      summary: 'Stored versions, newest first',
      tag: 'scenarios',
      access: everyone,
      handler: async (ctx) => {
        return workspace.versions(ctx.params['id'] ?? '');
      },
    },
    {
      method: 'GET',
      url: '/api/scenarios/:id/audit',
      summary:
        'Audit entries of the scenario, newest first, each with its field-by-field changes (?before, limit, target, user, collection, id, from, to)',
      tag: 'audit',
      access: everyone,
      query: { ...auditQuery, target: queryParam('one object', z.string().min(1).max(1000)) },
      handler: async (ctx) => {
        await workspace.get(ctx.params['id'] ?? '');
        return workspace.audit({
          ...auditFilters(ctx),
          scenarioId: ctx.params['id'] ?? '',
          ...(ctx.query['target'] === undefined ? {} : { target: ctx.query['target'] }),
        });
      },
    },
    {
      method: 'GET',
      url: '/api/audit',
      summary:
        'The whole audit log (users, tokens, runs, every scenario), newest first, with field-by-field changes (?before, limit, scenario, user, collection, id, from, to)',
      tag: 'audit',
      access: coordinators,
      query: { ...auditQuery, scenario: queryParam('only entries of this scenario', Id) },
      handler: (ctx) =>
        workspace.audit({
          ...auditFilters(ctx),
          ...(ctx.query['scenario'] === undefined ? {} : { scenarioId: ctx.query['scenario'] }),
        }),
    },
    {
      method: 'GET',
      url: '/api/audit/verify',
      summary: 'Recompute the audit hash chain',
      tag: 'audit',
      access: coordinators,
      handler: () => workspace.verifyAudit(),
    },
    {
      method: 'GET',
      url: '/api/audit/head',
      summary: 'The signed head of the audit chain (entries, head, signature, line) to keep off-site',
      tag: 'audit',
      access: coordinators,
      handler: async () => {
        const h = await workspace.auditHead();
        if (h === undefined) throw new BulwarkError('not-found', 'the audit log has no entries yet');
        return { ...h, line: formatHead(h) };
      },
    },
    // ---- requirements (a mission's list) ----
    {
      method: 'GET',
      url: '/api/scenarios/:id/missions/:missionId/requirements',
      summary: "A mission's requirements, versioned with the mission",
      tag: 'requirements',
      access: everyone,
      handler: async (ctx) => {
        const m = await workspace.getItem(ctx.params['id'] ?? '', 'missions', ctx.params['missionId'] ?? '');
        return { version: m.version, value: (m.value as { requirements: unknown }).requirements };
      },
    },
    {
      method: 'PUT',
      url: '/api/scenarios/:id/missions/:missionId/requirements',
      summary: "Replace a mission's requirements ({version, value: [...]})",
      tag: 'requirements',
      access: coordinators,
      body: z.object({ version: z.number().int(), value: z.array(Requirement) }),
      handler: (ctx) =>
        workspace.putRequirements(
          ctx.actor,
          ctx.params['id'] ?? '',
          ctx.params['missionId'] ?? '',
          valueFrom(ctx),
          versionFrom(ctx, true),
        ),
    },
    // ---- runs ----
    {
      method: 'GET',
      url: '/api/run-kinds',
      summary: 'Run kinds this server offers',
      tag: 'runs',
      access: everyone,
      handler: () => Promise.resolve(runs.kindNames()),
    },
    {
      method: 'POST',
      url: '/api/scenarios/:id/runs',
      summary: 'Queue a run ({kind, variants?, version?, options?, name?, note?}); returns it with its id',
      tag: 'runs',
      access: editors,
      status: 202,
      body: z.object({
        kind: z.string(),
        variants: z.array(z.string()).optional(),
        version: z.number().int().optional(),
        options: z.record(z.string(), z.unknown()).optional(),
        name: z.string().max(200).optional(),
        note: z.string().max(2000).optional(),
      }),
      handler: async (ctx) => {
        const b = ctx.body as { version?: unknown } | null;
        const v = typeof b?.version === 'number' ? b.version : undefined;
        const doc = await workspace.document(ctx.params['id'] ?? '', v);
        return runs.submit(
          ctx.actor,
          { id: ctx.params['id'] ?? '', version: doc.version, hash: doc.hash, document: doc.scenario },
          ctx.body,
        );
      },
    },
    {
      method: 'GET',
      url: '/api/scenarios/:id/runs',
      summary: 'Runs of the scenario, newest first',
      tag: 'runs',
      access: everyone,
      handler: async (ctx) => {
        await workspace.get(ctx.params['id'] ?? '');
        return runs.list(ctx.params['id'] ?? '');
      },
    },
    {
      method: 'GET',
      url: '/api/runs/:runId',
      summary: 'A run: status, progress, scenario version and hash, seed',
      tag: 'runs',
      access: everyone,
      handler: async (ctx) => {
        return runs.get(ctx.params['runId'] ?? '');
      },
    },
    {
      method: 'GET',
      url: '/api/runs/:runId/result',
      summary: "A finished run's result JSON",
      tag: 'runs',
      access: everyone,
      handler: async (ctx) => {
        const text = await runs.resultText(ctx.params['runId'] ?? '');
        if (text === null)
          throw new BulwarkError('not-found', `run "${ctx.params['runId']}" has no result (yet)`);
        void ctx.reply.type('application/json').send(text);
        return undefined;
      },
    },
    {
      method: 'GET',
      url: '/api/runs/:runId/briefing.html',
      summary: 'The self-contained HTML briefing made by a finished `brief` run',
      tag: 'exports',
      access: everyone,
      produces: 'text/html',
      handler: async (ctx) => {
        const id = ctx.params['runId'] ?? '';
        const run = await runs.find(id);
        const text = run?.kind === 'brief' ? await runs.resultText(id) : null;
        const html = text === null ? undefined : (JSON.parse(text) as { html?: unknown }).html;
        if (run === undefined || typeof html !== 'string')
          throw new BulwarkError(
            'not-found',
            `run "${id}" has no briefing (only a finished brief run has one)`,
          );
        void ctx.reply
          .header(
            'content-disposition',
            `attachment; filename="${run.scenarioId}-v${run.scenarioVersion}-briefing.html"`,
          )
          .type('text/html; charset=utf-8')
          .send(html);
        return undefined;
      },
    },
    {
      method: 'GET',
      url: '/api/runs/:runId/frontier.svg',
      summary:
        "The chart of a finished `frontier` run as SVG, rendered on the server: the briefing's layout, or ?layout=narrow for phones",
      tag: 'exports',
      access: everyone,
      query: { layout: queryParam('wide (default) or narrow', z.enum(['wide', 'narrow'])) },
      produces: 'image/svg+xml',
      handler: async (ctx) => {
        const id = ctx.params['runId'] ?? '';
        const layout = ctx.query['layout'] ?? 'wide';
        if (layout !== 'wide' && layout !== 'narrow')
          throw new BulwarkError('usage', `layout must be wide or narrow, got "${layout}"`, [
            { code: 'query.layout', severity: 'error', path: ['layout'], message: 'wide or narrow' },
          ]);
        const run = await runs.find(id);
        const text = run?.kind === 'frontier' ? await runs.resultText(id) : null;
        const svg = text === null ? undefined : (JSON.parse(text) as { svg?: Record<string, unknown> }).svg;
        const body = svg?.[layout];
        if (run === undefined || typeof body !== 'string')
          throw new BulwarkError(
            'not-found',
            `run "${id}" has no frontier chart (only a finished frontier run has one)`,
          );
        void ctx.reply
          .header('cache-control', 'private, max-age=86400, immutable')
          .type('image/svg+xml; charset=utf-8')
          .send(body);
        return undefined;
      },
    },
    {
      method: 'DELETE',
      url: '/api/runs/:runId',
      summary: 'Cancel a queued or running run (its creator or a coordinator)',
      tag: 'runs',
      access: editors,
      status: 204,
      handler: async (ctx) => {
        await runs.cancel(ctx.actor, ctx.params['runId'] ?? '');
        return null;
      },
    },
    {
      method: 'GET',
      url: '/api/runs/:runId/events',
      summary:
        'Server-sent events: `status`, `progress` {done,total,message}, then `done` with the final run',
      tag: 'runs',
      access: everyone,
      produces: 'text/event-stream',
      handler: async (ctx) => {
        const id = ctx.params['runId'] ?? '';
        const first = await runs.find(id);
        if (first === undefined) throw new BulwarkError('not-found', `no run "${id}"`);
        const raw = ctx.reply.raw;
        ctx.reply.hijack();
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-content-type-options': 'nosniff',
        });
        const send = (event: string, data: unknown): void =>
          void raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        let closed = false;
        const close = (): void => {
          if (closed) return;
          closed = true;
          unsubscribe();
          clearInterval(ping);
          raw.end();
        };
        // Subscribe before reading the state again, so no event falls between the two.
        const unsubscribe = runs.subscribe(id, (e) => {
          if (e.type === 'progress') send('progress', e.progress);
          else send(e.type, e.run);
          if (e.type === 'done') close();
        });
        const ping = setInterval(() => void raw.write(': ping\n\n'), 15_000);
        // The response closes when the client goes away (or after `done`).
        raw.on('close', close);
        const now = await runs.find(id);
        if (now === undefined) return close();
        send('status', now);
        const p = runs.progressOf(id);
        if (p !== undefined) send('progress', p);
        if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(now.status)) {
          send('done', now);
          close();
        }
        return undefined;
      },
    },
    // ---- exports ----
    {
      method: 'GET',
      url: '/api/scenarios/:id/export.json',
      summary: 'The scenario as a JSON file (?version=n for a stored version); loadable by the CLI',
      tag: 'exports',
      access: everyone,
      produces: 'application/json',
      query: { version: versionParam },
      handler: async (ctx) => {
        const d = await workspace.document(ctx.params['id'] ?? '', optionalVersion(ctx));
        void ctx.reply
          .header('content-disposition', `attachment; filename="${ctx.params['id']}-v${d.version}.json"`)
          .type('application/json')
          .send(JSON.stringify(d.scenario, null, 2));
        return undefined;
      },
    },
  ];
  // ---- the scenario's collections: one set of routes each ----
  for (const c of collectionNames) {
    const base = `/api/scenarios/:id/${c}`;
    routes.push(
      {
        method: 'GET',
        url: base,
        summary: `List ${c} with each object's version`,
        tag: c,
        access: everyone,
        handler: (ctx) => workspace.listItems(ctx.params['id'] ?? '', c),
      },
      {
        method: 'POST',
        url: base,
        summary: `Add to ${c} ({value}); 409 if the id exists`,
        tag: c,
        access: writers[c],
        status: 201,
        body: z.object({ value: itemSchemas[c] }),
        handler: async (ctx) => {
          const value = valueFrom(ctx);
          const id = (value as { id?: unknown } | null)?.id;
          if (typeof id !== 'string') throw new BulwarkError('usage', 'the value needs an "id"');
          return workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, id, { kind: 'create', body: value });
        },
      },
      {
        method: 'GET',
        url: `${base}/:itemId`,
        summary: `One of ${c} with its version`,
        tag: c,
        access: everyone,
        handler: (ctx) => workspace.getItem(ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? ''),
      },
      {
        method: 'PUT',
        url: `${base}/:itemId`,
        summary: `Replace one of ${c} ({version, value}); 409 with the current version if stale, 422 with every issue if invalid`,
        tag: c,
        access: writers[c],
        body: z.object({ version: z.number().int(), value: itemSchemas[c] }),
        handler: (ctx) =>
          workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? '', {
            kind: 'update',
            body: valueFrom(ctx),
            version: versionFrom(ctx, true),
          }),
      },
      {
        method: 'DELETE',
        url: `${base}/:itemId`,
        summary: `Remove one of ${c} (?version=n)`,
        tag: c,
        access: writers[c],
        query: { version: versionParam },
        handler: (ctx) =>
          workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? '', {
            kind: 'delete',
            version: versionFrom(ctx, false),
          }),
      },
      {
        method: 'POST',
        url: `${base}/:itemId/check`,
        summary: `Check a change without saving it ({value} or {delete: true}): {valid, issues}`,
        tag: c,
        access: writers[c],
        body: z.object({ value: itemSchemas[c].optional(), delete: z.boolean().optional() }),
        handler: (ctx) => {
          const b = ctx.body as { delete?: unknown; value?: unknown } | null;
          const itemId = ctx.params['itemId'] ?? '';
          if (b?.delete === true)
            return workspace.dryRun(ctx.actor, ctx.params['id'] ?? '', c, itemId, {
              kind: 'delete',
              version: 0,
            });
          return workspace.dryRun(ctx.actor, ctx.params['id'] ?? '', c, itemId, {
            kind: 'update',
            body: valueFrom(ctx),
            version: 0,
          });
        },
      },
    );
  }
  routes.push(
    ...accountRoutes(deps),
    ...historyRoutes(deps),
    ...spreadsheetRoutes(deps),
    ...liveRoutes(deps),
  );
  return routes;
}
