/**
 * Impossible pledges are refused with the reason in words (issue 15 item 3), and an object's warnings stay
 * with it on every read until the data changes: `issues` on each item of a collection's list, on one item
 * and on an edit's answer, with paths by id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../test/helpers.js';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Issue {
  code: string;
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
}
interface Item {
  version: number;
  value: Record<string, unknown> & { id: string; units: number };
  issues: Issue[];
}

describe('pledge issues (SQLite, inject)', () => {
  let w: TestWorkspace;
  const base = () => `/api/scenarios/${w.scenarioId}`;
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  const get = async (id: string): Promise<Item> =>
    (await w.call(await w.login('viewer'), 'GET', `${base()}/pledges/${id}`)).json<Item>();
  const put = async (id: string, units: number) => {
    const p = await get(id);
    return w.call(await w.login('gbr'), 'PUT', `${base()}/pledges/${id}`, {
      version: p.version,
      value: { ...p.value, units },
    });
  };

  it('keeps a warning with the pledge on every read until the data changes', async () => {
    // GBR holds 10 medical units; 4 deployed continuously need more than 10 under its rotation rule.
    const saved = await put('gbr-medical', 4);
    expect(saved.statusCode, saved.body).toBe(200);
    const answer = saved.json<{ item: Item }>().item;
    expect(answer.issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['pledge.unsustainable', 'warning', ['pledges', 'gbr-medical', 'units']],
    ]);
    expect(answer.issues[0]?.message).toMatch(/GBR holds 10/);
    // Read back alone and in the list: the same warning.
    expect((await get('gbr-medical')).issues).toEqual(answer.issues);
    const list = (await w.call(await w.login('coord'), 'GET', `${base()}/pledges`)).json<{ items: Item[] }>();
    expect(list.items.find((i) => i.value.id === 'gbr-medical')?.issues).toEqual(answer.issues);
    // Other pledges carry no issue of their own.
    expect(list.items.find((i) => i.value.id === 'gbr-fighters')?.issues).toEqual([]);
    // Resolved: back to 2, and the warning is gone.
    expect((await put('gbr-medical', 2)).statusCode).toBe(200);
    expect((await get('gbr-medical')).issues).toEqual([]);
  });

  it.each([
    [40, 'pledge.exceeds-inventory', /GBR holds 10 "medical-unit".*pledges 40 deployed at once/],
    [2.5, 'pledge.fractional-unit', /2\.5 "medical-unit".*deploys whole.*\(2 or 3\)/],
  ])('refuses %s medical units with 422, %s, in words', async (units, code, words) => {
    const before = await get('gbr-medical');
    const r = await put('gbr-medical', units);
    expect(r.statusCode).toBe(422);
    const issues = r.json<{ error: { issues: Issue[] } }>().error.issues;
    const found = issues.find((i) => i.code === code);
    expect(found?.path).toEqual(['pledges', 'gbr-medical', 'units']);
    expect(found?.severity).toBe('error');
    expect(found?.message).toMatch(words);
    expect((await get('gbr-medical')).version).toBe(before.version);
  });

  it('refuses pledges above the personnel ceiling, naming the ceiling and the pledges', async () => {
    // GBR pledges 6,390 personnel against a ceiling of 10,000; 30 training teams add 4,000 more.
    const r = await put('gbr-training', 30);
    expect(r.statusCode).toBe(422);
    const found = r
      .json<{ error: { issues: Issue[] } }>()
      .error.issues.find((i) => i.code === 'pledge.exceeds-ceiling');
    expect(found?.path).toEqual(['nations', 'GBR', 'personnelCeiling']);
    expect(found?.message).toMatch(/GBR pledges 10390 personnel .*gbr-training 6000.*ceiling of 10000/);
  });

  it('shows the errors of data saved before the rule existed', async () => {
    const s = loadBuiltin('ukraine-2025');
    const legacy = {
      ...s,
      pledges: s.pledges.map((p) => (p.id === 'fra-gbad' ? { ...p, units: 40 } : p)),
    };
    await w.store.scenarios.createScenario('legacy', legacy, 'system', 'saved under the old rules');
    const p = (
      await w.call(await w.login('viewer'), 'GET', '/api/scenarios/legacy/pledges/fra-gbad')
    ).json<Item>();
    expect(p.issues.map((i) => [i.code, i.severity])).toEqual([['pledge.exceeds-inventory', 'error']]);
    expect(p.issues[0]?.message).toMatch(/FRA holds 6 "gbad-battery"/);
  });
});
