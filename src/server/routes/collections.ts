/**
 * The scenario's collections (nations, pledges, catalog, missions, variants, capabilities, conditions):
 * one set of routes each, from the app's collection table, and a mission's requirements list.
 *
 * The server checks the envelope ({value}, {version, value}); the use case checks the value with the
 * collection's schema and the scenario's rules, and answers 422 with every issue located.
 */
import { z } from 'zod';
import { collectionNames, collections } from '../../app/index.js';
import { Requirement } from '../../core/scenario/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import type { AppDeps } from '../deps.js';
import { coordinators, defineRoute, everyone, type RouteDef } from '../route.js';
import { VersionNumber, versionParam } from './shared.js';

/** Any JSON value: only a missing key fails (JSON has no undefined). */
const Present = z.unknown().refine((v) => v !== undefined);

const needsValue = 'the body needs "value": the object';
const needsVersion = 'the body needs "version": the version of the object you read';
/** The first of the envelope's problems, value before version. */
const envelopeRefusal = (issues: readonly z.core.$ZodIssue[]): string =>
  issues.some((i) => i.path.length === 0 || i.path[0] === 'value') ? needsValue : needsVersion;

const Valued = z.object({ value: Present });
const VersionedValue = z.object({ value: Present, version: VersionNumber });
const Check = z.object({ value: z.unknown().optional(), delete: z.unknown().optional() });

export function collectionRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  const routes: RouteDef[] = [
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/missions/:missionId/requirements',
      summary: "A mission's requirements, versioned with the mission",
      tag: 'requirements',
      access: everyone,
      handler: async (ctx) => {
        const m = await workspace.getItem(ctx.params['id'] ?? '', 'missions', ctx.params['missionId'] ?? '');
        return { version: m.version, value: (m.value as { requirements: unknown }).requirements };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/scenarios/:id/missions/:missionId/requirements',
      summary: "Replace a mission's requirements ({version, value: [...]})",
      tag: 'requirements',
      access: coordinators,
      body: {
        schema: VersionedValue,
        refuse: envelopeRefusal,
        documented: z.object({ version: z.number().int(), value: z.array(Requirement) }),
      },
      handler: (ctx) =>
        workspace.putRequirements(
          ctx.actor,
          ctx.params['id'] ?? '',
          ctx.params['missionId'] ?? '',
          ctx.body.value,
          ctx.body.version,
        ),
    }),
  ];
  for (const c of collectionNames) {
    const base = `/api/scenarios/:id/${c}`;
    const { schema, writers } = collections[c];
    routes.push(
      defineRoute({
        method: 'GET',
        url: base,
        summary: `List ${c} with each object's version`,
        tag: c,
        access: everyone,
        handler: (ctx) => workspace.listItems(ctx.params['id'] ?? '', c),
      }),
      defineRoute({
        method: 'POST',
        url: base,
        summary: `Add to ${c} ({value}); 409 if the id exists`,
        tag: c,
        access: writers,
        status: 201,
        body: { schema: Valued, refuse: envelopeRefusal, documented: z.object({ value: schema }) },
        handler: async (ctx) => {
          const value = ctx.body.value;
          const id = typeof value === 'object' && value !== null && 'id' in value ? value.id : undefined;
          if (typeof id !== 'string') throw new BulwarkError('usage', 'the value needs an "id"');
          return workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, id, { kind: 'create', body: value });
        },
      }),
      defineRoute({
        method: 'GET',
        url: `${base}/:itemId`,
        summary: `One of ${c} with its version`,
        tag: c,
        access: everyone,
        handler: (ctx) => workspace.getItem(ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? ''),
      }),
      defineRoute({
        method: 'PUT',
        url: `${base}/:itemId`,
        summary: `Replace one of ${c} ({version, value}); 409 with the current version if stale, 422 with every issue if invalid`,
        tag: c,
        access: writers,
        body: {
          schema: VersionedValue,
          refuse: envelopeRefusal,
          documented: z.object({ version: z.number().int(), value: schema }),
        },
        handler: (ctx) =>
          workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? '', {
            kind: 'update',
            body: ctx.body.value,
            version: ctx.body.version,
          }),
      }),
      defineRoute({
        method: 'DELETE',
        url: `${base}/:itemId`,
        summary: `Remove one of ${c} (?version=n)`,
        tag: c,
        access: writers,
        query: { version: versionParam },
        handler: (ctx) => {
          const version = ctx.query.version;
          if (version === undefined) throw new BulwarkError('usage', 'add ?version=<the version you read>');
          return workspace.edit(ctx.actor, ctx.params['id'] ?? '', c, ctx.params['itemId'] ?? '', {
            kind: 'delete',
            version,
          });
        },
      }),
      defineRoute({
        method: 'POST',
        url: `${base}/:itemId/check`,
        summary: `Check a change without saving it ({value} or {delete: true}): {valid, issues}`,
        tag: c,
        access: writers,
        body: {
          schema: Check,
          refuse: () => needsValue,
          documented: z.object({ value: schema.optional(), delete: z.boolean().optional() }),
        },
        handler: (ctx) => {
          const itemId = ctx.params['itemId'] ?? '';
          if (ctx.body.delete === true)
            return workspace.dryRun(ctx.actor, ctx.params['id'] ?? '', c, itemId, {
              kind: 'delete',
              version: 0,
            });
          if (ctx.body.value === undefined) throw new BulwarkError('usage', needsValue);
          return workspace.dryRun(ctx.actor, ctx.params['id'] ?? '', c, itemId, {
            kind: 'update',
            body: ctx.body.value,
            version: 0,
          });
        },
      }),
    );
  }
  return routes;
}
