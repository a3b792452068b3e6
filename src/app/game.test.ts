import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/helpers.js';
import { parseEfg } from '../core/game/index.js';
import { BulwarkError } from '../core/shared/index.js';
import { runGame } from './game.js';

describe('runGame', () => {
  it('builds the tripwire game from a scenario and reports its thresholds and curves', () => {
    const r = runGame({ ref: fixture('minimal.yaml') });
    expect(r.source.kind).toBe('scenario');
    expect(r.solver).toBe('one-sided-bayesian');
    expect(r.nashChecked).toBe(true);
    // Thresholds for the bold type: ρ at its 90th percentile (Normal(1, 2): 1 + 2·1.2816) minus D_host = 1.
    // The force fights alone (a = 3.8 ≥ k + L), so u_I = V − f = 2.563 − 2.5 and u_R = V − W − f = u_I − 0.25.
    const v = 2 * 1.2815515655446004;
    expect(r.credibility?.thresholds.tripwire).toBeCloseTo((v - 2.5) / 0.25, 4);
    expect(r.credibility?.thresholds.backstopOnly).toBeNull(); // W = 0.25 < V
    // Over the adversary types the scenario draws (ρ ~ Normal(1, 2)) some do test.
    expect(r.credibility?.adversaryTypes.shareTesting).toBeGreaterThan(0.05);
    expect(r.credibility?.adversaryTypes.shareTesting).toBeLessThan(0.5);
    expect(r.credibility?.closedFormChecked).toBe(true);
    expect(r.credibility?.curves.forceSize.find((p) => p.x === 1)?.personnel).toBe(1900);
    expect(r.pathInWords).toHaveLength(2);
    expect(r.textbook.every((t) => t.ok)).toBe(true);
    expect(parseEfg(r.efg).ok).toBe(true);
  });

  it('takes template assumptions: a smaller audience cost makes the force withdraw when it would fight alone', () => {
    const small = runGame({ ref: fixture('minimal.yaml'), assumptions: { audienceCostPerThousand: 0.1 } });
    const large = runGame({ ref: fixture('minimal.yaml'), assumptions: { audienceCostPerThousand: 1 } });
    expect(small.credibility?.testPayoffs.tripwire.fightsIfIrresolute).toBe(false);
    expect(large.credibility?.testPayoffs.tripwire.fightsIfIrresolute).toBe(true);
    expect(small.credibility?.thresholds.tripwire ?? 0).toBeGreaterThan(
      large.credibility?.thresholds.tripwire ?? 1,
    );
  });

  it('solves game files and Gambit files with the solver whose class fits', () => {
    expect(runGame({ ref: fixture('games/entry-deterrence.yaml') }).solver).toBe('perfect-information');
    expect(runGame({ ref: fixture('games/bayesian-entry.yaml') }).solver).toBe('one-sided-bayesian');
    const pennies = runGame({ ref: fixture('games/matching-pennies.yaml') });
    expect(pennies.solver).toBe('support-enumeration');
    expect(pennies.mixed?.equilibria).toHaveLength(1);
    expect(runGame({ ref: fixture('games/bagwell.efg') }).mixed?.equilibria.length).toBeGreaterThan(0);
  });

  it('throws scenario-invalid with positioned issues for a broken game file', () => {
    try {
      runGame({ ref: fixture('games/invalid.yaml') });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BulwarkError);
      const err = e as BulwarkError;
      expect(err.code).toBe('scenario-invalid');
      expect(err.issues.map((i) => [i.code, i.line])).toEqual([
        ['game.unknown-player', 8],
        ['game.missing-payoff', 13],
        ['game.probability-sum', 5],
      ]);
    }
  });
});
