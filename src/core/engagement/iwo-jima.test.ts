/**
 * Iwo Jima after J. H. Engel, "A verification of Lanchester's law", Journal of the Operations Research
 * Society of America 2(2):163–171 (1954).
 *
 * What was verified, and where (docs/engagement.md §5):
 * - The paper and its equations dM/dt = P(t) − A·N, dN/dt = −B·M: its first page, as scanned on
 *   paperzz.com (doc 6956437) and scribd (document 434942541). The rest of the text was not readable there.
 * - The inputs, from two independent secondary sources that cite Engel: a ≈ 0.0544 (Japanese effect on US
 *   troops), b ≈ 0.0106 (US effect on Japanese), 21,500 Japanese, no Japanese reinforcements, US landings
 *   of 54,000 / 6,000 / 13,000 on days 1, 3 and 6, 36 days (pose/ss2009 trunk/tp1_iwojima/src/iwojima.m
 *   and reinforcement.m; antononcube/SystemModeling Projects/War-modeling/Documents/
 *   Generalized-Lanchester-combat-models.md, which starts the Japanese at 21,000 in its own run).
 *
 * NOT verified: Engel's published endpoints (the observed US active strength he compares against at the
 * end, his computed curve's values). No stored source gives them, so this test does not claim to
 * reproduce them. It checks that the model run on Engel's inputs is the exact solution of his equations
 * (closed form restarted at each landing), and snapshots the resulting figures so that a change in the
 * model shows up here. test/cli.test.ts runs the same inputs from test/fixtures/engagements/iwo-jima.yaml.
 */
import { describe, expect, it } from 'vitest';
import { squareLawClosedForm } from './closed-form.js';
import { simulateEngagement, type EngagementSpec } from './simulate.js';

const engel: EngagementSpec = {
  law: 'square',
  x0: 0,
  y0: 21_500,
  a: 0.0544,
  b: 0.0106,
  blueReinforcements: [
    { day: 1, strength: 54_000 },
    { day: 3, strength: 6_000 },
    { day: 6, strength: 13_000 },
  ],
  redReinforcements: [],
  days: 36,
};

describe('Iwo Jima (Engel 1954 inputs)', () => {
  const r = simulateEngagement(engel);

  it('is the exact solution of the square law restarted at each landing (to one person in 10⁷)', () => {
    let x = 0;
    let y = 21_500;
    const landed = new Map([
      [1, 54_000],
      [3, 6_000],
      [6, 13_000],
    ]);
    for (let d = 1; d <= 36; d++) {
      const next = squareLawClosedForm(x + (landed.get(d) ?? 0), y, engel.a, engel.b, 1);
      x = next.blue;
      y = next.red;
      expect(r.series[d]?.blue).toBeCloseTo(x, 2);
      expect(r.series[d]?.red).toBeCloseTo(y, 2);
    }
  });

  it('ends with the Japanese force gone during day 36 and about 52,800 US troops active', () => {
    // Our own figures on Engel's inputs (a no-regression snapshot, not Engel's published numbers).
    expect(r.annihilated.red).toBeCloseTo(35.442, 3);
    expect(r.annihilated.blue).toBeNull();
    const end = r.series[36];
    expect(end?.red).toBe(0);
    expect(end?.blue).toBeCloseTo(52_796.67, 1);
    expect(r.casualties.red).toBe(21_500);
    expect(r.casualties.blue).toBeCloseTo(73_000 - 52_796.67, 1);
    // By the invariant, after day 6 (no more landings) b·x² − a·y² is fixed: check it between day 7 and 36.
    const k = (d: number): number =>
      engel.b * (r.series[d]?.blue ?? 0) ** 2 - engel.a * (r.series[d]?.red ?? 0) ** 2;
    expect(Math.abs(k(36) - k(7)) / k(7)).toBeLessThan(1e-9);
  });
});
