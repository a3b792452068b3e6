import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/services/databases.js';
import { freshStores } from './testing.js';

describe.each(testDatabases())('run repository on $name', (database) => {
  const { fresh } = freshStores(database);

  it('stores runs with version, hash and a 32-bit seed, and interrupts unfinished ones on restart', async () => {
    const { store } = await fresh();
    const r = await store.runs.insertRun({
      scenarioId: 's',
      scenarioVersion: 3,
      scenarioHash: 'sha256:x',
      kind: 'assure',
      options: { runs: 10 },
      seed: 4_294_967_295,
      createdBy: 'ann',
    });
    await store.runs.updateRun(r.id, { status: 'running', started: true, progress: { done: 1, total: 2 } });
    expect(await store.runs.getRun(r.id)).toMatchObject({
      seed: 4_294_967_295,
      scenarioVersion: 3,
      status: 'running',
    });
    expect(await store.runs.interruptUnfinishedRuns()).toBe(1);
    expect((await store.runs.getRun(r.id))?.status).toBe('interrupted');
  });
});
