/**
 * History routes: the difference between two stored versions of a scenario, and "revert to this version"
 * (the version list is in scenarios.ts, the audit in audit.ts).
 */
import { z } from 'zod';
import { BulwarkError } from '../../core/shared/index.js';
import type { AppDeps } from '../deps.js';
import { coordinators, defineRoute, everyone, queryParam, type RouteDef } from '../route.js';

const VersionNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Revert = z.strictObject({
  version: z.number().int().min(1),
  to: z.number().int().min(1),
});

export function historyRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/diff',
      summary:
        'What changed between two stored versions (?from=a&to=b): each object added, removed or changed, and every field',
      tag: 'scenarios',
      access: everyone,
      query: {
        from: queryParam('the older version (required)', VersionNumber),
        to: queryParam('the newer version (default: the current one)', VersionNumber),
      },
      handler: async (ctx) => {
        const id = ctx.params['id'] ?? '';
        const from = ctx.query.from;
        if (from === undefined)
          throw new BulwarkError('usage', 'query parameter "from" is required (a version number)');
        const to = ctx.query.to ?? (await workspace.get(id)).version;
        return workspace.diff(id, from, to);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/scenarios/:id/revert',
      summary:
        'Revert to a stored version ({version: the current version you read, to: n}): a new version with that document, audited as a revert; 409 if the scenario moved on',
      tag: 'scenarios',
      access: coordinators,
      body: {
        schema: Revert,
        refuse: () =>
          'send {"version": <the current scenario version you read>, "to": <the version to restore>}',
      },
      handler: async (ctx) =>
        workspace.revert(ctx.actor, ctx.params['id'] ?? '', ctx.body.to, ctx.body.version),
    }),
  ];
}
