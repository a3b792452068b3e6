/**
 * Requirements against what is actually in place, by mission, capability and period, for `show`, the
 * workspace's coverage view and its CSV. "In place" is what the force-generation plan deploys there (after
 * lead times, each unit on one mission), handed in by the caller as an `InPlace`: so one mission's surplus
 * never fills another's gap, a pledge is never counted on two missions at once, and a cell shown as met is
 * met in the plan. Pure.
 */
import { coversPeriod } from './model.js';
import type { Scenario } from './schema.js';

/**
 * What a plan has in place: capability delivered on a mission in a period, personnel in theatre in a period.
 * Built from a `ForcePlan` by `inPlaceOf` (core/plan); the scenario layer cannot see the plan itself.
 */
export interface InPlace {
  /** Amount of `capability` the plan's units deliver on `mission` in `period` (1-based); may exceed the need. */
  provided(mission: string, capability: string, period: number): number;
  /** Personnel the plan has in theatre in `period`, all nations and missions. */
  personnel(period: number): number;
  /** Which plan: its mode and status, for the caption. */
  readonly label: string;
}

export interface CoverageCell {
  readonly required: number;
  /** Capability in place on the mission in the period (the plan's units there, after lead times). */
  readonly available: number;
  /** max(0, required − available): the plan's shortfall of the cell. */
  readonly gap: number;
}

export interface CapabilityCoverage {
  readonly capability: string;
  readonly unit: string;
  readonly priority: number;
  /** Index 0 = period 1. */
  readonly byPeriod: readonly CoverageCell[];
  /** Smallest min(1, available / required) over periods with a requirement (1 when nothing is required). */
  readonly minCoverage: number;
}

export interface MissionCoverage {
  readonly mission: string;
  readonly name: string;
  readonly capabilities: readonly CapabilityCoverage[];
  /** Periods in which some capability of the mission has a gap. */
  readonly periodsWithGap: number;
}

/** Relative tolerance below which a gap is rounding, not a gap (the planner's check uses 10⁻⁶ too). */
export const GAP_TOLERANCE = 1e-6;

/** True when `available` falls short of `required` by more than rounding. */
export const isShort = (required: number, available: number): boolean =>
  required - available > GAP_TOLERANCE * Math.max(1, required);

export function coverageByMission(s: Scenario, inPlace: InPlace): MissionCoverage[] {
  const T = s.horizon.periods;
  return s.missions.map((m) => {
    const caps = [...new Set(m.requirements.map((r) => r.capability))];
    const gapPeriods = new Set<number>();
    const capabilities = caps.map((k) => {
      const reqs = m.requirements.filter((r) => r.capability === k);
      const byPeriod: CoverageCell[] = [];
      let minCoverage = 1;
      for (let t = 1; t <= T; t++) {
        const required = reqs.filter((r) => coversPeriod(s, r, t)).reduce((a, r) => a + r.amount, 0);
        const available = required > 0 ? inPlace.provided(m.id, k, t) : 0;
        const short = required > 0 && isShort(required, available);
        if (short) gapPeriods.add(t);
        if (required > 0) minCoverage = Math.min(minCoverage, Math.min(1, available / required));
        byPeriod.push({ required, available, gap: short ? required - available : 0 });
      }
      return {
        capability: k,
        unit: s.capabilities.find((c) => c.id === k)?.unit ?? '',
        priority: Math.min(...reqs.map((r) => r.priority)),
        byPeriod,
        minCoverage,
      };
    });
    return { mission: m.id, name: m.name, capabilities, periodsWithGap: gapPeriods.size };
  });
}
