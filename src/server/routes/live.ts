/**
 * A live conference: the scenario's event stream (every committed change, the coverage it leads to, runs
 * and canvass asks, as server-sent events) and the canvass (open gaps, who could fill them, who was asked).
 */
import { AskUpdate, NewAsk } from '../../app/index.js';
import type { WorkspaceEvent } from '../../app/index.js';
import type { AppDeps } from '../deps.js';
import { presenceOf } from '../presence.js';
import { eventStreamHeaders } from './shared.js';
import { coordinators, defineRoute, everyone, issueList, type RouteDef } from '../route.js';

/** Least time between two coverage computations of one event stream (the change event itself is immediate). */
const COVERAGE_INTERVAL_MS = 250;
const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export function liveRoutes(deps: AppDeps): RouteDef[] {
  const { workspace, canvass, events } = deps;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/events',
      summary:
        'Server-sent events of the scenario: `hello`, then `change` (each committed version: who, what), `coverage` (after a change), `run` (created or changing status) and `canvass` (an ask recorded)',
      tag: 'scenarios',
      access: everyone,
      produces: 'text/event-stream',
      handler: async (ctx) => {
        const id = ctx.params['id'] ?? '';
        const first = await workspace.get(id);
        const raw = ctx.reply.raw;
        ctx.reply.hijack();
        raw.writeHead(200, eventStreamHeaders);
        let closed = false;
        const send = (event: string, data: unknown): void => {
          if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        };
        let latest = first.version;
        // Coverage follows a change once the summary of the newest version is computed; a burst of
        // changes computes only the last one, and at most one per COVERAGE_INTERVAL_MS, so the plan solves
        // behind coverage (synchronous, on this thread) leave room for the writes of a busy conference.
        let computing = false;
        const coverage = async (): Promise<void> => {
          if (computing) return;
          computing = true;
          try {
            for (let done = -1; done !== latest && !closed;) {
              if (done !== -1) await pause(COVERAGE_INTERVAL_MS);
              const v = latest;
              const s = await workspace.summary(id);
              done = v;
              if (s.version >= v)
                send('coverage', {
                  version: s.version,
                  coverage: s.coverage,
                  requirementPeriods: s.summary.requirementPeriods,
                });
            }
          } catch (e) {
            send('error', { message: e instanceof Error ? e.message : String(e) });
          } finally {
            computing = false;
          }
        };
        const onEvent = (e: WorkspaceEvent): void => {
          if (e.type === 'version' && e.scenarioId === id) {
            latest = Math.max(latest, e.version);
            send('change', {
              version: e.version,
              hash: e.hash,
              actor: e.actor,
              at: e.at,
              changes: e.changes,
            });
            void coverage();
          } else if (e.type === 'run' && e.run.scenarioId === id) send('run', e.run);
          else if (e.type === 'canvass' && e.ask.scenarioId === id) send('canvass', e.ask);
        };
        const unsubscribe = events.subscribe(onEvent);
        const unpresence = presenceOf(workspace).subscribe((sid, p) => sid === id && send('presence', p));
        const ping = setInterval(() => void raw.write(': ping\n\n'), 15_000);
        ping.unref();
        raw.on('close', () => {
          closed = true;
          unsubscribe();
          unpresence();
          clearInterval(ping);
        });
        send('hello', { scenarioVersion: first.version, hash: first.hash });
        return undefined;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/scenarios/:id/canvass',
      summary:
        'The canvass: each open gap of the pledged plan, the nations that could fill it (potential mode) and those kept out by caveats, and who was asked and what they offered',
      tag: 'canvass',
      access: everyone,
      handler: (ctx) => canvass.view(ctx.params['id'] ?? ''),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/scenarios/:id/canvass',
      summary:
        'Record an ask ({mission, capability, nation, status?: asked|offered|declined, offer?, note?}); audited',
      tag: 'canvass',
      access: coordinators,
      status: 201,
      body: { schema: NewAsk, refuse: (issues) => `canvass ask: ${issueList(issues)}` },
      handler: async (ctx) => {
        return canvass.ask(ctx.actor, ctx.params['id'] ?? '', ctx.body);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/scenarios/:id/canvass/:askId',
      summary: "Record a nation's answer to an ask ({status?, offer?, note?}); audited",
      tag: 'canvass',
      access: coordinators,
      body: { schema: AskUpdate, refuse: (issues) => `canvass answer: ${issueList(issues)}` },
      handler: async (ctx) => {
        return canvass.answer(ctx.actor, ctx.params['id'] ?? '', ctx.params['askId'] ?? '', ctx.body);
      },
    }),
  ];
}
