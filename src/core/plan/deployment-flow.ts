/**
 * Deployment flow: when each pledged unit arrives, from the lift and reception capacity it passes through
 * (docs/planner.md, "Deployment flow"; decision record 0005). A time-phased force and deployment list
 * (TPFDD) scheduled deterministically:
 *
 * - every pledged unit is one movement (a fractional pledge's remainder is a movement of that fraction),
 *   with its cargo (footprint tonnes × units) and personnel (catalog personnel × units);
 * - each movement leaves home on its ready day (a pledge from a later period: in time to reach its start)
 *   and passes its route's nodes in turn, travelling `transitDays` to each and `onwardDays` after the last;
 * - a node passes one movement at a time at its daily capacity (fluid within the day), in the order the
 *   movements were planned to reach it (release + travel, no queues), then by mission priority (1 first),
 *   then the scenario's order; a passage takes max(tonnes / tonnesPerDay, personnel / personnelPerDay)
 *   days and starts when the movement is there and the node has passed the movements before it.
 *
 * So each arrival is a max-plus expression of release days, transit days and service times: a node's higher
 * capacity (shorter service) never delays any arrival, and a node with no capacity delays every movement
 * through it for ever (arrival `Infinity`). Units on no route arrive after their lead time, as before.
 * Pure: no clock, no randomness; the same scenario gives the same schedule.
 */
import {
  footprintOf,
  routeFor,
  type LiftRoute,
  type Mission,
  type Pledge,
  type Scenario,
  type UnitType,
} from '../scenario/index.js';

/** Capacity of one node, per day (omitted: unlimited). */
export interface NodeCapacity {
  readonly tonnesPerDay?: number;
  readonly personnelPerDay?: number;
}

/** One movement through a route, as the scheduler sees it. */
export interface FlowItem {
  /** Day (from the horizon start) the movement is ready to leave home. */
  readonly releaseDay: number;
  /** 1 is the most important: among movements planned to reach a node on the same day, the first served. */
  readonly priority: number;
  readonly tonnes: number;
  readonly personnel: number;
  readonly legs: readonly { readonly node: string; readonly transitDays: number }[];
  readonly onwardDays: number;
}

export interface FlowTiming {
  /** Day the movement is in its mission area; `Infinity` when a node on its route never passes it. */
  readonly arrivalDay: number;
  /** The node where it spent longest (waiting and passing), null without nodes. */
  readonly bottleneck: string | null;
  /** Days spent waiting for nodes busy with other movements. */
  readonly waitDays: number;
}

/** Days node `c` needs to pass a load; 0 for an empty load, Infinity at zero capacity. */
function serviceDays(c: NodeCapacity | undefined, tonnes: number, personnel: number): number {
  const one = (load: number, perDay: number | undefined): number =>
    perDay === undefined || load <= 0 ? 0 : perDay <= 0 ? Infinity : load / perDay;
  return Math.max(one(tonnes, c?.tonnesPerDay), one(personnel, c?.personnelPerDay));
}

/**
 * Schedules movements through capacitated nodes. Each node serves one movement at a time, in the order
 * the movements were planned to reach it — release day plus travel days, without queues — then by
 * priority, then by their order in `items`. That order does not depend on capacities, so every arrival is
 * a longest path through a fixed acyclic graph of passages (a planned reach day only grows along a route):
 * more capacity never delays an arrival. Returns one timing per item, same order. Pure and total.
 */
export function scheduleFlow(
  items: readonly FlowItem[],
  nodes: ReadonlyMap<string, NodeCapacity>,
): FlowTiming[] {
  // Passages (item, leg) keyed by (planned reach day, priority, item, leg): every predecessor of a
  // passage — the item's previous leg, the node's previous movement — sorts before it.
  const passages: { item: number; leg: number; planned: number }[] = [];
  items.forEach((it, i) => {
    let planned = it.releaseDay;
    it.legs.forEach((l, j) => {
      planned += l.transitDays;
      passages.push({ item: i, leg: j, planned });
    });
  });
  passages.sort(
    (a, b) =>
      a.planned - b.planned ||
      (items[a.item]?.priority ?? 0) - (items[b.item]?.priority ?? 0) ||
      a.item - b.item ||
      a.leg - b.leg,
  );
  const freeAt = new Map<string, number>();
  const done = items.map((it) => it.releaseDay);
  const longest = items.map(() => -1);
  const bottleneck: (string | null)[] = items.map(() => null);
  const wait = items.map(() => 0);
  for (const ps of passages) {
    const it = items[ps.item];
    const leg = it?.legs[ps.leg];
    if (it === undefined || leg === undefined) continue;
    const reach = (done[ps.item] ?? 0) + leg.transitDays;
    const start = Math.max(reach, freeAt.get(leg.node) ?? 0);
    const finish = start + serviceDays(nodes.get(leg.node), it.tonnes, it.personnel);
    freeAt.set(leg.node, finish);
    // The node it spent longest at (the first such node on a tie); NaN-free: Infinity − finite is Infinity.
    const spent = finish - reach;
    if (spent > (longest[ps.item] ?? -1)) {
      longest[ps.item] = spent;
      bottleneck[ps.item] = leg.node;
    }
    wait[ps.item] = (wait[ps.item] ?? 0) + (start - reach);
    done[ps.item] = finish;
  }
  return items.map((it, i) => ({
    arrivalDay: (done[i] ?? 0) + it.onwardDays,
    bottleneck: bottleneck[i] ?? null,
    waitDays: wait[i] ?? 0,
  }));
}

