/**
 * The force the assurance engine simulates, as a small interface independent of where it came from: the
 * scenario's active pledges by default (`forceFromPledges`), or a planner's result mapped into the same
 * shape. Values are per planning period (index 0 = period 1); after the last period the last one holds.
 */
import type { Distribution, Scenario } from '../scenario/index.js';
import {
  activePledges,
  coalitionNations,
  coversPeriod,
  missionUsesUnit,
  periodEndDays,
} from '../scenario/index.js';

export interface ForceNation {
  /** Nation id (ISO alpha-3). */
  readonly id: string;
  /** Personnel deployed, per period. */
  readonly personnel: readonly number[];
  /** Personnel deployed on missions inside the host (exposed to attack), per period. */
  readonly exposedPersonnel: readonly number[];
  /** Combat power deployed (catalog `combatPower` × units), per period. */
  readonly combatPower: readonly number[];
  /** The part of `combatPower` inside the host (at the sites an attack on the force can reach), per period. */
  readonly exposedCombatPower: readonly number[];
  /** Host trainees delivered per year by the nation's units, per period. */
  readonly traineesPerYear: readonly number[];
  /** Fatalities the nation's public will bear before withdrawing (absent: it never withdraws). */
  readonly casualtyTolerance?: Distribution | undefined;
}

export interface ForceLayout {
  /** Number of planning periods described. */
  readonly periods: number;
  /**
   * Last simulation day (1-based) of each period, period 1 first: the scenario's calendar
   * (core/scenario/calendar.ts), the same days the planner uses.
   */
  readonly periodEnds: readonly number[];
  /** Contributing nations, in scenario order. */
  readonly nations: readonly ForceNation[];
}

/** A layout with no force at all (the calibration's "no force" case). */
export function emptyForce(s: Scenario): ForceLayout {
  return { periods: s.horizon.periods, periodEnds: periodEndDays(s.horizon), nations: [] };
}

/** Units of one type that a nation has in place in one period, and whether they are inside the host. */
export interface PlacedUnits {
  readonly nation: string;
  readonly unitType: string;
  /** 1-based planning period. */
  readonly period: number;
  readonly units: number;
  /** True when the units serve inside the host, where an attack on the force can reach them. */
  readonly exposed: boolean;
}

/**
 * Sums placed units into a layout, per coalition nation (in scenario order; nations with nothing placed
 * are left out) and period: personnel, exposed personnel, combat power and host trainees per year (the
 * host block's trainee capability). A guarantor's own units are left out: the engine reads what the
 * guarantor provides from its backstop (docs/model.md, "The guarantor's own units").
 */
export function layoutOf(s: Scenario, placed: readonly PlacedUnits[]): ForceLayout {
  const T = s.horizon.periods;
  const trainee = s.assurance.host?.traineeCapability;
  const nations: ForceNation[] = [];
  for (const n of coalitionNations(s)) {
    const own = placed.filter((x) => x.nation === n.id && x.units > 0);
    if (own.length === 0) continue;
    const personnel = new Array<number>(T).fill(0);
    const exposed = new Array<number>(T).fill(0);
    const combat = new Array<number>(T).fill(0);
    const exposedCombat = new Array<number>(T).fill(0);
    const trainees = new Array<number>(T).fill(0);
    for (const x of own) {
      const u = s.catalog.find((c) => c.id === x.unitType);
      if (u === undefined || x.period < 1 || x.period > T) continue;
      const t = x.period - 1;
      personnel[t]! += u.personnel * x.units;
      if (x.exposed) {
        exposed[t]! += u.personnel * x.units;
        exposedCombat[t]! += u.combatPower * x.units;
      }
      combat[t]! += u.combatPower * x.units;
      if (trainee !== undefined) trainees[t]! += (u.capabilities[trainee] ?? 0) * x.units;
    }
    nations.push({
      id: n.id,
      personnel,
      exposedPersonnel: exposed,
      combatPower: combat,
      exposedCombatPower: exposedCombat,
      traineesPerYear: trainees,
      casualtyTolerance: n.casualtyTolerance,
    });
  }
  return { periods: T, periodEnds: periodEndDays(s.horizon), nations };
}

/**
 * The force of the scenario's active pledges (pledges whose conditions hold: a variant without backstop
 * drops the conditional ones). A pledge counts as exposed when one of the missions it may serve (all
 * missions using its unit type, if it names none) deploys inside the host.
 */
export function forceFromPledges(s: Scenario): ForceLayout {
  const placed: PlacedUnits[] = [];
  for (const p of activePledges(s)) {
    const u = s.catalog.find((x) => x.id === p.unitType);
    if (u === undefined) continue;
    const exposed = s.missions.some(
      (m) => (p.missions === undefined ? missionUsesUnit(m, u) : p.missions.includes(m.id)) && m.inHost,
    );
    for (let t = 1; t <= s.horizon.periods; t++)
      if (coversPeriod(s, p, t))
        placed.push({ nation: p.nation, unitType: p.unitType, period: t, units: p.units, exposed });
  }
  return layoutOf(s, placed);
}

/** The same force multiplied by x: every unit count scaled (personnel, exposure, combat power, trainees). */
export function scaleForce(f: ForceLayout, x: number): ForceLayout {
  const times = (v: readonly number[]): number[] => v.map((y) => y * x);
  return {
    ...f,
    nations: f.nations.map((n) => ({
      ...n,
      personnel: times(n.personnel),
      exposedPersonnel: times(n.exposedPersonnel),
      combatPower: times(n.combatPower),
      exposedCombatPower: times(n.exposedCombatPower),
      traineesPerYear: times(n.traineesPerYear),
    })),
  };
}
