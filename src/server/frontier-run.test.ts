import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers.js';
import { frontierKind, type FrontierRunResult, runFrontier } from '../app/index.js';
import { scenarioHash } from '../adapters/files/index.js';
import { inlineRunner } from '../core/assure/index.js';
import { frontierNotes } from '../core/brief/index.js';
import { canonicalJson } from '../core/shared/index.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

const parseSse = (body: string): SseEvent[] =>
  body
    .split('\n\n')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return event === undefined || data === undefined
        ? undefined
        : { event, data: JSON.parse(data) as unknown };
    })
    .filter((e): e is SseEvent => e !== undefined);

describe('frontier runs in the workspace (the queue, a 2-thread pool, the minimal fixture)', () => {
  let w: TestWorkspace;
  const base = '/api/scenarios/minimal';
  const options = { points: 5, runs: 1_000, maxRuns: 2_000, target: 0.2 };
  beforeAll(async () => {
    w = await makeTestWorkspace({ kinds: [frontierKind(2)] });
    await w.deps.workspace.seed(fixture('minimal.yaml'), 'minimal');
  });
  afterAll(async () => {
    await w.close();
  });

  it('queues, streams progress, and stores the report runFrontier gives for the same scenario and seed', async () => {
    const s = await w.login('coord');
    const start = await w.call(s, 'POST', `${base}/runs`, { kind: 'frontier', options });
    expect(start.statusCode).toBe(202);
    const run = start.json<{ id: string; scenarioVersion: number; seed: number; status: string }>();
    expect(run).toMatchObject({ status: 'queued', seed: 7, scenarioVersion: 1 });

    const events = parseSse((await w.call(s, 'GET', `/api/runs/${run.id}/events`)).body);
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { done: number; total: number; message: string });
    const simulating = progress.filter((p) => p.message === 'simulating');
    expect(simulating.length).toBeGreaterThan(3);
    for (let i = 1; i < simulating.length; i++)
      expect(simulating[i]!.done).toBeGreaterThanOrEqual(simulating[i - 1]!.done);
    expect(simulating.every((p) => p.done <= p.total)).toBe(true);
    expect(progress.at(-1)?.message).toBe('rendering');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'succeeded' } });

    const result = (await w.call(s, 'GET', `/api/runs/${run.id}/result`)).json<FrontierRunResult>();
    const doc = await w.deps.workspace.document('minimal');
    const reference = await runFrontier({
      loaded: { scenario: doc.scenario, hash: scenarioHash(doc.scenario) },
      ...options,
      seed: 7,
      runner: inlineRunner,
    });
    expect(result.report.scenario.hash).toBe(doc.hash);
    expect(canonicalJson(result.report)).toBe(canonicalJson(reference.report));
    expect(result.findings).toEqual(frontierNotes(reference.report));
    expect(result.table.rows).toHaveLength(reference.report.cases.length);

    const wide = await w.call(s, 'GET', `/api/runs/${run.id}/frontier.svg`);
    expect(wide.statusCode).toBe(200);
    expect(wide.headers['content-type']).toContain('image/svg+xml');
    expect(wide.body).toMatch(/^<svg[^>]*role="img"><title>At ≤ 20.0%/);
    const narrow = await w.call(s, 'GET', `/api/runs/${run.id}/frontier.svg?layout=narrow`);
    expect(narrow.statusCode).toBe(200);
    const widthOf = (svg: string): number => Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    expect(widthOf(narrow.body)).toBeLessThan(widthOf(wide.body));
    expect((await w.call(s, 'GET', `/api/runs/${run.id}/frontier.svg?layout=tiny`)).statusCode).toBe(400);
  }, 120_000);

  it('answers 400 naming the field for bad options, before anything is queued', async () => {
    const s = await w.login('coord');
    const before = (await w.call(s, 'GET', `${base}/runs`)).json<unknown[]>().length;
    const bad = async (o: Record<string, unknown>) => {
      const r = await w.call(s, 'POST', `${base}/runs`, { kind: 'frontier', options: o });
      expect(r.statusCode).toBe(400);
      return r.json<{ error: { code: string; message: string; issues: { path: unknown[] }[] } }>().error;
    };
    const points = await bad({ points: 2 });
    expect(points.code).toBe('usage');
    expect(points.message).toMatch(/^frontier options: points /);
    expect(points.issues.map((i) => i.path)).toEqual([['options', 'points']]);
    const two = await bad({ target: 1.5, runs: 'many' });
    expect(two.issues.map((i) => i.path)).toEqual([
      ['options', 'target'],
      ['options', 'runs'],
    ]);
    expect((await bad({ colour: 'red' })).message).toMatch(/colour/);
    // Only the scenario knows its backstop kinds and variants.
    const backstops = await bad({ backstops: ['none', 'carrier-group'] });
    expect(backstops.issues.map((i) => i.path)).toEqual([['options', 'backstops']]);
    expect(backstops.message).toMatch(/carrier-group.*neither a backstop kind/);
    expect((await w.call(s, 'GET', `${base}/runs`)).json<unknown[]>()).toHaveLength(before);
    // A viewer cannot start one at all.
    const v = await w.login('viewer');
    expect((await w.call(v, 'POST', `${base}/runs`, { kind: 'frontier' })).statusCode).toBe(403);
  });
});
