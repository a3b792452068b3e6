import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefKind } from './run-kinds.js';
import { loadInput, storedInput } from './scenario.js';

const minimal = join(import.meta.dirname, '../../test/fixtures/minimal.yaml');

describe('the workspace brief kind', () => {
  // Regression (issue 15): a briefing made from a stored workspace version told the reader to run the
  // built-in scenario of the same id, which is not what it was made from.
  it('names the stored version it ran on in its reproduce line, and how to export it', async () => {
    const file = loadInput(minimal);
    const input = storedInput({ id: 'coalition', version: 7, hash: file.hash }, file.scenario);
    const kind = briefKind('test', () => new Date(Date.UTC(2026, 0, 1)), 1);
    const prepared = kind.prepare({ compare: [], runs: 200, seed: 5, tornadoRuns: 0 });
    if (!prepared.ok) throw new Error('options refused');
    const r = (await prepared.run.run(input, () => undefined, new AbortController().signal)) as {
      html: string;
      briefing: { appendix: { reproduce: { command: string; note?: string } } };
    };
    expect(r.briefing.appendix.reproduce.command).toBe(
      'npx bulwark brief coalition-v7.json --seed 5 --runs 200',
    );
    expect(r.briefing.appendix.reproduce.note).toContain(
      'GET /api/scenarios/coalition/export.json?version=7',
    );
    expect(r.html).toContain('<code>npx bulwark brief coalition-v7.json --seed 5 --runs 200</code>');
    expect(r.html).not.toContain('npx bulwark brief minimal');
  });
});
