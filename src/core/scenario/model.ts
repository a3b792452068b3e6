/**
 * Quantities derived from a validated scenario. Everything here is pure and total on valid input.
 */
import { periodStartDate } from './calendar.js';
import type {
  BackstopKind,
  Caveat,
  Condition,
  Mission,
  Nation,
  Pledge,
  PledgeStatus,
  Requirement,
  Scenario,
  UnitType,
} from './schema.js';
import { DIVISIBLE_BY_CATEGORY, backstopKinds, pledgeStatuses } from './schema.js';

/**
 * Units held per unit deployed continuously: (tour + dwell) / tour. A six-month tour with twelve months'
 * dwell (1:2, the "rule of thirds") gives 3. Source: FACTS.md, "Rotation and sustainment".
 */
export function rotationRatio(u: Pick<UnitType, 'tourMonths' | 'dwellMonths'>): number {
  return (u.tourMonths + u.dwellMonths) / u.tourMonths;
}

/** True when pledges may hold a fraction of the unit type: its `divisible`, else its category's default. */
export function isDivisible(u: Pick<UnitType, 'divisible' | 'category'>): boolean {
  return u.divisible ?? DIVISIBLE_BY_CATEGORY[u.category];
}

/** Last period a requirement or pledge covers (its `toPeriod`, else the horizon's last). */
export function lastPeriod(s: Scenario, item: Pick<Requirement | Pledge, 'toPeriod'>): number {
  return item.toPeriod ?? s.horizon.periods;
}

/** True when period `t` (1-based) lies in the item's [fromPeriod, toPeriod]. */
export function coversPeriod(
  s: Scenario,
  item: Pick<Requirement | Pledge, 'fromPeriod' | 'toPeriod'>,
  t: number,
): boolean {
  return t >= item.fromPeriod && t <= lastPeriod(s, item);
}

/** Rank of a backstop kind: none 0 < intelligence-logistics 1 < air-support 2 < full 3. */
export function backstopRank(kind: BackstopKind): number {
  return backstopKinds.indexOf(kind);
}

/** The backstop actually on offer in this scenario (none when there is no guarantor). */
export function backstopKind(s: Scenario): BackstopKind {
  return s.guarantor?.backstop.kind ?? 'none';
}

/**
 * Whether a condition holds: a backstop condition when the guarantor's backstop is at least the required
 * kind; otherwise its stated `holds` (default true). Unknown ids do not hold (validation reports them).
 */
export function conditionHolds(s: Scenario, id: string): boolean {
  const c: Condition | undefined = s.conditions.find((x) => x.id === id);
  if (c === undefined) return false;
  if (c.requiresBackstop !== undefined)
    return backstopRank(backstopKind(s)) >= backstopRank(c.requiresBackstop);
  return c.holds ?? true;
}

export const allConditionsHold = (s: Scenario, ids: readonly string[]): boolean =>
  ids.every((id) => conditionHolds(s, id));

/** Coalition members (role `coalition`), in file order. */
export const coalitionNations = (s: Scenario): Nation[] => s.nations.filter((n) => n.role === 'coalition');

/** The host nation, if the scenario names one. */
export const hostNation = (s: Scenario): Nation | undefined => s.nations.find((n) => n.role === 'host');

/** Capabilities a mission requires at any time. */
export function missionCapabilities(m: Mission): Set<string> {
  return new Set(m.requirements.map((r) => r.capability));
}

/** True when a unit type provides at least one capability the mission requires. */
export function missionUsesUnit(m: Mission, u: UnitType): boolean {
  const caps = missionCapabilities(m);
  return Object.entries(u.capabilities).some(([k, v]) => v > 0 && caps.has(k));
}

/** True when a caveat is in force: it has no `unless` conditions, or not all of them hold. */
export function caveatApplies(s: Scenario, c: Caveat): boolean {
  return c.unless === undefined || c.unless.length === 0 || !allConditionsHold(s, c.unless);
}

/** The caveats of the nation in force that cover units of this type on this mission (scope, category, place). */
export function forbiddingCaveats(s: Scenario, n: Nation, m: Mission, u: UnitType): Caveat[] {
  return n.caveats.filter(
    (c) =>
      (c.missions === undefined || c.missions.includes(m.id)) &&
      (c.categories === undefined || c.categories.includes(u.category)) &&
      (!c.hostTerritoryOnly || m.inHost) &&
      (c.combatZoneOnly !== true || m.combatZone === true) &&
      caveatApplies(s, c),
  );
}

/** True when one of the nation's caveats in force forbids units of this type on this mission. */
export function caveatForbids(s: Scenario, n: Nation, m: Mission, u: UnitType): boolean {
  return forbiddingCaveats(s, n, m, u).length > 0;
}

/**
 * Nations that supply units: coalition members, and a guarantor that pledges units of its own (the
 * guarantor's enablers: ISR, refuelling, lift). In file order.
 */
export function contributingNations(s: Scenario): Nation[] {
  return s.nations.filter(
    (n) => n.role === 'coalition' || (n.role === 'guarantor' && s.pledges.some((p) => p.nation === n.id)),
  );
}

/** Personnel a pledge keeps deployed. */
export function pledgePersonnel(s: Scenario, p: Pledge): number {
  const u = s.catalog.find((x) => x.id === p.unitType);
  return u === undefined ? 0 : u.personnel * p.units;
}

/**
 * Pledges that stand in this scenario: the nation is a coalition member (or the guarantor, contributing
 * units of its own) and every condition of the pledge and of its nation holds.
 */
export function activePledges(s: Scenario): Pledge[] {
  return s.pledges.filter((p) => {
    const n = s.nations.find((x) => x.id === p.nation);
    return (
      n !== undefined &&
      (n.role === 'coalition' || n.role === 'guarantor') &&
      allConditionsHold(s, p.conditions) &&
      allConditionsHold(s, n.conditions)
    );
  });
}

/** Start date (YYYY-MM-DD) of period t (1-based): the scenario's calendar (calendar.ts). */
export function periodStart(s: Scenario, t: number): string {
  return periodStartDate(s.horizon, t);
}

/** Short label for period t, e.g. "P3 (2026-07)". */
export function periodLabel(s: Scenario, t: number): string {
  return `P${t} (${periodStart(s, t).slice(0, 7)})`;
}

/** Rank of a pledge status on the ladder: assumed 0 < announced 1 < offered 2 < confirmed 3 < deployed 4. */
export const statusRank = (status: PledgeStatus): number => pledgeStatuses.indexOf(status);

/**
 * The scenario counting only pledges at or above `min` on the status ladder (`plan --min-status`); the
 * others are dropped as if never made. Pure; the scenario is otherwise unchanged.
 */
export function withMinStatus(s: Scenario, min: PledgeStatus): Scenario {
  const floor = statusRank(min);
  return { ...s, pledges: s.pledges.filter((p) => statusRank(p.status) >= floor) };
}

/**
 * The scenario with every requirement's amount multiplied by its mission's factor (`factor(missionId)`,
 * ≥ 0): the frontier's family of forces. Periods, priorities and sources are kept; nothing else changes.
 */
export function scaleRequirements(s: Scenario, factor: (missionId: string) => number): Scenario {
  return {
    ...s,
    missions: s.missions.map((m) => {
      const f = factor(m.id);
      return f === 1
        ? m
        : { ...m, requirements: m.requirements.map((r) => ({ ...r, amount: r.amount * f })) };
    }),
  };
}
