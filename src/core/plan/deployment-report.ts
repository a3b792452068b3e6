/**
 * The plan's time-phased arrival table (docs/planner.md, "Deployment flow"): from the deployment schedule,
 * what arrives in each period by nation and mission, what is in place cumulatively, which node held each
 * movement up, and when each mission first has its whole requirement in place. Pure.
 */
import { addDays, type Scenario } from '../scenario/index.js';
import type { PeriodInfo } from './build-program.js';
import type { DeploymentSchedule, ScheduledMove } from './deployment-flow.js';

/** One pledged unit in the time-phased force and deployment list. */
export interface DeploymentMove {
  readonly pledge: string;
  readonly nation: string;
  readonly unitType: string;
  /** Missions it may serve, joined with "/". */
  readonly mission: string;
  readonly units: number;
  readonly personnel: number;
  readonly tonnes: number;
  /** Route id, or null for a unit on no route (arrives after its lead time). */
  readonly route: string | null;
  readonly readyDay: number;
  /** Day from the horizon start it is in its mission area; null: never (no capacity on its route). */
  readonly arrivalDay: number | null;
  /** Its date (YYYY-MM-DD), null when it never arrives or only after `DATED_DAYS`. */
  readonly arrivalDate: string | null;
  /** Period it arrives in; null when after the horizon or never. */
  readonly period: number | null;
  readonly bottleneck: string | null;
  readonly waitDays: number;
}

/** Arrivals in one period of one nation's units for one mission. */
export interface ArrivalRow {
  readonly period: number;
  readonly nation: string;
  readonly mission: string;
  readonly units: number;
  readonly personnel: number;
  /** In place by the period's end (this nation, this mission). */
  readonly cumulativeUnits: number;
  readonly cumulativePersonnel: number;
  /** The node that held these movements up longest (null: none on a route). */
  readonly bottleneck: string | null;
}

export interface NodeUse {
  readonly node: string;
  readonly name: string;
  readonly kind: string;
  readonly tonnes: number;
  readonly personnel: number;
  /** Movements for which this node was the bottleneck. */
  readonly bottleneckFor: number;
  /** Days movements waited for it. */
  readonly waitDays: number;
}

export interface MissionReadiness {
  readonly mission: string;
  /** First period in which every requirement of the mission is covered; null when none. */
  readonly requirementMetFrom: number | null;
  /** Day the last unit the mission may use arrives; null when one never arrives. */
  readonly lastArrivalDay: number | null;
}

export interface DeploymentReport {
  readonly moves: readonly DeploymentMove[];
  readonly arrivals: readonly ArrivalRow[];
  readonly nodes: readonly NodeUse[];
  readonly missions: readonly MissionReadiness[];
  /** The node most movements were held up by; null when none. */
  readonly bottleneck: string | null;
  /** Day the last unit arrives; null when one never does. */
  readonly completeDay: number | null;
  /** Personnel in place (all missions, pledged units arrived) at the end of each period, period 1 first. */
  readonly personnelInPlace: readonly number[];
}

