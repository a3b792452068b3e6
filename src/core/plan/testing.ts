/**
 * Builders for small planning scenarios in tests: a compact spec → a validated `Scenario`, with every
 * field a test does not care about filled with a neutral default. Throws if the result is invalid
 * (a broken test, not a result).
 */
import {
  validate,
  type PledgeStatus,
  type RotationPool,
  type RotationRule,
  type Scenario,
  type ScenarioInput,
  type UnitCategory,
} from '../scenario/index.js';

export interface MiniUnit {
  readonly id: string;
  readonly category?: UnitCategory;
  readonly service?: 'army' | 'air' | 'navy';
  readonly personnel?: number;
  readonly costPerYearUsd?: number;
  readonly tourMonths?: number;
  readonly dwellMonths?: number;
  readonly leadTimeDays?: number;
  readonly capabilities: Readonly<Record<string, number>>;
  /** Default true: the planner's tests pledge fractions of a unit (the LP is continuous). */
  readonly divisible?: boolean;
}

export interface MiniRequirement {
  readonly capability: string;
  readonly amount: number;
  readonly priority?: number;
  readonly fromPeriod?: number;
  readonly toPeriod?: number;
}

export interface MiniMission {
  readonly id: string;
  readonly inHost?: boolean;
  readonly combatZone?: boolean;
  readonly requirements: readonly MiniRequirement[];
}

export interface MiniNation {
  readonly id: string;
  readonly gdpUsd?: number;
  readonly defenceBudgetUsd?: number;
  readonly inventory?: Readonly<Record<string, number>>;
  readonly committableShare?: number;
  readonly personnelCeiling?: number;
  readonly budgetCeilingUsdPerYear?: number;
  readonly caveats?: readonly {
    missions?: string[];
    categories?: UnitCategory[];
    hostTerritoryOnly?: boolean;
    combatZoneOnly?: boolean;
    unless?: string[];
    kind?: 'legal' | 'political' | 'operational';
    reason?: string;
  }[];
  readonly leadTimeDays?: number;
  readonly conditions?: readonly string[];
}

export interface MiniPledge {
  readonly nation: string;
  readonly unitType: string;
  readonly units: number;
  readonly missions?: readonly string[];
  readonly fromPeriod?: number;
  readonly toPeriod?: number;
  readonly conditions?: readonly string[];
  /** Default `confirmed`. */
  readonly status?: PledgeStatus;
}

export interface MiniScenario {
  readonly periods?: number;
  readonly periodMonths?: number;
  readonly units: readonly MiniUnit[];
  readonly missions: readonly MiniMission[];
  readonly nations: readonly MiniNation[];
  readonly pledges?: readonly MiniPledge[];
  /** Backstop on offer; conditions named `backstop` require at least intelligence-logistics. */
  readonly backstop?: 'none' | 'intelligence-logistics' | 'air-support' | 'full';
  readonly variants?: ScenarioInput['variants'];
  /** Conditions besides `backstop`. */
  readonly conditions?: readonly { id: string; holds: boolean }[];
  /** National rotation rules and pools (sources default to the test source). */
  readonly rotation?: {
    readonly rules?: readonly Omit<RotationRule, 'source'>[];
    readonly pools?: readonly Omit<RotationPool, 'source'>[];
  };
  /** Lift and reception capacity (nodes and footprints get the test source). */
  readonly deployment?: NonNullable<ScenarioInput['deployment']>;
}

