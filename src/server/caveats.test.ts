/**
 * Caveat editing (issue 15 item 3): a nation's caveats are part of the nation, so they are written with the
 * nation's version (409 when stale), by that nation's liaison or the coordinator only, refused with the reason
 * in words and a path to the caveat's field, checked against the nation's own pledges, and audited field by
 * field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestWorkspace, type TestWorkspace } from './testing.js';

interface Issue {
  code: string;
  severity: string;
  path: (string | number)[];
  message: string;
}
interface NationItem {
  version: number;
  value: Record<string, unknown> & { caveats: Record<string, unknown>[] };
}

describe('caveat editing (SQLite, inject)', () => {
  let w: TestWorkspace;
  const url = () => `/api/scenarios/${w.scenarioId}/nations/GBR`;
  const read = async (): Promise<NationItem> =>
    (await w.call(await w.login('viewer'), 'GET', url())).json<NationItem>();
  const put = async (user: string, caveats: unknown[], version?: number) => {
    const n = await read();
    return w.call(await w.login(user), 'PUT', url(), {
      version: version ?? n.version,
      value: { ...n.value, caveats },
    });
  };
  beforeAll(async () => {
    w = await makeTestWorkspace();
  });
  afterAll(async () => {
    await w.close();
  });

  const training = {
    missions: ['regeneration'],
    categories: ['training'],
    hostTerritoryOnly: false,
    kind: 'political',
    reason: 'No trainers beyond the current mission until Parliament votes',
  };

  it("lets the nation's liaison add a caveat, audited as a change of the nation's caveats", async () => {
    const before = await read();
    const r = await put('gbr', [...before.value.caveats, training]);
    expect(r.statusCode, r.body).toBe(422);
    // GBR's own training pledge is on that mission: the caveat contradicts it, said in words.
    const refused = r
      .json<{ error: { issues: Issue[] } }>()
      .error.issues.filter((i) => i.severity === 'error');
    expect(refused.map((i) => [i.code, i.path])).toEqual([
      ['pledge.caveat-conflict', ['pledges', 'gbr-training', 'missions', 0]],
    ]);
    expect(refused[0]?.message).toBe('GBR\'s own caveats exclude "training-team" on "regeneration"');
    expect((await read()).version).toBe(before.version);

    const ok = { ...training, missions: ['presence'], hostTerritoryOnly: true };
    const saved = await put('gbr', [...before.value.caveats, ok]);
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await read();
    expect(after.value.caveats).toEqual([...before.value.caveats, ok]);
    expect(after.version).toBeGreaterThan(before.version);

    const audit = (
      await w.call(
        await w.login('coord'),
        'GET',
        `/api/scenarios/${w.scenarioId}/audit?collection=nations&id=GBR&limit=1`,
      )
    ).json<
      {
        actor: string;
        action: string;
        changes: { path: (string | number)[]; kind: string; before: unknown; after: unknown }[];
      }[]
    >();
    expect(audit[0]).toMatchObject({ actor: 'gbr', action: 'nation.update' });
    // Caveats have no ids, so the list is compared whole: one change, before and after.
    expect(audit[0]?.changes).toEqual([
      { path: ['caveats'], kind: 'changed', before: before.value.caveats, after: after.value.caveats },
    ]);
  });

  it('refuses a caveat without a reason in words, naming the field, and saves nothing', async () => {
    const before = await read();
    const r = await put('coord', [
      ...before.value.caveats,
      { ...training, missions: ['presence'], reason: '  ' },
    ]);
    expect(r.statusCode).toBe(422);
    const issues = r.json<{ error: { issues: Issue[] } }>().error.issues;
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['nations', 'GBR', 'caveats', before.value.caveats.length, 'reason'],
        'give the reason in words: what the nation will not do, and why',
      ],
    ]);
    expect(await read()).toEqual(before);
  });

  it("lets the coordinator change and remove caveats, but not another nation's liaison or a viewer", async () => {
    const before = await read();
    for (const user of ['fra', 'viewer']) {
      const r = await put(user, []);
      expect(r.statusCode, user).toBe(403);
    }
    const stale = await put('coord', [], before.version - 1);
    expect(stale.statusCode, stale.body).toBe(409);
    const removed = await put('coord', before.value.caveats.slice(0, 1));
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await read()).value.caveats).toEqual(before.value.caveats.slice(0, 1));
  });
});
