/** The audit log: a scenario's entries, the whole log, its verification and its signed head. */
import { z } from 'zod';
import { auditCollections, formatHead, type AuditQuery } from '../../app/index.js';
import { Id } from '../../core/scenario/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import type { AppDeps } from '../deps.js';
import {
  coordinators,
  defineRoute,
  everyone,
  queryParam,
  type QueryValues,
  type RouteDef,
} from '../route.js';

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

/** The audit filters of a request's (parsed) query. */
function auditFilters(q: QueryValues<typeof auditQuery>): AuditQuery {
  if (q.id !== undefined && q.collection === undefined)
    throw new BulwarkError('usage', 'query parameter "id" needs "collection" (which kind of object)');
  return {
    ...(q.before === undefined ? {} : { beforeSeq: q.before }),
    ...(q.limit === undefined ? {} : { limit: q.limit }),
    ...(q.user === undefined ? {} : { actor: q.user }),
    ...(q.collection === undefined ? {} : { collection: q.collection }),
    ...(q.id === undefined ? {} : { objectId: q.id }),
    ...(q.from === undefined ? {} : { from: q.from }),
    ...(q.to === undefined ? {} : { to: q.to }),
  };
}

export function auditRoutes(deps: AppDeps): RouteDef[] {
  const { workspace } = deps;
  return [
    defineRoute({
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
          ...auditFilters(ctx.query),
          scenarioId: ctx.params['id'] ?? '',
          ...(ctx.query.target === undefined ? {} : { target: ctx.query.target }),
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/audit',
      summary:
        'The whole audit log (users, tokens, runs, every scenario), newest first, with field-by-field changes (?before, limit, scenario, user, collection, id, from, to)',
      tag: 'audit',
      access: coordinators,
      query: { ...auditQuery, scenario: queryParam('only entries of this scenario', Id) },
      handler: (ctx) =>
        workspace.audit({
          ...auditFilters(ctx.query),
          ...(ctx.query.scenario === undefined ? {} : { scenarioId: ctx.query.scenario }),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/audit/verify',
      summary: 'Recompute the audit hash chain',
      tag: 'audit',
      access: coordinators,
      handler: () => workspace.verifyAudit(),
    }),
    defineRoute({
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
    }),
  ];
}
