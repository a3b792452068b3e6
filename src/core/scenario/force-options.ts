/**
 * Force options (the scenario's `forceOptions` block): named packages — IISS's small, medium and large
 * options, the sizes ministers quote — that a force is measured against, component by component, in
 * personnel and in capability. Pure. docs/scenarios.md ("Force options") gives the definitions with a
 * worked example.
 */
import { activePledges, coversPeriod } from './model.js';
import type { ForceOption, PersonnelRange, Scenario, UnitType } from './schema.js';
import { personnelPerCapabilityUnit } from './summary.js';

/** Units of each type present at one time (a pledge or a plan at its peak). */
export type ForceSnapshot = readonly { readonly unitType: string; readonly units: number }[];

/** Units of one type in one period (pledged or planned), the input of `peakForce`. */
export interface PeriodUnits {
  readonly unitType: string;
  /** 1-based planning period. */
  readonly period: number;
  readonly units: number;
}

export interface ResolvedComponent {
  readonly id: string;
  readonly name: string;
  /** What the option's component stands for, capability by capability (only amounts > 0). */
  readonly capabilities: readonly { readonly capability: string; readonly amount: number }[];
  /**
   * Headcount as published, or implied by the capabilities (Σ amount × the fewest personnel any catalog
   * unit type needs per unit of the capability); null when neither is given.
   */
  readonly personnel: PersonnelRange | null;
  readonly personnelStated: boolean;
}

/** A force option with its components resolved against the catalog. */
export interface ResolvedOption {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Headline personnel: as published (a point is low = high), else the sum of the components. */
  readonly personnel: PersonnelRange | null;
  readonly personnelStated: boolean;
  /** In the order of `forceOptions.components`; only the components the option describes. */
  readonly components: readonly ResolvedComponent[];
  /**
   * Annual cost of the option's capabilities, each at the cheapest catalog unit per unit of capability,
   * US$ a year; null when the option gives no capabilities (a headline figure only).
   */
  readonly costUsdPerYear: number | null;
}

const range = (x: number | PersonnelRange): PersonnelRange =>
  typeof x === 'number' ? { low: x, high: x } : x;

/** Cheapest annual cost per unit of capability k over the catalog (US$ a year), or null. */
function costPerCapabilityUnit(s: Scenario, k: string): number | null {
  let best: number | null = null;
  for (const u of s.catalog) {
    const a = u.capabilities[k] ?? 0;
    if (a > 0) best = Math.min(best ?? Infinity, u.costPerYearUsd / a);
  }
  return best;
}

function resolveOption(s: Scenario, o: ForceOption): ResolvedOption {
  const defs = s.forceOptions?.components ?? [];
  const components: ResolvedComponent[] = [];
  let cost = 0;
  let anyCapability = false;
  for (const def of defs) {
    const c = o.components[def.id];
    if (c === undefined) continue;
    const capabilities = Object.entries(c.capabilities)
      .filter(([, a]) => a > 0)
      .map(([capability, amount]) => ({ capability, amount }));
    let implied = 0;
    let impliedKnown = capabilities.length > 0;
    for (const { capability, amount } of capabilities) {
      const per = personnelPerCapabilityUnit(s, capability);
      if (per === null) impliedKnown = false;
      else implied += per * amount;
      cost += (costPerCapabilityUnit(s, capability) ?? 0) * amount;
      anyCapability = true;
    }
    components.push({
      id: def.id,
      name: def.name,
      capabilities,
      personnel:
        c.personnel !== undefined
          ? range(c.personnel)
          : impliedKnown
            ? { low: implied, high: implied }
            : null,
      personnelStated: c.personnel !== undefined,
    });
  }
  const sum =
    components.length > 0 && components.every((c) => c.personnel !== null)
      ? components.reduce(
          (a, c) => ({ low: a.low + (c.personnel?.low ?? 0), high: a.high + (c.personnel?.high ?? 0) }),
          { low: 0, high: 0 },
        )
      : null;
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    personnel: o.personnel !== undefined ? range(o.personnel) : sum,
    personnelStated: o.personnel !== undefined,
    components,
    costUsdPerYear: anyCapability ? cost : null,
  };
}

/** The scenario's force options, resolved (empty when it defines none). */
export function forceOptions(s: Scenario): ResolvedOption[] {
  return (s.forceOptions?.options ?? []).map((o) => resolveOption(s, o));
}

/**
 * The component a unit type counts in: the first of `forceOptions.components` listing one of the
 * capabilities it provides; undefined when none does.
 */
export function componentOfUnit(s: Scenario, u: Pick<UnitType, 'capabilities'>): string | undefined {
  const provides = Object.entries(u.capabilities)
    .filter(([, a]) => a > 0)
    .map(([k]) => k);
  return (s.forceOptions?.components ?? []).find((c) => c.capabilities.some((k) => provides.includes(k)))?.id;
}

