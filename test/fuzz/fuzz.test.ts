/**
 * A short seeded run of the fuzz harness (docs/reliability.md): a few dozen mutated scenarios and
 * fixtures through validate, plan, assure, game and a briefing, each bounded in time and memory. Any
 * crash, hang, non-finite output or unlocated message fails the test with the input's replay command.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from './harness.js';
import { loadCorpus, makeInput } from './mutate.js';
import { nonFinite } from './target.js';

describe('fuzz harness', () => {
  it('builds the same input for the same seed and index, and others for other indices', () => {
    const corpus = loadCorpus();
    expect(makeInput(corpus, 7, 3)).toEqual(makeInput(corpus, 7, 3));
    expect(makeInput(corpus, 7, 3).text).not.toEqual(makeInput(corpus, 7, 4).text);
  });

  it('finds non-finite numbers anywhere in a result', () => {
    expect(nonFinite({ a: [1, { b: Infinity }], c: new Float64Array([0, NaN]) })).toHaveLength(2);
    expect(nonFinite({ a: [1, null, 'x'] })).toEqual([]);
  });

  it('reports a hang when an input runs past its time bound', async () => {
    const r = await fuzz({ seed: 3, inputs: 1, first: 0, timeoutMs: 1, briefEvery: 0 });
    expect(r.counts.hang).toBe(1);
  }, 60_000);

  it('24 seeded inputs: no crash, hang, non-finite output or unlocated message', async () => {
    const r = await fuzz({ seed: 20261202, inputs: 24, timeoutMs: 60_000, briefEvery: 12 });
    const lines = r.failures.map(
      (f) =>
        `#${f.index} (${f.how}): ${f.findings.map((x) => `${x.kind} in ${x.step}: ${x.detail}`).join('; ')}`,
    );
    expect(lines).toEqual([]);
    expect(r.inputs).toBe(24);
    expect(r.valid).toBeGreaterThan(0);
  }, 180_000);
});
