/**
 * A readable projection of a scenario for `bulwark show` and the workspace: nations and their pledges,
 * requirements by mission and period, and per period the indicative personnel required against what is
 * pledged and what the plan actually has in place (`InPlace`), with the shortfall counted mission by
 * mission and capability by capability — never netted.
 */
import { activePledges, coversPeriod, lastPeriod, periodLabel } from './model.js';
import { rotationFor } from './rotation.js';
import { coverageByMission, type InPlace } from './coverage.js';
import type { Scenario } from './schema.js';

export interface NationSummary {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly gdpUsd: number;
  readonly defenceBudgetUsd: number | null;
  /** Personnel pledged at the peak period, counting only pledges whose conditions hold. */
  readonly pledgedPersonnelPeak: number;
  /** Pledges dropped because a condition (e.g. the backstop) does not hold. */
  readonly conditionalPledgesDropped: number;
  readonly caveats: readonly string[];
  readonly conditions: readonly string[];
}

export interface PledgeSummary {
  readonly id: string;
  readonly nation: string;
  readonly unitType: string;
  readonly units: number;
  readonly personnel: number;
  /** Personnel tied up to sustain it: deployed × rotation ratio under the nation's rule (`rotationFor`). */
  readonly personnelWithRotation: number;
  readonly missions: readonly string[] | 'any';
  readonly periods: string;
  readonly status: string;
  readonly conditions: readonly string[];
  /** False when one of its conditions does not hold in this scenario (or variant). */
  readonly active: boolean;
  readonly source: string;
}

export interface RequirementRow {
  readonly mission: string;
  readonly capability: string;
  readonly unit: string;
  readonly priority: number;
  /** Amount required in each period (index 0 = period 1). */
  readonly byPeriod: readonly number[];
  /**
   * Indicative personnel: amount × the fewest personnel any catalog unit type needs per unit of this
   * capability (null when no unit type provides it).
   */
  readonly personnelByPeriod: readonly (number | null)[];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly asOf: string;
  readonly periods: readonly string[];
  readonly backstop: string;
  readonly nations: readonly NationSummary[];
  readonly pledges: readonly PledgeSummary[];
  readonly requirements: readonly RequirementRow[];
  /** Per period: personnel required (indicative), pledged (active pledges), in place and short (below). */
  readonly totals: readonly PeriodTotals[];
  /** Requirement-periods (mission × capability × period with a requirement) the plan meets in full. */
  readonly requirementPeriods: { readonly met: number; readonly total: number };
  /** The plan the in-place figures come from. */
  readonly inPlace: string;
  readonly variants: readonly { id: string; name: string; description: string }[];
}

export interface PeriodTotals {
  readonly period: string;
  /** Indicative: each requirement × the fewest personnel per unit of its capability (`personnelPerCapabilityUnit`). */
  readonly requiredPersonnel: number;
  /** Personnel of the active pledges covering the period, as declared (before lead times and allocation). */
  readonly pledgedPersonnel: number;
  /** Personnel the plan has in theatre in the period (after lead times). */
  readonly inPlacePersonnel: number;
  /**
   * Personnel-equivalent of what is missing: Σ over missions and capabilities of the plan's shortfall ×
   * the fewest personnel per unit of the capability. A surplus on one mission never offsets a gap on another.
   */
  readonly shortPersonnel: number;
  /** Requirements (mission × capability) with a need in the period, and how many of them the plan meets. */
  readonly requirements: number;
  readonly requirementsMet: number;
}

/** Fewest personnel per unit of capability `k` over the catalog, or null when nothing provides it. */
export function personnelPerCapabilityUnit(s: Scenario, k: string): number | null {
  let best: number | null = null;
  for (const u of s.catalog) {
    const amount = u.capabilities[k] ?? 0;
    if (amount > 0) best = Math.min(best ?? Infinity, u.personnel / amount);
  }
  return best;
}

