/** Workspace scenarios: list, create, the document of a version, the summary, the versions, the JSON export. */
import { z } from 'zod';
import { Id } from '../../core/scenario/index.js';
import type { AppDeps } from '../deps.js';
import { coordinators, defineRoute, everyone, queryParam, type RouteDef } from '../route.js';
import { versionParam } from './shared.js';

const NewScenario = z
  .strictObject({ id: Id, builtin: z.string().optional(), document: z.unknown().optional() })
  .refine((b) => (b.builtin === undefined) !== (b.document === undefined));

/** JSON of cached immutable values (summaries per version). */
const serialized = new WeakMap<object, string>();

export function scenarioRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/scenarios',
      summary: 'Workspace scenarios with their current version',
      tag: 'scenarios',
      access: everyone,
      handler: () => workspace.list(),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/scenarios',
      summary: 'Create a workspace scenario from a built-in ({id, builtin}) or a document ({id, document})',
      tag: 'scenarios',
      access: coordinators,
      status: 201,
      body: { schema: NewScenario, refuse: () => 'send {"id", "builtin"} or {"id", "document"}' },
      handler: async (ctx) => {
        const b = ctx.body;
        const s = await workspace.createScenario(
          ctx.actor,
          b.id,
          b.builtin !== undefined ? { builtin: b.builtin } : { document: b.document },
        );
        return { id: s.id, version: s.version, hash: s.hash };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id',
      summary: 'The scenario document (current, or ?version=n) with its version and hash',
      tag: 'scenarios',
      access: everyone,
      query: { version: versionParam },
      handler: async (ctx) => workspace.document(ctx.params['id'] ?? '', ctx.query.version),
    }),
    defineRoute({
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
          (ctx.query.variants ?? '').split(',').filter((v) => v !== ''),
        );
        // The summary object is cached per version; so is its JSON.
        let text = serialized.get(summary);
        if (text === undefined) serialized.set(summary, (text = JSON.stringify(summary)));
        void ctx.reply.type('application/json').send(text);
        return undefined;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/versions',
      summary: 'Stored versions, newest first',
      tag: 'scenarios',
      access: everyone,
      handler: (ctx) => workspace.versions(ctx.params['id'] ?? ''),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/export.json',
      summary: 'The scenario as a JSON file (?version=n for a stored version); loadable by the CLI',
      tag: 'exports',
      access: everyone,
      produces: 'application/json',
      query: { version: versionParam },
      handler: async (ctx) => {
        const d = await workspace.document(ctx.params['id'] ?? '', ctx.query.version);
        void ctx.reply
          .header('content-disposition', `attachment; filename="${ctx.params['id']}-v${d.version}.json"`)
          .type('application/json')
          .send(JSON.stringify(d.scenario, null, 2));
        return undefined;
      },
    }),
  ];
}
