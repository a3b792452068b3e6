/**
 * Adding a source from the pledge form (issue 15 item 3): `POST /api/scenarios/:id/sources` validates each
 * field at the edge (400 naming it), generates ids, refuses a taken id (409, naming `id`), lets coordinators
 * and liaisons add but not viewers, audits `source.create`, and the new source can be cited at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSourceId } from '../core/scenario/index.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Added {
  scenarioVersion: number;
  source: { id: string; kind: string; citation: string; date?: string; url?: string };
}

describe('adding a source (SQLite, inject)', () => {
  let w: TestWorkspace;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  const add = async (user: string, value: unknown) =>
    w.call(await w.login(user), 'POST', `${base()}/sources`, { value });
  const sources = async (): Promise<Record<string, unknown>> =>
    (await w.call(await w.login('viewer'), 'GET', base())).json<{
      scenario: { meta: { sources: Record<string, unknown> } };
    }>().scenario.meta.sources;
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  it('adds a liaison’s national letter with a generated id, audits it, and a pledge can cite it', async () => {
    const before = Object.keys(await sources());
    const r = await add('gbr', {
      citation: 'Ministry of Defence (UK), letter to the force generation cell on air defence, 30 Nov 2026',
      date: '2026-11-30',
      url: 'https://www.gov.uk/government/organisations/ministry-of-defence',
    });
    expect(r.statusCode, r.body).toBe(201);
    const added = r.json<Added>();
    expect(added.source).toEqual({
      id: 'ministry-of-defence-uk-letter-to-the-2026',
      kind: 'source',
      citation: 'Ministry of Defence (UK), letter to the force generation cell on air defence, 30 Nov 2026',
      date: '2026-11-30',
      url: 'https://www.gov.uk/government/organisations/ministry-of-defence',
    });
    const now = await sources();
    expect(Object.keys(now)).toEqual([...before, added.source.id]);

    const audit = (await w.call(await w.login('coord'), 'GET', `${base()}/audit?collection=sources`)).json<
      { actor: string; action: string; target: string; before: unknown; after: unknown }[]
    >();
    expect(audit.map((e) => [e.actor, e.action, e.target, e.before])).toEqual([
      ['gbr', 'source.create', `scenario/${w.scenarioId}/sources/${added.source.id}`, null],
    ]);
    expect(audit[0]?.after).toMatchObject({ citation: added.source.citation });

    // The same liaison cites it in their own pledge straight away.
    const gbr = await w.login('gbr');
    const pledge = (await w.call(gbr, 'GET', `${base()}/pledges/gbr-medical`)).json<{
      version: number;
      value: Record<string, unknown>;
    }>();
    const cited = await w.call(gbr, 'PUT', `${base()}/pledges/gbr-medical`, {
      version: pledge.version,
      value: { ...pledge.value, source: added.source.id },
    });
    expect(cited.statusCode, cited.body).toBe(200);
  });

  it('gives the next free id to a second source with the same citation', async () => {
    const value = { citation: 'Federal Chancellery, statement', date: '2026-12-01' };
    const a = (await add('coord', value)).json<Added>();
    const b = (await add('coord', value)).json<Added>();
    expect([a.source.id, b.source.id]).toEqual([
      'federal-chancellery-statement-2026',
      'federal-chancellery-statement-2026-2',
    ]);
  });

  it('refuses a taken id with 409 naming the field, and adds nothing', async () => {
    const taken = Object.keys(await sources())[0]!;
    const before = await sources();
    const r = await add('coord', { id: taken, citation: 'Another letter' });
    expect(r.statusCode).toBe(409);
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`^id: a source "${taken}" exists already`)) as unknown,
    });
    expect(await sources()).toEqual(before);
  });

  it('refuses each invalid field with 400 naming it, and adds nothing', async () => {
    const before = await sources();
    const cases: [unknown, RegExp][] = [
      [{ citation: '  ' }, /^value\.citation: give the citation/],
      [{ citation: 'Letter', date: '30/11/2026' }, /^value\.date: a date as YYYY-MM-DD/],
      [{ citation: 'Letter', url: 'not a url' }, /^value\.url: a web address/],
      [{ citation: 'Letter', kind: 'letter' }, /^value\.kind: /],
      [{ citation: 'Letter', id: 'has space' }, /^value\.id: an id: letters, digits/],
      [{ citation: 'Letter', title: 'x' }, /^value: unknown field\(s\) title/],
      [undefined, /the body needs "value"/],
    ];
    for (const [value, message] of cases) {
      const r = await add('coord', value);
      expect(r.statusCode, JSON.stringify(value)).toBe(400);
      expect(r.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    expect(await sources()).toEqual(before);
  });

  it('lets no viewer add a source', async () => {
    const r = await add('viewer', { citation: 'A viewer’s letter' });
    expect(r.statusCode).toBe(403);
  });
});

describe('newSourceId', () => {
  it('is the citation’s first words and the year, made unique and always a valid id', () => {
    expect(newSourceId('Bundesministerium der Verteidigung: Schreiben', '2026-11-30', new Set())).toBe(
      'bundesministerium-der-verteidigung-2026',
    );
    expect(newSourceId('Élysée — communiqué', undefined, new Set(['elysee-communique']))).toBe(
      'elysee-communique-2',
    );
    expect(newSourceId('«»', undefined, new Set())).toBe('source');
    expect(newSourceId('constructor', undefined, new Set())).toBe('constructor-2');
  });
});
