import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctUnitCount, sustainMonths, tourCount } from './sustainment.js';

/**
 * A unit-by-unit schedule of one post held continuously for `horizon` months with tours of `tour` months
 * starting at 0, tour, 2·tour, …: each tour takes a unit back from dwell if one has rested `dwell` months,
 * else a new one. Returns the distinct units used and, with a pool of `pool` units, the month of the first
 * tour no rested unit can take (Infinity when none).
 */
function schedule(
  tour: number,
  dwell: number,
  horizon: number,
  pool = Infinity,
): { distinct: number; breach: number } {
  const readyAt: number[] = [];
  let breach = Infinity;
  for (let start = 0; start < horizon; start += tour) {
    const i = readyAt.findIndex((r) => r <= start);
    if (i >= 0) readyAt[i] = start + tour + dwell;
    else if (readyAt.length < pool) readyAt.push(start + tour + dwell);
    else {
      breach = Math.min(breach, start);
      readyAt.push(start + tour + dwell);
    }
  }
  return { distinct: readyAt.length, breach };
}

const quarters = (n: number, d = 1): number[] => Array.from({ length: n }, () => d);

describe('rotation arithmetic, one post held for 24 months (8 quarters)', () => {
  // tour, dwell → ratio, tours, distinct units (hand-derived; see docs/planner.md).
  const cases: [number, number, number, number, number][] = [
    // Rule of thirds: 4 tours; the first unit is back after 18 months for the fourth → 3 distinct = ratio.
    [6, 12, 3, 4, 3],
    // UK Army harmony: 4 tours; a unit is back only after 30 months, beyond the horizon → 4 distinct < ratio 5.
    [6, 24, 5, 4, 4],
    // RAF harmony: cycle 22 months; 4 tours, fluid pool 22/6 ≈ 3.67 units.
    [6, 16, 22 / 6, 4, 22 / 6],
    // Four-month tours at 1:2: 6 tours, cycle 12 months → 3 distinct.
    [4, 8, 3, 6, 3],
    // Twelve-month tours at 1:2 (US Army active goal): 2 tours, nobody returns → 2 distinct.
    [12, 24, 3, 2, 2],
    // No dwell: the same unit stays (4 tours, 1 unit).
    [6, 0, 1, 4, 1],
  ];
  it.each(cases)(
    'tour %d + dwell %d: ratio %d, tours %d, distinct %d',
    (tour, dwell, ratio, tours, distinct) => {
      expect((tour + dwell) / tour).toBeCloseTo(ratio, 12);
      const t = tourCount(quarters(8), 3, tour);
      expect(t).toBeCloseTo(tours, 12);
      expect(distinctUnitCount(1, t, ratio)).toBeCloseTo(distinct, 12);
    },
  );

  it('scales with the posts held and counts build-up periods by the time units are there', () => {
    // 10 posts from P2 and 4 in P1 (a build-up), tour 6, dwell 24: unit-months 4·3 + 10·21 = 222 → 37 tours.
    const series = [4, ...quarters(7, 10)];
    expect(tourCount(series, 3, 6)).toBeCloseTo(37, 12);
    // Ratio 5 × peak 10 = 50 held, more than the 37 tours: nobody serves twice, 37 distinct units.
    expect(distinctUnitCount(10, 37, 5)).toBe(37);
    // At 1:2 the pool of 30 caps it.
    expect(distinctUnitCount(10, 37, 3)).toBe(30);
    // A horizon shorter than one tour still needs every post filled.
    expect(distinctUnitCount(10, 5, 3)).toBe(10);
  });

  it('matches a unit-by-unit schedule wherever dwell and horizon are whole numbers of tours', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3, 4, 6, 12),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (tour, dwellTours, horizonTours) => {
          const dwell = dwellTours * tour;
          const horizon = horizonTours * tour;
          const sim = schedule(tour, dwell, horizon);
          const tours = tourCount([1], horizon, tour);
          expect(distinctUnitCount(1, tours, (tour + dwell) / tour)).toBeCloseTo(sim.distinct, 9);
        },
      ),
    );
  });
});

describe('years sustainable from a rotational pool', () => {
  it('hand-derived pools', () => {
    // Rule of thirds: 3 units per post sustain it for ever; 2 last two tours (12 months).
    expect(sustainMonths(3, 1, 6, 12)).toBe(Infinity);
    expect(sustainMonths(2, 1, 6, 12)).toBe(12);
    // UK Army harmony (ratio 5): 3 HQ elements keep one deployed for 3 tours = 18 months, 5 for ever.
    expect(sustainMonths(3, 1, 6, 24)).toBe(18);
    expect(sustainMonths(5, 1, 6, 24)).toBe(Infinity);
    // 30 training teams for 10 deployed at ratio 5: 3 tours each → 18 months; 18 logistics for 4 → 27.
    expect(sustainMonths(30, 10, 6, 24)).toBe(18);
    expect(sustainMonths(18, 4, 6, 24)).toBe(27);
    // RAF harmony: 7.33 fighter detachments sustain 2 (ratio 22/6); 7 last 21 months.
    expect(sustainMonths((2 * 22) / 6, 2, 6, 16)).toBe(Infinity);
    expect(sustainMonths(7, 2, 6, 16)).toBe(21);
    // Nothing deployed: nothing to run out.
    expect(sustainMonths(0, 0, 6, 12)).toBe(Infinity);
  });

  it('is indefinite exactly when the pool holds ratio × deployed, and never above one cycle otherwise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 36 }),
        (pool, deployed, tour, dwell) => {
          const m = sustainMonths(pool, deployed, tour, dwell);
          const ratio = (tour + dwell) / tour;
          if (pool >= ratio * deployed) expect(m).toBe(Infinity);
          else if (pool < ratio * deployed * (1 - 1e-6)) {
            expect(m).toBeLessThan(tour + dwell);
            expect(m).toBeCloseTo((pool * tour) / deployed, 9);
          }
        },
      ),
    );
  });

  it('matches a unit-by-unit schedule of whole units', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3, 4, 6, 12),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (tour, dwellTours, pool) => {
          const dwell = dwellTours * tour;
          const sim = schedule(tour, dwell, 20 * (tour + dwell), pool);
          expect(sustainMonths(pool, 1, tour, dwell)).toBe(sim.breach);
        },
      ),
    );
  });
});
