/**
 * One calendar (core/scenario/calendar.ts): the planner's periods and the simulation's periods are the same
 * days. Crosses core/plan and core/assure, so it lives here rather than beside either.
 */
import { describe, expect, it } from 'vitest';
import {
  compileLadder,
  exactFirstPassage,
  layoutOf,
  runChunk,
  type LadderParams,
} from '../src/core/assure/index.js';
import { periodsOf } from '../src/core/plan/index.js';
import {
  activePledges,
  addDays,
  addMonths,
  daysBetween,
  periodCalendar,
  periodOfSimulationDay,
  type Scenario,
} from '../src/core/scenario/index.js';
import { loadBuiltin } from './helpers.js';

/**
 * A model whose tripwire (level 3 → 4) can only ring while the force is exposed, which it is in period p
 * only; every other rung moves at 60 a day (P(no move in a day) = e^−60), with no deterrence, so every run
 * is tested on the first simulation day of period p.
 */
function exposedOnlyIn(s: Scenario, p: number): LadderParams {
  const pledge = activePledges(s)[0]!;
  const force = layoutOf(s, [
    { nation: pledge.nation, unitType: pledge.unitType, period: p, units: 1, exposed: true },
  ]);
  const m = compileLadder(s, { force, feedback: false });
  const up = new Float64Array(m.levels);
  for (let l = 0; l < 4; l++) up[l] = 60;
  return { ...m, up, down: new Float64Array(m.levels), deter: new Float64Array(m.levels) };
}

describe('one calendar for the planner and the simulation', () => {
  for (const name of ['ukraine-2025', 'baltic-efp-2017']) {
    it(`${name}: every period's first and last day agree (planner, simulation, exact chain)`, () => {
      const s = loadBuiltin(name);
      const plan = periodsOf(s);
      const m = compileLadder(s);
      expect(m.periodEnds.length).toBe(plan.length);
      for (const [i, p] of plan.entries()) {
        // Simulation day t is the date at offset t − 1: first day startDay + 1, last day startDay + days.
        const first = p.startDay + 1;
        const last = p.startDay + p.days;
        expect(m.periodEnds[i]).toBe(last);
        expect(periodOfSimulationDay(m.periodEnds, first)).toBe(i);
        expect(periodOfSimulationDay(m.periodEnds, last)).toBe(i);
        if (i > 0) expect(periodOfSimulationDay(m.periodEnds, first - 1)).toBe(i - 1);
        // Calendar months, not a mean month: the first day is the period's start date.
        expect(addDays(s.horizon.start, first - 1)).toBe(
          addMonths(s.horizon.start, i * s.horizon.periodMonths),
        );
      }
    });
  }

  it("the simulation and the exact chain change period on the planner's first day of each period", () => {
    const s = loadBuiltin('ukraine-2025');
    const plan = periodsOf(s);
    for (const p of plan.slice(1)) {
      if (p.startDay + 1 > s.assurance.horizonDays) continue;
      const m = exposedOnlyIn(s, p.index);
      const day = p.startDay + 1;
      const st = runChunk({ models: [m] }, 7, 0, 200)[0]!;
      // Every run is tested on that day, none the day before.
      expect(st.firstTripwire[day]).toBe(200);
      const exact = exactFirstPassage(m, 0, 4);
      expect(exact[day - 1]).toBe(0);
      expect(exact[day]).toBeGreaterThan(1 - 1e-12);
    }
  });

  it('quarters are calendar quarters: 92, 92, 90/91 and 91 days', () => {
    const cal = periodCalendar({ start: '2026-07-01', periods: 8, periodMonths: 3 });
    expect(cal.map((p) => p.days)).toEqual([92, 92, 90, 91, 92, 92, 91, 91]);
    expect(cal.map((p) => p.start)).toEqual([
      '2026-07-01',
      '2026-10-01',
      '2027-01-01',
      '2027-04-01',
      '2027-07-01',
      '2027-10-01',
      '2028-01-01',
      '2028-04-01',
    ]);
    expect(cal.at(-1)!.startDay + cal.at(-1)!.days).toBe(daysBetween('2026-07-01', '2028-07-01'));
  });

  it('addDays: calendar arithmetic across months and leap years, fractional days from their start', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-07-01', 105.9)).toBe('2026-10-14');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
