/**
 * Plan with resilience reports its progress (issue 16, item 8: 1,000 nations re-solved for minutes with no
 * sign of life): one call per re-solve, ending at the number of cases.
 */
import { describe, expect, it } from 'vitest';
import { runPlan, loadInput } from '../src/app/index.js';
import { fixture } from './helpers.js';

describe('resilience progress', () => {
  it('calls back once per re-solved case, up to the total', async () => {
    const calls: [number, number][] = [];
    const r = await runPlan({
      loaded: loadInput(fixture('minimal.yaml')),
      resilience: true,
      onResilienceProgress: (done, total) => calls.push([done, total]),
    });
    const cases = r.resilience?.cases.length ?? 0;
    expect(cases).toBeGreaterThan(1);
    expect(calls).toEqual(Array.from({ length: cases }, (_, i) => [i + 1, cases]));
  });
});
