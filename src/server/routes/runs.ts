/** Runs: the kinds offered, queueing one, its state, result, briefing or chart, cancelling, its events. */
import { z } from 'zod';
import { RunRequest } from '../../app/index.js';
import { BulwarkError } from '../../core/shared/index.js';
import type { AppDeps } from '../deps.js';
import { defineRoute, editors, everyone, issueList, queryParam, type RouteDef } from '../route.js';
import { eventStreamHeaders } from './shared.js';

export function runRoutes(deps: AppDeps): RouteDef[] {
  const { workspace, runs } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/run-kinds',
      summary: 'Run kinds this server offers',
      tag: 'runs',
      access: everyone,
      handler: () => Promise.resolve(runs.kindNames()),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/scenarios/:id/runs',
      summary: 'Queue a run ({kind, variants?, version?, options?, name?, note?}); returns it with its id',
      tag: 'runs',
      access: editors,
      status: 202,
      body: { schema: RunRequest, refuse: (issues) => `run request: ${issueList(issues)}` },
      handler: async (ctx) => {
        const doc = await workspace.document(ctx.params['id'] ?? '', ctx.body.version);
        return runs.submit(
          ctx.actor,
          { id: ctx.params['id'] ?? '', version: doc.version, hash: doc.hash, document: doc.scenario },
          ctx.body,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/runs',
      summary: 'Runs of the scenario, newest first',
      tag: 'runs',
      access: everyone,
      handler: async (ctx) => {
        await workspace.get(ctx.params['id'] ?? '');
        return runs.list(ctx.params['id'] ?? '');
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/runs/:runId',
      summary: 'A run: status, progress, scenario version and hash, seed',
      tag: 'runs',
      access: everyone,
      handler: async (ctx) => {
        return runs.get(ctx.params['runId'] ?? '');
      },
    }),
    defineRoute({
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
    }),
    defineRoute({
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
    }),
    defineRoute({
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
        const layout = ctx.query.layout ?? 'wide';
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
    }),
    defineRoute({
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
    }),
    defineRoute({
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
        raw.writeHead(200, eventStreamHeaders);
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
    }),
  ];
}
