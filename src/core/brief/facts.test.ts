import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { covered, planOf, sourced } from '../../../test/brief-builders.js';
import { loadFixture } from '../../../test/helpers.js';
import { forceFacts, gapFillers, gapRuns, leadOnlyPeriods, rankGaps } from './facts.js';

const s = loadFixture();

describe('forceFacts', () => {
  it('finds the peak period and counts requirement-periods met in full', () => {
    const p = planOf(
      [
        sourced('GBR', 'fighter-sqn', 'skies', 1, 1),
        sourced('GBR', 'infantry-bn', 'presence', 2, 2),
        sourced('FRA', 'fighter-sqn', 'skies', 2, 1),
      ],
      [
        covered('skies', 'orbit', 1, 2, 1),
        covered('skies', 'orbit', 2, 2, 2),
        covered('presence', 'presence', 2, 3, 2),
      ],
    );
    const f = forceFacts(s, p);
    // P2: 1,400 + 250 = 1,650 against P1's 250.
    expect(f.peakDeployed).toBe(1650);
    expect(f.peakPeriod).toBe(2);
    expect(f.byCategory).toEqual([
      ['land', 1400],
      ['air', 250],
    ]);
    expect(f.contributors).toBe(2);
    expect([f.coveredPeriods, f.requirementPeriods]).toEqual([1, 3]);
  });
});

describe('gaps', () => {
  const cov = [
    covered('skies', 'orbit', 1, 2, 0),
    covered('skies', 'orbit', 2, 2, 1.5),
    covered('skies', 'orbit', 3, 2, 1.5),
    covered('skies', 'orbit', 4, 2, 1.5),
    covered('presence', 'presence', 2, 3, 2),
  ];
  const p = planOf([], cov);

  it('ranks by the unmet share of the horizon and quotes the longest run', () => {
    const g = rankGaps(p);
    // skies: 1 + 3 × 0.25 = 1.75 requirement-periods unmet; presence 1/3.
    expect(g.map((x) => x.mission)).toEqual(['skies', 'presence']);
    expect(g[0]?.weight).toBeCloseTo(1.75, 12);
    expect(g[0]?.typical).toMatchObject({ from: 2, to: 4, short: 0.5, required: 2 });
    expect(g[0]?.short).toBe(2);
  });

  it('splits the table into runs of the same amount and cause', () => {
    // The builder's cause names the period, so each period is its own run here.
    expect(gapRuns(p).map((r) => [r.mission, r.from, r.to])).toEqual([
      ['skies', 1, 1],
      ['skies', 2, 2],
      ['skies', 3, 3],
      ['skies', 4, 4],
      ['presence', 2, 2],
    ]);
    const same = planOf([], cov.slice(1, 4));
    const merged = { ...same, shortfall: same.shortfall.map((r) => ({ ...r, explanation: 'same' })) };
    expect(gapRuns(merged).map((r) => [r.from, r.to])).toEqual([[2, 4]]);
  });

  it('names periods in which nothing at all is in place', () => {
    expect(leadOnlyPeriods(p)).toEqual([1]);
  });

  it('ranks who could fill a gap by personnel beyond their pledges', () => {
    const pledged = planOf([sourced('GBR', 'fighter-sqn', 'skies', 2, 1)], cov);
    const potential = planOf(
      [
        sourced('GBR', 'fighter-sqn', 'skies', 2, 2),
        sourced('FRA', 'fighter-sqn', 'skies', 2, 3),
        // Battalions provide no orbit: not a filler of the skies gap.
        sourced('GBR', 'infantry-bn', 'skies', 2, 5),
      ],
      [],
    );
    expect(gapFillers(s, pledged, potential, rankGaps(pledged).slice(0, 1))).toEqual([
      { nation: 'FRA', personnel: 750 },
      { nation: 'GBR', personnel: 250 },
    ]);
  });

  it('property: the gaps cover every shortfall row and weights stay within the periods', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0, max: 2, noNaN: true })), {
          maxLength: 4,
        }),
        (rows) => {
          const uniq = [...new Map(rows.map(([t, v]) => [t, v])).entries()].sort((a, b) => a[0] - b[0]);
          const q = planOf(
            [],
            uniq.map(([t, v]) => covered('skies', 'orbit', t, 2, v)),
          );
          const gaps = rankGaps(q);
          expect(gaps.reduce((a, g) => a + g.periods.length, 0)).toBe(q.shortfall.length);
          for (const g of gaps) expect(g.weight).toBeLessThanOrEqual(g.periods.length + 1e-12);
        },
      ),
    );
  });
});