/** The scenario input (before validation) for a compact spec. */
export function miniScenarioInput(spec: MiniScenario): ScenarioInput {
  const caps = new Set<string>();
  for (const u of spec.units) for (const k of Object.keys(u.capabilities)) caps.add(k);
  for (const m of spec.missions) for (const r of m.requirements) caps.add(r.capability);
  return {
    meta: {
      id: 'mini',
      title: 'Test scenario',
      asOf: '2026-01-01',
      sources: { t: { kind: 'assumption', citation: 'test', method: 'test data' } },
    },
    horizon: { start: '2026-01-01', periods: spec.periods ?? 2, periodMonths: spec.periodMonths ?? 6 },
    capabilities: [...caps].map((id) => ({ id, name: id, unit: 'units' })),
    catalog: spec.units.map((u) => ({
      id: u.id,
      name: u.id,
      category: u.category ?? 'land',
      ...(u.service !== undefined ? { service: u.service } : {}),
      personnel: u.personnel ?? 100,
      costPerYearUsd: u.costPerYearUsd ?? 1e6,
      tourMonths: u.tourMonths ?? 6,
      dwellMonths: u.dwellMonths ?? 12,
      leadTimeDays: u.leadTimeDays ?? 0,
      capabilities: { ...u.capabilities },
      divisible: u.divisible ?? true,
      source: 't',
    })),
    rotation: {
      rules: (spec.rotation?.rules ?? []).map((r) => ({ ...r, source: 't' })),
      pools: (spec.rotation?.pools ?? []).map((r) => ({ ...r, source: 't' })),
    },
    missions: spec.missions.map((m) => ({
      id: m.id,
      name: m.id,
      inHost: m.inHost ?? true,
      ...(m.combatZone !== undefined ? { combatZone: m.combatZone } : {}),
      requirements: m.requirements.map((r) => ({ ...r, source: 't' })),
    })),
    nations: [
      ...spec.nations.map((n) => ({
        id: n.id,
        name: n.id,
        role: 'coalition' as const,
        gdpUsd: n.gdpUsd ?? 1e12,
        ...(n.defenceBudgetUsd !== undefined ? { defenceBudgetUsd: n.defenceBudgetUsd } : {}),
        inventory: { ...(n.inventory ?? {}) },
        committableShare: n.committableShare ?? 1,
        ...(n.personnelCeiling !== undefined ? { personnelCeiling: n.personnelCeiling } : {}),
        ...(n.budgetCeilingUsdPerYear !== undefined
          ? { budgetCeilingUsdPerYear: n.budgetCeilingUsdPerYear }
          : {}),
        caveats: (n.caveats ?? []).map((c) => ({ ...c, reason: c.reason ?? 'test caveat' })),
        leadTimeDays: n.leadTimeDays ?? 0,
        conditions: [...(n.conditions ?? [])],
        source: 't',
      })),
      { id: 'HST', name: 'Host', role: 'host' as const, gdpUsd: 1e11, source: 't' },
      { id: 'GUA', name: 'Guarantor', role: 'guarantor' as const, gdpUsd: 2e13, source: 't' },
    ],
    pledges: (spec.pledges ?? []).map((p, i) => ({
      id: `p${i + 1}`,
      nation: p.nation,
      unitType: p.unitType,
      units: p.units,
      ...(p.missions !== undefined ? { missions: [...p.missions] } : {}),
      ...(p.fromPeriod !== undefined ? { fromPeriod: p.fromPeriod } : {}),
      ...(p.toPeriod !== undefined ? { toPeriod: p.toPeriod } : {}),
      conditions: [...(p.conditions ?? [])],
      status: p.status ?? ('confirmed' as const),
      // Pledges of units a test nation does not list in its inventory are "new" (to be raised).
      new: (spec.nations.find((n) => n.id === p.nation)?.inventory?.[p.unitType] ?? 0) <= 0,
      source: 't',
    })),
    conditions: [
      { id: 'backstop', description: 'a backstop', requiresBackstop: 'intelligence-logistics' },
      ...(spec.conditions ?? []).map((c) => ({ id: c.id, description: c.id, holds: c.holds })),
    ],
    guarantor: {
      nation: 'GUA',
      backstop: {
        kind: spec.backstop ?? 'intelligence-logistics',
        credibility: { dist: 'fixed', value: 0.5 },
        responseLagDays: 1,
        fatalityThreshold: 1,
        power: 1,
      },
      source: 't',
    },
    variants: spec.variants ?? [],
    ...(spec.deployment !== undefined
      ? {
          deployment: {
            ...spec.deployment,
            nodes: (spec.deployment.nodes ?? []).map((n) => ({ source: 't', ...n })),
            footprints: (spec.deployment.footprints ?? []).map((f) => ({ source: 't', ...f })),
          },
        }
      : {}),
  };
}

/** A validated scenario for a compact spec; throws on invalid specs (a bug in the test). */
/**
 * True when the spec makes a valid scenario: property tests draw pledges at random and skip
 * (`fc.pre`) those the rules reject (more units than held, pledges above a personnel ceiling).
 */
export function isValidMini(spec: MiniScenario): boolean {
  return validate(miniScenarioInput(spec)).ok;
}

export function miniScenario(spec: MiniScenario): Scenario {
  const r = validate(miniScenarioInput(spec));
  if (!r.ok)
    throw new Error(
      `invalid test scenario: ${r.error.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')}`,
    );
  return r.value.scenario;
}
