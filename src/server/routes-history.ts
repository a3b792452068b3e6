/**
 * History routes: the difference between two stored versions of a scenario, and "revert to this version"
 * (the version list and the audit are in routes.ts).
 */
import { z } from 'zod';
import { BulwarkError } from '../core/shared/index.js';
import type { AppDeps } from './deps.js';
import { coordinators, everyone, queryParam, type RouteDef } from './route.js';

const VersionNumber = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Revert = z.strictObject({
  version: z.number().int().min(1),
  to: z.number().int().min(1),
});

export function historyRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  return [
    {
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
        if (ctx.query['from'] === undefined)
          throw new BulwarkError('usage', 'query parameter "from" is required (a version number)');
        const to =
          ctx.query['to'] === undefined ? (await workspace.get(id)).version : Number(ctx.query['to']);
        return workspace.diff(id, Number(ctx.query['from']), to);
      },
    },
    {
      method: 'POST',
      url: '/api/scenarios/:id/revert',
      summary:
        'Revert to a stored version ({version: the current version you read, to: n}): a new version with that document, audited as a revert; 409 if the scenario moved on',
      tag: 'scenarios',
      access: coordinators,
      body: Revert,
      handler: async (ctx) => {
        const b = Revert.safeParse(ctx.body);
        if (!b.success)
          throw new BulwarkError(
            'usage',
            'send {"version": <the current scenario version you read>, "to": <the version to restore>}',
          );
        return workspace.revert(ctx.actor, ctx.params['id'] ?? '', b.data.to, b.data.version);
      },
    },
  ];
}
