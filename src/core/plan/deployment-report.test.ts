import { describe, expect, it } from 'vitest';
import { periodsOf } from './build-program.js';
import type { ScheduledMove } from './deployment-flow.js';
import { addDays } from '../scenario/index.js';
import { deploymentReport } from './deployment-report.js';
import { miniScenario } from './testing.js';

const s = miniScenario({
  periods: 2,
  units: [{ id: 'bn', personnel: 100, capabilities: { presence: 1 } }],
  missions: [{ id: 'presence', requirements: [{ capability: 'presence', amount: 3 }] }],
  nations: [{ id: 'AAA', inventory: { bn: 9 } }],
  deployment: {
    nodes: [{ id: 'port', name: 'Port', kind: 'port', tonnesPerDay: 100 }],
    routes: [{ id: 'sea', name: 'Sea', legs: [{ node: 'port', transitDays: 0 }] }],
    footprints: [{ unitType: 'bn', tonnes: 1000 }],
  },
});
const move = (index: number, arrivalDay: number, waitDays: number): ScheduledMove => ({
  pledge: 'p1',
  nation: 'AAA',
  unitType: 'bn',
  missions: ['presence'],
  index,
  units: 1,
  personnel: 100,
  tonnes: 1000,
  priority: 2,
  route: 'sea',
  readyDay: 0,
  arrivalDay,
  bottleneck: 'port',
  waitDays,
});

describe('deploymentReport', () => {
  it('phases arrivals by period, cumulates them, and keeps late and never-arriving units apart', () => {
    const periods = periodsOf(s); // P1 181 days, P2 184 days: the horizon ends on day 365
    const r = deploymentReport(
      s,
      { moves: [move(0, 10, 0), move(1, 200, 5), move(2, 400, 9), move(3, Infinity, Infinity)] },
      periods,
      (_, t) => t === 2,
    );
    expect(r.moves.map((m) => [m.period, m.arrivalDate])).toEqual([
      [1, '2026-01-11'],
      [2, '2026-07-20'],
      [null, '2027-02-05'],
      [null, null],
    ]);
    expect(r.arrivals.map((a) => [a.period, a.units, a.cumulativeUnits, a.cumulativePersonnel])).toEqual([
      [1, 1, 1, 100],
      [2, 1, 2, 200],
    ]);
    expect(r.personnelInPlace).toEqual([100, 200]);
    expect(r.completeDay).toBeNull();
    expect(r.missions).toEqual([{ mission: 'presence', requirementMetFrom: 2, lastArrivalDay: null }]);
    // A never-arriving unit's infinite wait is left out of the node's days waited.
    expect(r.nodes[0]).toMatchObject({ node: 'port', bottleneckFor: 4, waitDays: 14, tonnes: 4000 });
    expect(r.bottleneck).toBe('port');
  });

  it('addDays is calendar arithmetic across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-07-01', 105.9)).toBe('2026-10-14');
  });
});
