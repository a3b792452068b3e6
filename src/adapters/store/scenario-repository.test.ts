import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/services/databases.js';
import { freshStores } from './testing.js';

describe.each(testDatabases())('scenario repository on $name', (database) => {
  const { fresh } = freshStores(database);

  it('stores every change as a new version with audit entries, atomically', async () => {
    const { store } = await fresh();
    await store.scenarios.createScenario('s', { items: [1] }, 'alice', 'seed');
    const v2 = await store.scenarios.mutateScenario('s', 'bob', (cur) => ({
      document: { items: [...(cur.document as { items: number[] }).items, 2] },
      summary: 'add 2',
      changes: [
        { action: 'item.create', key: 'item:2', target: 'scenario/s/items/2', before: null, after: 2 },
      ],
    }));
    expect(v2).toMatchObject({ version: 2, revisions: { 'item:2': 2 }, document: { items: [1, 2] } });
    await expect(
      store.scenarios.mutateScenario('s', 'carol', () => {
        throw new Error('rule broken');
      }),
    ).rejects.toThrow('rule broken');
    expect((await store.scenarios.getScenario('s'))?.version).toBe(2);
    expect((await store.scenarios.listVersions('s')).map((v) => [v.version, v.createdBy, v.summary])).toEqual(
      [
        [2, 'bob', 'add 2'],
        [1, 'alice', 'seed'],
      ],
    );
    expect((await store.scenarios.getVersion('s', 1)).document).toEqual({ items: [1] });
    const audit = await store.audit.listAudit({ scenarioId: 's' });
    expect(audit.map((a) => [a.seq, a.actor, a.action, a.before, a.after])).toEqual([
      [2, 'bob', 'item.create', null, 2],
      [1, 'alice', 'scenario.create', null, expect.anything()],
    ]);
  });

  it('commits writes that arrive together in one transaction, each with its own version and audit entry', async () => {
    const { store } = await fresh();
    await store.scenarios.createScenario('s', { items: [] as number[] }, 'alice', 'seed');
    const add = (n: number) =>
      store.scenarios.mutateScenario('s', `user${n}`, (cur) => ({
        document: { items: [...(cur.document as { items: number[] }).items, n] },
        summary: `add ${n}`,
        changes: [
          {
            action: 'item.create',
            key: `item:${n}`,
            target: `scenario/s/items/${n}`,
            before: null,
            after: n,
          },
        ],
      }));
    const saved = await Promise.all([1, 2, 3, 4, 5, 6].map(add));
    expect(saved.map((s) => s.version)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(saved.at(-1)?.document).toEqual({ items: [1, 2, 3, 4, 5, 6] });
    // The store's clock ticks once per transaction: one commit (and one fsync) for the six writes.
    expect(new Set(saved.map((s) => s.updatedAt)).size).toBe(1);
    const audit = await store.audit.listAudit({ scenarioId: 's' });
    expect(audit.filter((a) => a.action === 'item.create').map((a) => [a.actor, a.scenarioVersion])).toEqual(
      [6, 5, 4, 3, 2, 1].map((n) => [`user${n}`, n + 1]),
    );
    expect((await store.audit.verifyAudit()).ok).toBe(true);
  });
});