/** The period a day falls in (1-based); null after the horizon. */
function periodOfDay(periods: readonly PeriodInfo[], day: number): number | null {
  for (const p of periods) if (day < p.startDay + p.days) return p.index;
  return null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Arrivals later than this many days from the start (100 years, the bound of scenario days) get no date. */
export const DATED_DAYS = 36_500;

/**
 * Builds the report. `covered(mission, period)` tells whether the plan covers every requirement of the
 * mission in the period (from its coverage rows).
 */
export function deploymentReport(
  s: Scenario,
  schedule: DeploymentSchedule,
  periods: readonly PeriodInfo[],
  covered: (mission: string, period: number) => boolean | undefined,
): DeploymentReport {
  const moves: DeploymentMove[] = schedule.moves.map((m: ScheduledMove) => {
    const day = finite(m.arrivalDay);
    return {
      pledge: m.pledge,
      nation: m.nation,
      unitType: m.unitType,
      mission: m.missions.join('/'),
      units: m.units,
      personnel: m.personnel,
      tonnes: m.tonnes,
      route: m.route,
      readyDay: m.readyDay,
      arrivalDay: day,
      arrivalDate: day === null || day > DATED_DAYS ? null : addDays(s.horizon.start, day),
      period: day === null ? null : periodOfDay(periods, day),
      bottleneck: m.bottleneck,
      waitDays: finite(m.waitDays) ?? 0,
    };
  });

  // Arrivals by period × nation × mission, with cumulative totals.
  const arrivals: ArrivalRow[] = [];
  const keys = [...new Set(moves.map((m) => `${m.nation}|${m.mission}`))];
  const order = new Map(s.nations.map((n, i) => [n.id, i]));
  keys.sort((a, b) => {
    const [na = '', ma = ''] = a.split('|');
    const [nb = '', mb = ''] = b.split('|');
    return (order.get(na) ?? 0) - (order.get(nb) ?? 0) || ma.localeCompare(mb);
  });
  for (const p of periods)
    for (const key of keys) {
      const [nation = '', mission = ''] = key.split('|');
      const mine = moves.filter((m) => m.nation === nation && m.mission === mission);
      const now = mine.filter((m) => m.period === p.index);
      if (now.length === 0) continue;
      const upTo = mine.filter((m) => m.period !== null && m.period <= p.index);
      const held = new Map<string, number>();
      for (const m of now)
        if (m.bottleneck !== null) held.set(m.bottleneck, (held.get(m.bottleneck) ?? 0) + 1);
      const top = [...held.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      arrivals.push({
        period: p.index,
        nation,
        mission,
        units: now.reduce((a, m) => a + m.units, 0),
        personnel: now.reduce((a, m) => a + m.personnel, 0),
        cumulativeUnits: upTo.reduce((a, m) => a + m.units, 0),
        cumulativePersonnel: upTo.reduce((a, m) => a + m.personnel, 0),
        bottleneck: top?.[0] ?? null,
      });
    }

  const nodes: NodeUse[] = (s.deployment?.nodes ?? []).map((n) => {
    const through = schedule.moves.filter((m) =>
      s.deployment?.routes.some((r) => r.id === m.route && r.legs.some((l) => l.node === n.id)),
    );
    const held = schedule.moves.filter((m) => m.bottleneck === n.id);
    return {
      node: n.id,
      name: n.name,
      kind: n.kind,
      tonnes: through.reduce((a, m) => a + m.tonnes, 0),
      personnel: through.reduce((a, m) => a + m.personnel, 0),
      bottleneckFor: held.length,
      waitDays: held.reduce((a, m) => a + (finite(m.waitDays) ?? 0), 0),
    };
  });
  const top = [...nodes]
    .filter((n) => n.bottleneckFor > 0)
    .sort((a, b) => b.waitDays - a.waitDays || b.bottleneckFor - a.bottleneckFor)[0];

  const missions: MissionReadiness[] = s.missions
    .filter((m) => m.requirements.some((r) => r.amount > 0))
    .map((m) => {
      const mine = moves.filter((x) => x.mission.split('/').includes(m.id));
      const met = periods.find((p) => covered(m.id, p.index) === true);
      const last = mine.reduce((a, x) => Math.max(a, x.arrivalDay ?? Infinity), -Infinity);
      return {
        mission: m.id,
        requirementMetFrom: met?.index ?? null,
        lastArrivalDay: mine.length === 0 ? null : finite(last),
      };
    });

  const complete = moves.reduce((a, m) => Math.max(a, m.arrivalDay ?? Infinity), -Infinity);
  return {
    moves,
    arrivals,
    nodes,
    missions,
    bottleneck: top?.node ?? null,
    completeDay: moves.length === 0 ? null : finite(complete),
    personnelInPlace: periods.map((p) =>
      moves
        .filter((m) => m.arrivalDay !== null && m.arrivalDay <= p.startDay + p.days)
        .reduce((a, m) => a + m.personnel, 0),
    ),
  };
}
