import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { BulwarkError } from '../shared/index.js';
import { analyseScenarioCredibility, solveGame } from './credibility.js';
import { templateGame, deriveParams } from './templates.js';
import { game, leaf, node } from './test-helpers.js';

describe('analyseScenarioCredibility (pure, on a validated scenario)', () => {
  it("gives the bold type's closed-form threshold, checked against the solver", () => {
    const a = analyseScenarioCredibility(loadFixture());
    // ρ ~ Normal(1, 2) at its 90th percentile, minus D_host = 1: V = 2·z(0.9); u_I = V − 2.5, W = 0.25.
    const v = 2 * 1.2815515655446004;
    expect(a.thresholds.tripwire).toBeCloseTo((v - 2.5) / 0.25, 4);
    expect(a.closedFormChecked).toBe(true);
    expect(a.curves.forceSize.map((p) => p.x)).toEqual([
      0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3,
    ]);
    expect(a.findings.length).toBeGreaterThan(2);
  });
  it('throws usage for inconsistent assumptions', () => {
    // Guarantor costs out of order (the resolute type must pay more to abstain than to intervene).
    const bad = { resoluteAbstainCost: 0, interventionCost: 1, irresoluteAbstainCost: 2 };
    expect(() => analyseScenarioCredibility(loadFixture(), 'tripwire', bad)).toThrow(BulwarkError);
  });
});

describe('solveGame', () => {
  it('solves perfect information by backward induction, and the template by the one-sided solver', () => {
    const entry = game(
      ['A', 'B'],
      node(0, 'a', { in: node(1, 'b', { fight: leaf(-1, -1), yield: leaf(2, 1) }), out: leaf(0, 3) }),
    );
    const s = solveGame(entry);
    expect(s.solver).toBe('perfect-information');
    expect(s.equilibrium?.choices.map((c) => c.action)).toEqual(['in', 'yield']);
    expect(s.equilibrium?.payoffs).toEqual([2, 1]);
    expect(s.mixed?.equilibria.length).toBeGreaterThan(0);
    const t = solveGame(templateGame('tripwire', deriveParams(loadFixture(), {}).params));
    expect(t.solver).toBe('one-sided-bayesian');
  });
});