/** A pledged unit (or a pledge's fractional remainder) and when it arrives. */
export interface ScheduledMove {
  readonly pledge: string;
  readonly nation: string;
  readonly unitType: string;
  /** Missions the unit may serve (its pledge's, after caveats). */
  readonly missions: readonly string[];
  /** 0-based index of the unit within its pledge. */
  readonly index: number;
  /** 1, or the remainder of a fractional pledge. */
  readonly units: number;
  readonly personnel: number;
  readonly tonnes: number;
  /** Most important priority of the requirements the unit can serve (1 highest). */
  readonly priority: number;
  /** Route id; null for a unit on no route (it arrives after its lead time). */
  readonly route: string | null;
  /** Day it is ready to leave home (lead times of nation and footprint; the unit's lead time when on no route). */
  readonly readyDay: number;
  readonly arrivalDay: number;
  readonly bottleneck: string | null;
  readonly waitDays: number;
}

export interface DeploymentSchedule {
  /** In the scenario's order: pledges as listed (nation by nation), then units within a pledge. */
  readonly moves: readonly ScheduledMove[];
}

/** A pledge to move and the missions its units may serve. */
export interface PledgeToMove {
  readonly pledge: Pledge;
  readonly missions: readonly Mission[];
}

/** Most important priority among the requirements of `missions` that unit type `u` can serve. */
function priorityOf(missions: readonly Mission[], u: UnitType): number {
  let best = 5;
  for (const m of missions)
    for (const r of m.requirements)
      if (r.amount > 0 && (u.capabilities[r.capability] ?? 0) > 0) best = Math.min(best, r.priority);
  return best;
}

/**
 * Schedules the pledged units through the scenario's deployment block. `toMove` lists the pledges whose
 * units the plan may use (active, their nation taking part), in the scenario's order. Units of a
 * (nation, unit type) on no route get their lead time as arrival day, as without lift data.
 */
export function scheduleDeployment(
  s: Scenario,
  toMove: readonly PledgeToMove[],
  leadDays: (nation: string, u: UnitType) => number,
  periodStartDay: (period: number) => number,
): DeploymentSchedule {
  const units = new Map(s.catalog.map((u) => [u.id, u]));
  const nationLead = new Map(s.nations.map((n) => [n.id, n.leadTimeDays]));
  interface Pending {
    readonly move: Omit<ScheduledMove, 'arrivalDay' | 'bottleneck' | 'waitDays'>;
    readonly route: LiftRoute | undefined;
    /** Day it leaves home: when ready, or later for a pledge that starts in a later period. */
    readonly release: number;
  }
  const pending: Pending[] = [];
  toMove.forEach(({ pledge: p, missions }) => {
    const u = units.get(p.unitType);
    if (u === undefined) return;
    const route = routeFor(s, p.nation, u.id);
    const fp = footprintOf(s, u.id);
    const readyDay =
      route !== undefined && fp !== undefined
        ? (nationLead.get(p.nation) ?? 0) + fp.readyDays
        : leadDays(p.nation, u);
    const priority = priorityOf(missions, u);
    // A pledge from a later period leaves so as to arrive at its start without queues, not before it is ready.
    const travel = (route?.legs ?? []).reduce((a, l) => a + l.transitDays, 0) + (route?.onwardDays ?? 0);
    const release = Math.max(readyDay, p.fromPeriod > 1 ? periodStartDay(p.fromPeriod) - travel : 0);
    const whole = Math.floor(p.units + 1e-9);
    const chunks = Array.from({ length: whole }, () => 1);
    if (p.units - whole > 1e-9) chunks.push(p.units - whole);
    chunks.forEach((k, index) =>
      pending.push({
        move: {
          pledge: p.id,
          nation: p.nation,
          unitType: u.id,
          missions: missions.map((m) => m.id),
          index,
          units: k,
          personnel: k * u.personnel,
          tonnes: k * (fp?.tonnes ?? 0),
          priority,
          route: route?.id ?? null,
          readyDay,
        },
        route,
        release,
      }),
    );
  });
  const nodes = new Map<string, NodeCapacity>(
    (s.deployment?.nodes ?? []).map((n) => [
      n.id,
      {
        ...(n.tonnesPerDay !== undefined ? { tonnesPerDay: n.tonnesPerDay } : {}),
        ...(n.personnelPerDay !== undefined ? { personnelPerDay: n.personnelPerDay } : {}),
      },
    ]),
  );
  const routed = pending.filter((p) => p.route !== undefined);
  const timings = scheduleFlow(
    routed.map((p) => ({
      releaseDay: p.release,
      priority: p.move.priority,
      tonnes: p.move.tonnes,
      personnel: p.move.personnel,
      legs: p.route?.legs ?? [],
      onwardDays: p.route?.onwardDays ?? 0,
    })),
    nodes,
  );
  const timing = new Map(routed.map((p, i) => [p, timings[i]]));
  return {
    moves: pending.map((p) => {
      const t = timing.get(p);
      return t === undefined
        ? { ...p.move, arrivalDay: p.move.readyDay, bottleneck: null, waitDays: 0 }
        : { ...p.move, ...t };
    }),
  };
}

/** True when some unit of (nation, unit type) moves on a route, so its arrivals follow from the flow. */
export function isFlowed(d: DeploymentSchedule | undefined, nation: string, unitType: string): boolean {
  return d?.moves.some((m) => m.nation === nation && m.unitType === unitType && m.route !== null) ?? false;
}

/** The moves of one pledge, in unit order. */
export function movesOfPledge(d: DeploymentSchedule, pledge: string): ScheduledMove[] {
  return d.moves.filter((m) => m.pledge === pledge).sort((a, b) => a.index - b.index);
}