/** have ÷ need at both ends of a range: `ofLow` against the low figure, `ofHigh` against the high. */
export interface RangeShare {
  readonly ofLow: number;
  readonly ofHigh: number;
}

export interface CapabilityComparison {
  readonly capability: string;
  readonly name: string;
  /** Capability the force provides (Σ units × capability per unit). */
  readonly have: number;
  readonly need: number;
  /** have ÷ need, not capped (above 1 is more than the option). */
  readonly share: number;
}

export interface ComponentComparison {
  readonly component: string;
  readonly name: string;
  /** Personnel of the force's units that count in this component (see `componentOfUnit`). */
  readonly personnel: number;
  readonly personnelNeed: PersonnelRange | null;
  readonly personnelStated: boolean;
  readonly personnelShare: RangeShare | null;
  readonly capabilities: readonly CapabilityComparison[];
  /** Mean over the component's capabilities of min(1, have ÷ need); null when it gives none. */
  readonly capabilityShare: number | null;
}

export interface OptionComparison {
  readonly option: string;
  readonly name: string;
  /** Personnel of the whole force. */
  readonly personnel: number;
  readonly personnelNeed: PersonnelRange | null;
  readonly personnelStated: boolean;
  readonly personnelShare: RangeShare | null;
  readonly components: readonly ComponentComparison[];
}

const shareOf = (have: number, need: PersonnelRange | null): RangeShare | null =>
  need === null ? null : { ofLow: have / need.low, ofHigh: have / need.high };

/** Compares a force with one option, component by component. Pure; total on valid input. */
export function compareWithOption(
  s: Scenario,
  force: ForceSnapshot,
  option: ResolvedOption,
): OptionComparison {
  const unitById = new Map(s.catalog.map((u) => [u.id, u]));
  let total = 0;
  const personnelIn = new Map<string, number>();
  const capability = new Map<string, number>();
  for (const { unitType, units } of force) {
    const u = unitById.get(unitType);
    if (u === undefined || units <= 0) continue;
    total += u.personnel * units;
    const comp = componentOfUnit(s, u);
    if (comp !== undefined) personnelIn.set(comp, (personnelIn.get(comp) ?? 0) + u.personnel * units);
    for (const [k, a] of Object.entries(u.capabilities))
      if (a > 0) capability.set(k, (capability.get(k) ?? 0) + a * units);
  }
  const capName = (k: string): string => s.capabilities.find((c) => c.id === k)?.name ?? k;
  const components = option.components.map((c): ComponentComparison => {
    const caps = c.capabilities.map((x): CapabilityComparison => ({
      capability: x.capability,
      name: capName(x.capability),
      have: capability.get(x.capability) ?? 0,
      need: x.amount,
      share: (capability.get(x.capability) ?? 0) / x.amount,
    }));
    const have = personnelIn.get(c.id) ?? 0;
    return {
      component: c.id,
      name: c.name,
      personnel: have,
      personnelNeed: c.personnel,
      personnelStated: c.personnelStated,
      personnelShare: shareOf(have, c.personnel),
      capabilities: caps,
      capabilityShare:
        caps.length === 0 ? null : caps.reduce((a, x) => a + Math.min(1, x.share), 0) / caps.length,
    };
  });
  return {
    option: option.id,
    name: option.name,
    personnel: total,
    personnelNeed: option.personnel,
    personnelStated: option.personnelStated,
    personnelShare: shareOf(total, option.personnel),
    components,
  };
}

/** Compares a force with every option of the scenario, in file order. */
export function compareWithOptions(s: Scenario, force: ForceSnapshot): OptionComparison[] {
  return forceOptions(s).map((o) => compareWithOption(s, force, o));
}

/**
 * The force at its peak: the period with the most personnel (the earliest on a tie), as units per type.
 * Returns the period (0 when there is nothing) and the snapshot.
 */
export function peakForce(
  s: Scenario,
  placed: readonly PeriodUnits[],
): { readonly period: number; readonly force: ForceSnapshot } {
  const unitById = new Map(s.catalog.map((u) => [u.id, u]));
  const byPeriod = new Map<number, number>();
  for (const x of placed)
    byPeriod.set(
      x.period,
      (byPeriod.get(x.period) ?? 0) + (unitById.get(x.unitType)?.personnel ?? 0) * x.units,
    );
  let period = 0;
  let best = 0;
  for (const [t, p] of [...byPeriod].sort((a, b) => a[0] - b[0]))
    if (p > best + 1e-9) {
      best = p;
      period = t;
    }
  const units = new Map<string, number>();
  for (const x of placed)
    if (x.period === period) units.set(x.unitType, (units.get(x.unitType) ?? 0) + x.units);
  return { period, force: [...units].map(([unitType, n]) => ({ unitType, units: n })) };
}