export function summarizeScenario(s: Scenario, inPlace: InPlace): ScenarioSummary {
  const T = s.horizon.periods;
  const periods = Array.from({ length: T }, (_, i) => periodLabel(s, i + 1));
  const active = new Set(activePledges(s).map((p) => p.id));
  const unit = (id: string) => s.catalog.find((u) => u.id === id);

  const pledges: PledgeSummary[] = s.pledges.map((p) => {
    const u = unit(p.unitType);
    const personnel = (u?.personnel ?? 0) * p.units;
    return {
      id: p.id,
      nation: p.nation,
      unitType: p.unitType,
      units: p.units,
      personnel,
      personnelWithRotation: u === undefined ? personnel : personnel * rotationFor(s, p.nation, u).ratio,
      missions: p.missions ?? 'any',
      periods: `P${p.fromPeriod}–P${lastPeriod(s, p)}`,
      status: p.status,
      conditions: p.conditions,
      active: active.has(p.id),
      source: typeof p.source === 'string' ? p.source : Object.values(p.source).join(', '),
    };
  });

  const pledgedIn = (nation: string | null, t: number): number =>
    s.pledges
      .filter((p) => active.has(p.id) && (nation === null || p.nation === nation) && coversPeriod(s, p, t))
      .reduce((sum, p) => sum + (unit(p.unitType)?.personnel ?? 0) * p.units, 0);

  const nations: NationSummary[] = s.nations.map((n) => ({
    id: n.id,
    name: n.name,
    role: n.role,
    gdpUsd: n.gdpUsd,
    defenceBudgetUsd: n.defenceBudgetUsd ?? null,
    pledgedPersonnelPeak: Math.max(0, ...Array.from({ length: T }, (_, i) => pledgedIn(n.id, i + 1))),
    conditionalPledgesDropped: s.pledges.filter((p) => p.nation === n.id && !active.has(p.id)).length,
    caveats: n.caveats.map((c) => c.reason),
    conditions: n.conditions,
  }));

  const requirements: RequirementRow[] = s.missions.flatMap((m) =>
    m.requirements.map((r) => {
      const perUnit = personnelPerCapabilityUnit(s, r.capability);
      const byPeriod = Array.from({ length: T }, (_, i) => (coversPeriod(s, r, i + 1) ? r.amount : 0));
      return {
        mission: m.id,
        capability: r.capability,
        unit: s.capabilities.find((c) => c.id === r.capability)?.unit ?? '',
        priority: r.priority,
        byPeriod,
        personnelByPeriod: byPeriod.map((a) => (perUnit === null ? null : a * perUnit)),
      };
    }),
  );

  const cells = coverageByMission(s, inPlace).flatMap((m) =>
    m.capabilities.map((c) => ({
      perUnit: personnelPerCapabilityUnit(s, c.capability) ?? 0,
      cells: c.byPeriod,
    })),
  );
  const totals: PeriodTotals[] = periods.map((period, i) => {
    const now = cells
      .map((c) => ({ perUnit: c.perUnit, cell: c.cells[i] }))
      .filter((c) => (c.cell?.required ?? 0) > 0);
    return {
      period,
      requiredPersonnel: Math.round(requirements.reduce((sum, r) => sum + (r.personnelByPeriod[i] ?? 0), 0)),
      pledgedPersonnel: Math.round(pledgedIn(null, i + 1)),
      inPlacePersonnel: Math.round(inPlace.personnel(i + 1)),
      shortPersonnel: Math.round(now.reduce((sum, c) => sum + (c.cell?.gap ?? 0) * c.perUnit, 0)),
      requirements: now.length,
      requirementsMet: now.filter((c) => (c.cell?.gap ?? 0) <= 0).length,
    };
  });

  return {
    id: s.meta.id,
    title: s.meta.title,
    asOf: s.meta.asOf,
    periods,
    backstop: s.guarantor?.backstop.kind ?? 'none',
    nations,
    pledges,
    requirements,
    totals,
    requirementPeriods: {
      met: totals.reduce((a, t) => a + t.requirementsMet, 0),
      total: totals.reduce((a, t) => a + t.requirements, 0),
    },
    inPlace: inPlace.label,
    variants: s.variants.map((v) => ({ id: v.id, name: v.name, description: v.description })),
  };
}
