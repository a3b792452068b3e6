import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../test/helpers.js';
import { describeCurve, explainThreshold, percent } from './narrative.js';
import { deriveParams } from './templates.js';
import { closedFormThreshold, testPayoffs } from './thresholds.js';

describe('narrative', () => {
  // An adversary type whose stakes exceed the host's denial by 1 (the mean type's net stakes are 0).
  const p = { ...deriveParams(loadFixture(), { audienceCostPerThousand: 0.1 }).params, stakes: 1 };

  it('states the threshold, the margin and what the force does', () => {
    const lines = explainThreshold(
      {
        kind: 'tripwire',
        threshold: closedFormThreshold('tripwire', p),
        prior: p.prior,
        payoffs: testPayoffs(p, true),
      },
      p,
    );
    expect(lines[0]).toBe(
      'Testing the force stops paying once the adversary believes the guarantor resolute with probability 36.4% or more.',
    );
    expect(lines[1]).toBe(
      "The adversary's belief (50%) is above it: the adversary holds (margin 13.6 percentage points).",
    );
    expect(lines[2]).toMatch(
      /^If tested, the force fights when the guarantor is resolute and withdraws when it is not/,
    );
  });

  it('says when testing pays at any credibility, and on the knife edge', () => {
    const never = explainThreshold(
      { kind: 'backstop-only', threshold: null, prior: 0.5, payoffs: testPayoffs(p, false) },
      p,
    );
    expect(never[0]).toMatch(/^Testing pays whatever/);
    const edge = explainThreshold(
      { kind: 'backstop-only', threshold: 0.5, prior: 0.5, payoffs: testPayoffs(p, false) },
      p,
    );
    expect(edge[1]).toMatch(/exactly on the threshold/);
  });

  it('describes curves and formats percentages', () => {
    expect(
      describeCurve(
        [
          { x: 0, threshold: 0.5 },
          { x: 1, threshold: 0.25 },
        ],
        'x',
      ),
    ).toBe('For x from 0 to 1, the threshold moves from 50% to 25%.');
    expect([percent(null), percent(1 / 3), percent(0)]).toEqual(['never', '33.3%', '0%']);
  });
});