/** The pledged force (active pledges), period by period. */
export function pledgedUnits(s: Scenario): PeriodUnits[] {
  const placed: PeriodUnits[] = [];
  for (const p of activePledges(s))
    for (let t = 1; t <= s.horizon.periods; t++)
      if (coversPeriod(s, p, t)) placed.push({ unitType: p.unitType, period: t, units: p.units });
  return placed;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const count = (x: number): string => Math.round(x).toLocaleString('en-GB');
const amount = (x: number): string =>
  Number.isInteger(x) ? x.toLocaleString('en-GB') : x >= 100 ? count(x) : String(Math.round(x * 10) / 10);
const figure = (r: PersonnelRange): string =>
  r.low === r.high ? count(r.low) : `${count(r.low)}–${count(r.high)}`;
const rangePct = (r: RangeShare): string =>
  Math.round(r.ofLow * 100) === Math.round(r.ofHigh * 100)
    ? pct(r.ofLow)
    : `${Math.round(r.ofHigh * 100)}–${pct(r.ofLow)}`;

function subjectCase(subject: string): string {
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

/** The whole force against the option's headline figure, or null when the option has none. */
function totalSentence(c: OptionComparison, subject: string): string | null {
  if (c.personnelNeed === null || c.personnelShare === null) return null;
  const f = figure(c.personnelNeed);
  const how = c.personnelStated ? (c.name.includes(f) ? '' : ` (${f})`) : `, whose components imply ${f}`;
  return `${subjectCase(subject)} (${count(c.personnel)} personnel) is ${rangePct(c.personnelShare)} of ${c.name}${how}.`;
}

/** One component in personnel and in capability, or null when the option gives neither. */
function componentSentence(c: OptionComparison, k: ComponentComparison, subject: string): string | null {
  const parts: { share: string; what: string }[] = [];
  if (k.personnelNeed !== null && k.personnelShare !== null)
    parts.push({
      share: rangePct(k.personnelShare),
      what: `personnel (${count(k.personnel)} of ${figure(k.personnelNeed)}${k.personnelStated ? '' : ', implied'})`,
    });
  if (k.capabilityShare !== null)
    parts.push({
      share: pct(k.capabilityShare),
      what: `capability (${k.capabilities.map((x) => `${x.name} ${amount(x.have)} of ${amount(x.need)}`).join(', ')})`,
    });
  const [first, second] = parts;
  if (first === undefined) return null;
  return `${subjectCase(subject)} covers ${first.share} of the ${k.name.toLowerCase()} component of ${c.name} in ${first.what}${second !== undefined ? ` and ${second.share} in ${second.what}` : ''}.`;
}

/** How much of a component the force covers: its capability share, else its personnel share (low end). */
const coverageOf = (k: ComponentComparison): number =>
  k.capabilityShare ?? (k.personnelShare === null ? Infinity : Math.min(1, k.personnelShare.ofHigh));

/** The component the force covers least (the first on a tie), or undefined without components. */
export function weakestComponent(c: OptionComparison): ComponentComparison | undefined {
  let best: ComponentComparison | undefined;
  for (const k of c.components) if (best === undefined || coverageOf(k) < coverageOf(best)) best = k;
  return best;
}

/**
 * The comparison in words, one sentence for the whole force and one per component, e.g. "The pledge
 * covers 41% of the land component of IISS small in personnel (4,075 of 10,000) and 40% in capability
 * (Land presence 3.6 of 8.9)." `subject` names the force ("the pledge", "the plan").
 */
export function describeComparison(c: OptionComparison, subject: string): string[] {
  return [totalSentence(c, subject), ...c.components.map((k) => componentSentence(c, k, subject))].filter(
    (x): x is string => x !== null,
  );
}

/** Two sentences at most: the whole force, and the component it covers least. */
export function summarizeComparison(c: OptionComparison, subject: string): string[] {
  const weak = weakestComponent(c);
  return [totalSentence(c, subject), weak === undefined ? null : componentSentence(c, weak, subject)].filter(
    (x): x is string => x !== null,
  );
}

/** A comparison with its sentences (`describeComparison`). */
export interface WordedComparison extends OptionComparison {
  /** Every sentence (`describeComparison`). */
  readonly sentences: readonly string[];
  /** The whole force and its weakest component (`summarizeComparison`). */
  readonly summary: readonly string[];
}

/** A force at its peak period against every option, with the comparisons in words. */
export interface ForceAgainstOptions {
  /** Period (1-based) of the force's peak, the one compared; 0 when the force is empty. */
  readonly period: number;
  readonly comparisons: readonly WordedComparison[];
}

/** Every option against the force's peak period, `subject` naming the force in the sentences. */
export function forceAgainstOptions(
  s: Scenario,
  placed: readonly PeriodUnits[],
  subject: string,
): ForceAgainstOptions {
  const peak = peakForce(s, placed);
  return {
    period: peak.period,
    comparisons: compareWithOptions(s, peak.force).map((c) => ({
      ...c,
      sentences: describeComparison(c, subject),
      summary: summarizeComparison(c, subject),
    })),
  };
}
