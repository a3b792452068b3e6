/**
 * Solver answer → `ForcePlan`: the tables a force-generation cell shows its chief. Every number is
 * computed from the solution values and the scenario as docs/planner.md ("Outputs") describes.
 */
import {
  activePledges,
  allConditionsHold,
  contributingNations,
  coversPeriod,
  rotationFor,
  forbiddingCaveats,
  forceAgainstOptions,
  type Caveat,
  type ForceAgainstOptions,
  type Nation,
  type Pledge,
  type Scenario,
  type UnitType,
} from '../scenario/index.js';
import {
  groupBy,
  isWithdrawn,
  leadTimeDays,
  type PeriodInfo,
  type PlanProgram,
  type SourcingColumn,
} from './build-program.js';
import { deploymentReport, type DeploymentReport } from './deployment-report.js';
import { checkSolution, nonZeros, rowActivities, type SolutionCheck } from './linear-program.js';
import { outcomePoint, type LpOutcome, type LpStatus } from './lp-solver.js';
import type { BurdenBasis, FairBasis, SupplyMode } from './options.js';
import {
  distinctUnitCount,
  rotationReport,
  type RotationRow,
  type NationSustainment,
} from './sustainment.js';

export interface SourcingRow {
  readonly nation: string;
  readonly unitType: string;
  readonly mission: string;
  readonly period: number;
  /** Units deployed continuously through the period. */
  readonly units: number;
  readonly personnel: number;
  /** Annual cost rate while deployed, US$ per year. */
  readonly costUsdPerYear: number;
}

export interface PersonnelRow {
  readonly nation: string;
  readonly period: number;
  /** Personnel in theatre. */
  readonly deployed: number;
  /**
   * Personnel tied up by the rotation: deployed × rotation ratio under the nation's rule (in theatre,
   * preparing, recovering).
   */
  readonly tiedUp: number;
}

export interface NationPersonnel {
  readonly nation: string;
  readonly peakDeployed: number;
  readonly peakTiedUp: number;
  /**
   * Distinct personnel who serve a tour over the horizon: per unit type, max(peak, min(tours, rotation × peak))
   * units times personnel per unit, where tours = unit-months deployed ÷ tour length.
   */
  readonly distinctOverHorizon: number;
  /** Person-tours over the horizon: Σ_u unit-months deployed ÷ tour × personnel per unit. */
  readonly troopTours: number;
  /**
   * Years the nation can keep its peak deployment before its rotational pool (units held or trained crews
   * of a type, or its personnel pool) is exhausted; null: indefinitely (or nothing to judge by).
   */
  readonly sustainableYears: number | null;
  /** The unit type (or `personnel`) that runs out first; null when none does. */
  readonly limitedBy: string | null;
}

/** Coalition totals of the personnel measures (docs/planner.md, "Rotation and sustainment"). */
export interface PersonnelTotals {
  /** Most personnel in theatre in any one period (all nations together). */
  readonly peakDeployed: number;
  /** Most personnel tied up by rotation in any one period. */
  readonly peakTiedUp: number;
  /** Person-tours over the horizon. */
  readonly troopTours: number;
  /** Distinct people who serve a tour over the horizon. */
  readonly distinct: number;
  /** Fewest years any nation can keep its part (null: every nation indefinitely), and which nation. */
  readonly sustainableYears: number | null;
  readonly limitedBy: string | null;
}

export interface NationCost {
  readonly nation: string;
  /** US$ per plan year (12-month blocks from the horizon start; the last may be partial). */
  readonly byYearUsd: readonly number[];
  readonly totalUsd: number;
}

export type ShortfallCauseCode =
  | 'no-provider'
  | 'not-held'
  | 'supply-exhausted'
  | 'personnel-ceiling'
  | 'budget-ceiling'
  | 'whole-units'
  | 'lead-time'
  | 'caveat'
  | 'national-limit'
  | 'pledged-elsewhere'
  | 'conditional'
  | 'not-pledged'
  | 'not-committable'
  | 'withdrawn';

export interface ShortfallCause {
  readonly code: ShortfallCauseCode;
  readonly nations: readonly string[];
  readonly text: string;
  /** For caveats and national limits: each excluded nation's reason, from the scenario (nation → reason). */
  readonly reasons?: Readonly<Record<string, string>>;
}

export interface CoverageRow {
  readonly mission: string;
  readonly capability: string;
  readonly period: number;
  readonly priority: number;
  readonly required: number;
  readonly provided: number;
  readonly shortfall: number;
}

export interface ShortfallRow extends CoverageRow {
  /** Why the gap is there, most direct cause first. */
  readonly causes: readonly ShortfallCause[];
  /** The causes in one sentence. */
  readonly explanation: string;
}

export interface FairShareRow {
  readonly nation: string;
  readonly personnelYears: number;
  readonly costUsd: number;
  /** Share of the coalition's burden (personnel-years or cost, per `burden`). */
  readonly burdenShare: number;
  /** Share of the basis (GDP or defence budget) among the nations sharing the burden. */
  readonly fairShare: number;
  /** burdenShare − fairShare. */
  readonly difference: number;
}

export interface FairShareTable {
  readonly burden: BurdenBasis;
  readonly basis: FairBasis;
  readonly rows: readonly FairShareRow[];
  /** 1 − ½ Σ |burdenShare − fairShare|: 1 is perfectly fair, 0 one nation carries what others should. Null without burden. */
  readonly index: number | null;
}

export interface CalendarRow {
  readonly nation: string;
  readonly unitType: string;
  readonly period: number;
  /** Units in theatre. */
  readonly deployed: number;
  /** Units training up for their next tour: half the dwell pool, deployed × (rotation − 1) / 2. */
  readonly preparing: number;
  /** Units back from a tour: the other half of the dwell pool. */
  readonly recovering: number;
}

export interface BindingConstraint {
  readonly kind: 'supply' | 'personnel' | 'budget';
  readonly nation: string;
  readonly unitType?: string;
  readonly periods: readonly number[];
  /** True when relaxing it could reduce a shortfall (a short capability the nation could otherwise provide). */
  readonly limitsCoverage: boolean;
  readonly text: string;
}

export interface ObjectiveBreakdown {
  readonly total: number;
  readonly shortfall: number;
  readonly cost: number;
  readonly unfairness: number;
  readonly churn: number;
}

export interface ForcePlan {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly variants: readonly string[];
  readonly mode: SupplyMode;
  readonly integer: boolean;
  readonly status: LpStatus;
  /** True when the plan has a solution (optimal, or the best found before the time limit). */
  readonly solved: boolean;
  readonly message?: string;
  readonly solver: string;
  readonly seconds: number;
  /**
   * Whole-unit plans: the proven lower bound on the objective and the relative gap of this plan to it
   * (0 when proven optimal; at the time limit, how far from optimal the plan can be at most).
   */
  readonly optimality?: { readonly bound: number; readonly gap: number };
  readonly model: {
    readonly variables: number;
    readonly rows: number;
    readonly nonZeros: number;
    readonly integerVariables: number;
  };
  readonly periods: readonly PeriodInfo[];
  readonly objective?: ObjectiveBreakdown;
  readonly sourcing: readonly SourcingRow[];
  readonly coverage: readonly CoverageRow[];
  readonly shortfall: readonly ShortfallRow[];
  /** Priority-weighted shortfall: Σ π[p] × unmet fraction × period years (the quantity the plan minimises first). */
  readonly weightedShortfall: number;
  readonly personnel: readonly PersonnelRow[];
  readonly personnelByNation: readonly NationPersonnel[];
  /** Coalition totals: peak deployed, peak tied up, troop-tours, distinct people, sustainability. */
  readonly personnelTotals: PersonnelTotals;
  /** Per nation and unit type deployed: the rotation rule applied, tours, distinct units, pool and years. */
  readonly rotation: readonly RotationRow[];
  readonly cost: readonly NationCost[];
  readonly totalCostUsd: number;
  readonly costByYearUsd: readonly number[];
  readonly fairShare: FairShareTable;
  readonly calendar: readonly CalendarRow[];
  readonly binding: readonly BindingConstraint[];
  /** The solution checked against every constraint of the model. */
  readonly check?: SolutionCheck;
  readonly notes: readonly string[];
  /** The plan's force at its peak period against the scenario's force options (`forceOptions`). */
  readonly forceOptions: ForceAgainstOptions;
  /** Time-phased arrivals from the deployment flow (scenarios with a `deployment` block, pledged mode). */
  readonly deployment?: DeploymentReport;
}

const sum = (xs: Iterable<number>): number => {
  let a = 0;
  for (const x of xs) a += x;
  return a;
};

/** Periods as "P2–P4, P6". */
export function periodRanges(ps: readonly number[]): string {
  const sorted = [...new Set(ps)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? `P${sorted[i]}` : `P${sorted[i]}–P${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "GBR, FRA", or "19 nations (DEU, ITA, POL, ESP, …)" for long lists. */
const listNations = (ns: readonly string[]): string =>
  ns.length <= 6 ? ns.join(', ') : `${ns.length} nations (${ns.slice(0, 4).join(', ')}, …)`;

export interface InterpretContext {
  readonly variants: readonly string[];
  readonly solver: string;
}

/** Interprets a solver outcome for a built plan model. Total: never throws on any outcome. */
export function interpretPlan(
  s: Scenario,
  pm: PlanProgram,
  outcome: LpOutcome,
  ctx: InterpretContext,
): ForcePlan {
  const point = outcomePoint(outcome);
  const tol = pm.options.tolerance;
  const base = {
    scenario: { id: s.meta.id, title: s.meta.title },
    variants: ctx.variants,
    mode: pm.options.mode,
    integer: pm.options.integer,
    status: outcome.status,
    solved: point !== undefined,
    ...(outcome.status === 'error' ? { message: outcome.message } : {}),
    solver: ctx.solver,
    seconds: outcome.seconds,
    ...(point?.mip !== undefined ? { optimality: point.mip } : {}),
    model: {
      variables: pm.lp.variables.count,
      rows: pm.lp.rows.count,
      nonZeros: nonZeros(pm.lp),
      integerVariables: pm.lp.variables.integer.reduce((a, x) => a + x, 0),
    },
    periods: pm.periods,
  };
  const fairEmpty: FairShareTable = {
    burden: pm.options.burden,
    basis: pm.options.fairBasis,
    rows: [],
    index: null,
  };
  if (point === undefined)
    return {
      ...base,
      sourcing: [],
      coverage: [],
      shortfall: [],
      weightedShortfall: NaN,
      personnel: [],
      personnelByNation: [],
      personnelTotals: {
        peakDeployed: 0,
        peakTiedUp: 0,
        troopTours: 0,
        distinct: 0,
        sustainableYears: null,
        limitedBy: null,
      },
      rotation: [],
      cost: [],
      totalCostUsd: NaN,
      costByYearUsd: [],
      fairShare: fairEmpty,
      calendar: [],
      binding: [],
      notes: pm.notes,
      forceOptions: { period: 0, comparisons: [] },
    };
  const x = point.values;
  const val = (j: number): number => {
    const v = x[j] ?? 0;
    return Math.abs(v) < tol ? 0 : v;
  };
  const unitById = new Map(s.catalog.map((u) => [u.id, u]));
  const unit = (id: string): UnitType => unitById.get(id) as UnitType;
  const years = s.horizon.periodMonths / 12;
  const ratios = new Map<string, number>();
  /** Rotation ratio of nation n's units of type u under its own rule. */
  const ratio = (n: string, u: string): number => {
    const key = `${n}|${u}`;
    let r = ratios.get(key);
    if (r === undefined) ratios.set(key, (r = rotationFor(s, n, unit(u)).ratio));
    return r;
  };

  // Objective by term.
  const costOf = (cols: Iterable<number>): number =>
    sum([...cols].map((j) => (pm.lp.variables.cost[j] ?? 0) * (x[j] ?? 0)));
  const objective: ObjectiveBreakdown = {
    total: point.objective,
    shortfall: costOf(pm.shortfall.map((c) => c.column)),
    cost: costOf(pm.sourcing.map((c) => c.column)),
    unfairness: costOf(pm.fair.deviationColumns),
    churn: costOf(pm.churnColumns),
  };

  // Sourcing, aggregated over pledge pools.
  const sourcingMap = new Map<string, SourcingRow>();
  for (const c of pm.sourcing) {
    const units = val(c.column);
    if (units <= 0) continue;
    const key = `${c.nation}|${c.unitType}|${c.mission}|${c.period}`;
    const u = unit(c.unitType);
    const prev = sourcingMap.get(key)?.units ?? 0;
    const total = prev + units;
    sourcingMap.set(key, {
      nation: c.nation,
      unitType: c.unitType,
      mission: c.mission,
      period: c.period,
      units: total,
      personnel: total * u.personnel,
      costUsdPerYear: total * u.costPerYearUsd,
    });
  }
  const sourcing = [...sourcingMap.values()];

  // Coverage and shortfall.
  const activity = rowActivities(pm.lp, x);
  // Provided = capability delivered by the sourced units (may exceed the requirement).
  const delivered = new Map<string, number>();
  for (const r of sourcing)
    for (const [k, a] of Object.entries(unit(r.unitType).capabilities))
      if (a > 0)
        delivered.set(
          `${r.mission}|${k}|${r.period}`,
          (delivered.get(`${r.mission}|${k}|${r.period}`) ?? 0) + a * r.units,
        );
  const coverageRows: CoverageRow[] = pm.shortfall.map((c) => ({
    mission: c.mission,
    capability: c.capability,
    period: c.period,
    priority: c.priority,
    required: c.required,
    provided: delivered.get(`${c.mission}|${c.capability}|${c.period}`) ?? 0,
    shortfall: val(c.column),
  }));
  const weightedShortfall = sum(
    coverageRows.map(
      (c) => ((pm.options.priorityWeights[c.priority - 1] ?? 1) * years * c.shortfall) / c.required,
    ),
  );

  // Which rows are tight.
  const tight = Array.from(activity, (a, i) => {
    const upper = pm.lp.rows.upper[i] ?? Infinity;
    return Number.isFinite(upper) && a >= upper - tol * Math.max(1, Math.abs(upper));
  });
  const shortKeys = new Set(
    coverageRows.filter((c) => c.shortfall > tol).map((c) => `${c.mission}|${c.capability}|${c.period}`),
  );

  const ectx = explainContext(s, pm);
  const shortfall = coverageRows
    .filter((c) => c.shortfall > tol)
    .map((c) => {
      const causes = explainShortfall(s, pm, c, x, tight, ectx);
      return { ...c, causes, explanation: causes.map((k) => k.text).join('; ') };
    });

  // Personnel.
  const byNationPeriod = groupBy(sourcing, (r) => `${r.nation}|${r.period}`);
  const nationsInPlan = [...new Set([...pm.fair.nations, ...sourcing.map((r) => r.nation)])];
  const personnel: PersonnelRow[] = [];
  for (const n of nationsInPlan)
    for (const p of pm.periods) {
      const rows = byNationPeriod.get(`${n}|${p.index}`) ?? [];
      personnel.push({
        nation: n,
        period: p.index,
        deployed: sum(rows.map((r) => r.personnel)),
        tiedUp: sum(rows.map((r) => r.personnel * ratio(n, r.unitType))),
      });
    }
  // Units deployed per nation × unit type × period (all missions).
  const deployedUnits = new Map<string, number>();
  for (const r of sourcing) {
    const key = `${r.nation}|${r.unitType}|${r.period}`;
    deployedUnits.set(key, (deployedUnits.get(key) ?? 0) + r.units);
  }
  const personnelOf = groupBy(personnel, (r) => r.nation);
  const seriesOf = new Map<string, number[]>();
  for (const n of nationsInPlan)
    for (const u of s.catalog) {
      const series = pm.periods.map((p) => deployedUnits.get(`${n}|${u.id}|${p.index}`) ?? 0);
      if (series.some((d) => d > 0)) seriesOf.set(`${n}|${u.id}`, series);
    }
  const rotation = rotationReport(s, nationsInPlan, seriesOf);
  const sustainOf = new Map<string, NationSustainment>(rotation.nations.map((r) => [r.nation, r]));
  const rotationRows = groupBy(rotation.rows, (r) => r.nation);
  const personnelByNation: NationPersonnel[] = nationsInPlan.map((n) => {
    const rows = personnelOf.get(n) ?? [];
    const sustain = sustainOf.get(n);
    return {
      nation: n,
      peakDeployed: Math.max(0, ...rows.map((r) => r.deployed)),
      peakTiedUp: Math.max(0, ...rows.map((r) => r.tiedUp)),
      distinctOverHorizon: sum(
        (rotationRows.get(n) ?? []).map(
          (r) => distinctUnitCount(r.peakUnits, r.tours, r.ratio) * r.personnelPerUnit,
        ),
      ),
      troopTours: sustain?.troopTours ?? 0,
      sustainableYears: sustain?.years ?? null,
      limitedBy: sustain?.limitedBy ?? null,
    };
  });
  const peakOver = (f: (r: PersonnelRow) => number): number =>
    Math.max(0, ...pm.periods.map((t) => sum(personnel.filter((r) => r.period === t.index).map(f))));
  const shortest = personnelByNation
    .filter((n) => n.sustainableYears !== null)
    .sort((a, b) => (a.sustainableYears ?? 0) - (b.sustainableYears ?? 0))[0];
  const personnelTotals: PersonnelTotals = {
    peakDeployed: peakOver((r) => r.deployed),
    peakTiedUp: peakOver((r) => r.tiedUp),
    troopTours: sum(personnelByNation.map((n) => n.troopTours)),
    distinct: sum(personnelByNation.map((n) => n.distinctOverHorizon)),
    sustainableYears: shortest?.sustainableYears ?? null,
    limitedBy: shortest?.nation ?? null,
  };

  // Cost per nation per plan year.
  const horizonMonths = s.horizon.periods * s.horizon.periodMonths;
  const planYears = Math.ceil(horizonMonths / 12);
  const costPerYear = (rows: readonly SourcingRow[]): number[] => {
    const out = new Array<number>(planYears).fill(0);
    for (const r of rows) {
      const from = (r.period - 1) * s.horizon.periodMonths;
      const to = from + s.horizon.periodMonths;
      for (let y = 0; y < planYears; y++) {
        const overlap = Math.max(0, Math.min(to, 12 * (y + 1)) - Math.max(from, 12 * y));
        if (overlap > 0) out[y] = (out[y] ?? 0) + (r.costUsdPerYear * overlap) / 12;
      }
    }
    return out;
  };
  const byNation = groupBy(sourcing, (r) => r.nation);
  const cost: NationCost[] = nationsInPlan.map((n) => {
    const byYearUsd = costPerYear(byNation.get(n) ?? []);
    return { nation: n, byYearUsd, totalUsd: sum(byYearUsd) };
  });
  const costByYearUsd = costPerYear(sourcing);

  // Fair share.
  const personnelYears = (n: string): number => sum((byNation.get(n) ?? []).map((r) => r.personnel * years));
  const costUsd = (n: string): number => sum((byNation.get(n) ?? []).map((r) => r.costUsdPerYear * years));
  const measure = (n: string): number => (pm.options.burden === 'personnel' ? personnelYears(n) : costUsd(n));
  const fairNations = pm.fair.nations.length > 0 ? pm.fair.nations : nationsInPlan;
  const totalBurden = sum(fairNations.map(measure));
  const fairRows: FairShareRow[] = fairNations.map((n) => {
    const share = totalBurden > 0 ? measure(n) / totalBurden : 0;
    const fair = pm.fair.shares[n] ?? 0;
    return {
      nation: n,
      personnelYears: personnelYears(n),
      costUsd: costUsd(n),
      burdenShare: share,
      fairShare: fair,
      difference: share - fair,
    };
  });
  const fairShare: FairShareTable = {
    burden: pm.options.burden,
    basis: pm.options.fairBasis,
    rows: fairRows,
    index: totalBurden > 0 ? 1 - 0.5 * sum(fairRows.map((r) => Math.abs(r.difference))) : null,
  };

  // Rotation calendar.
  const calendar: CalendarRow[] = [];
  for (const [key, d] of deployedUnits) {
    const [nation = '', unitType = '', period = '0'] = key.split('|');
    const dwell = (d * (ratio(nation, unitType) - 1)) / 2;
    calendar.push({
      nation,
      unitType,
      period: Number(period),
      deployed: d,
      preparing: dwell,
      recovering: dwell,
    });
  }
  calendar.sort(
    (a, b) => a.nation.localeCompare(b.nation) || a.unitType.localeCompare(b.unitType) || a.period - b.period,
  );

  const binding = bindingConstraints(s, pm, tight, shortKeys);
  return {
    ...base,
    objective,
    sourcing,
    coverage: coverageRows,
    shortfall,
    weightedShortfall,
    personnel,
    personnelByNation,
    personnelTotals,
    rotation: rotation.rows,
    cost,
    totalCostUsd: sum(cost.map((c) => c.totalUsd)),
    costByYearUsd,
    fairShare,
    calendar,
    binding,
    check: checkSolution(pm.lp, x, Math.max(tol, 1e-6)),
    notes: pm.notes,
    forceOptions: forceAgainstOptions(s, sourcing, 'the plan'),
    ...(pm.deployment !== undefined
      ? {
          deployment: deploymentReport(s, pm.deployment, pm.periods, (m, t) => {
            const rows = coverageRows.filter((c) => c.mission === m && c.period === t);
            return rows.length === 0 ? undefined : rows.every((c) => c.shortfall <= tol);
          }),
        }
      : {}),
  };
}

interface ExplainContext {
  readonly active: ReadonlySet<string>;
  readonly supplyRowOf: ReadonlyMap<string, number>;
  readonly nationRow: ReadonlyMap<string, number>;
  readonly columnsOf: ReadonlyMap<string, readonly SourcingColumn[]>;
  readonly pledgesOf: ReadonlyMap<string, readonly Pledge[]>;
}

function explainContext(s: Scenario, pm: PlanProgram): ExplainContext {
  const supplyRowOf = new Map<string, number>();
  const nationRow = new Map<string, number>();
  pm.rows.forEach((r, i) => {
    if (r.kind === 'supply') supplyRowOf.set(`${r.pool}|${r.period}`, i);
    if (r.kind === 'personnel' || r.kind === 'budget') nationRow.set(`${r.kind}|${r.nation}|${r.period}`, i);
  });
  return {
    active: new Set(activePledges(s).map((p) => p.id)),
    supplyRowOf,
    nationRow,
    columnsOf: groupBy(pm.sourcing, (sc) => `${sc.nation}|${sc.unitType}|${sc.period}`),
    pledgesOf: groupBy(s.pledges, (p) => `${p.nation}|${p.unitType}`),
  };
}

/** Ranks causes: the most direct first (what binds now), the most remote last. */
const causeOrder: readonly ShortfallCauseCode[] = [
  'no-provider',
  'not-held',
  'supply-exhausted',
  'personnel-ceiling',
  'budget-ceiling',
  'whole-units',
  'lead-time',
  'caveat',
  'national-limit',
  'pledged-elsewhere',
  'conditional',
  'not-pledged',
  'not-committable',
  'withdrawn',
];

/**
 * Why (mission, capability, period) is short: for every coalition nation holding or pledging a unit type
 * that provides the capability, the least restrictive reason it gives no more; grouped by reason.
 */
function explainShortfall(
  s: Scenario,
  pm: PlanProgram,
  c: CoverageRow,
  x: ArrayLike<number>,
  tight: readonly boolean[],
  ctx: ExplainContext,
): ShortfallCause[] {
  const tol = pm.options.tolerance;
  const mission = s.missions.find((m) => m.id === c.mission);
  const providers = s.catalog.filter((u) => (u.capabilities[c.capability] ?? 0) > 0);
  if (mission === undefined || providers.length === 0)
    return [
      { code: 'no-provider', nations: [], text: `no unit type in the catalog provides ${c.capability}` },
    ];
  const period = pm.periods[c.period - 1];
  const startDay = period?.startDay ?? 0;
  const { active, supplyRowOf, nationRow, columnsOf, pledgesOf } = ctx;
  const byCode = new Map<
    ShortfallCauseCode,
    { nations: string[]; details: string[]; reasons: Record<string, string> }
  >();
  const add = (code: ShortfallCauseCode, nation: string, detail = ''): void => {
    const e = byCode.get(code) ?? { nations: [], details: [], reasons: {} };
    if (!e.nations.includes(nation)) e.nations.push(nation);
    if ((code === 'caveat' || code === 'national-limit') && detail !== '') e.reasons[nation] ??= detail;
    else if (detail !== '' && !e.details.includes(detail)) e.details.push(detail);
    byCode.set(code, e);
  };
  // A caveat's reason as the gap cause gives it: its kind, its reason, and the conditions that would lift it.
  const caveatReason = (c: Caveat): string =>
    `${c.kind === undefined ? '' : `${c.kind}: `}${c.reason}${c.unless !== undefined && c.unless.length > 0 ? ` (lifted if ${c.unless.join(', ')})` : ''}`;

  const statusOf = (n: Nation, u: UnitType): [ShortfallCauseCode, string] | undefined => {
    const pledges = pledgesOf.get(`${n.id}|${u.id}`) ?? [];
    const held = (n.inventory[u.id] ?? 0) > 0;
    if (!held && pledges.length === 0) return undefined;
    if (isWithdrawn(s, n)) return ['withdrawn', ''];
    if (!allConditionsHold(s, n.conditions)) return ['conditional', n.conditions.join(', ')];
    const caveat = forbiddingCaveats(s, n, mission, u)[0];
    if (caveat !== undefined)
      return [
        caveat.kind === 'legal' || caveat.kind === 'political' ? 'national-limit' : 'caveat',
        caveatReason(caveat),
      ];
    // A guarantor supplies only what it pledges, in either mode.
    if (pm.options.mode === 'pledged' || n.role === 'guarantor') {
      if (pledges.length === 0) return ['not-pledged', ''];
      const live = pledges.filter((p) => active.has(p.id));
      if (live.length === 0)
        return ['conditional', [...new Set(pledges.flatMap((p) => p.conditions))].join(', ')];
      const now = live.filter((p) => coversPeriod(s, p, c.period));
      if (now.length === 0) return ['not-pledged', `not for P${c.period}`];
      if (!now.some((p) => p.missions === undefined || p.missions.includes(mission.id)))
        return ['pledged-elsewhere', ''];
    } else if (n.committableShare * (n.inventory[u.id] ?? 0) <= 0 && !pledges.some((p) => active.has(p.id))) {
      return ['not-committable', ''];
    }
    const flow = pm.deployment?.moves.filter(
      (m) => m.nation === n.id && m.unitType === u.id && m.route !== null,
    );
    if (flow !== undefined && flow.length > 0) {
      // Deployment flow: the last of its units arrives when the flow delivers it.
      const last = flow.reduce((a, m) => (m.arrivalDay > a.arrivalDay ? m : a));
      if (startDay < last.arrivalDay)
        return [
          'lead-time',
          Number.isFinite(last.arrivalDay)
            ? `${n.id} in place by day ${Math.ceil(last.arrivalDay)} (deployment flow, ${last.bottleneck ?? 'route'})`
            : `${n.id} never arrives (no capacity at ${last.bottleneck ?? 'its route'})`,
        ];
    } else {
      const lead = leadTimeDays(n, u);
      if (startDay < lead) return ['lead-time', `${n.id} ready from day ${lead}`];
    }
    // Available: what stops it giving more?
    const cols = (columnsOf.get(`${n.id}|${u.id}|${c.period}`) ?? []).filter(
      (sc) => sc.mission === mission.id,
    );
    for (const sc of cols) {
      const row = supplyRowOf.get(`${sc.pool}|${sc.period}`);
      if (row !== undefined && tight[row]) {
        const others = (columnsOf.get(`${n.id}|${u.id}|${c.period}`) ?? [])
          .filter((o) => o.pool === sc.pool && o.mission !== mission.id && (x[o.column] ?? 0) > tol)
          .map((o) => o.mission);
        return [
          'supply-exhausted',
          others.length > 0 ? `also used on ${[...new Set(others)].join(', ')}` : '',
        ];
      }
    }
    const pRow = nationRow.get(`personnel|${n.id}|${c.period}`);
    if (pRow !== undefined && tight[pRow]) return ['personnel-ceiling', ''];
    const bRow = nationRow.get(`budget|${n.id}|${c.period}`);
    if (bRow !== undefined && tight[bRow]) return ['budget-ceiling', ''];
    return ['whole-units', ''];
  };

  for (const n of contributingNations(s)) {
    let best: [ShortfallCauseCode, string] | undefined;
    for (const u of providers) {
      const st = statusOf(n, u);
      if (st === undefined) continue;
      if (best === undefined || causeOrder.indexOf(st[0]) < causeOrder.indexOf(best[0])) best = st;
    }
    if (best !== undefined) add(best[0], n.id, best[1]);
  }
  if (byCode.size === 0)
    return [
      {
        code: 'not-held',
        nations: [],
        text: `no coalition nation holds a unit type that provides ${c.capability}`,
      },
    ];
  const mode = pm.options.mode;
  const text = (
    code: ShortfallCauseCode,
    ns: string[],
    details: string[],
    reasons: Record<string, string>,
  ): string => {
    const who = listNations(ns);
    const extra = details.length > 0 ? ` (${details.join('; ')})` : '';
    // Each excluded nation's reason when there are few; all of them are in `reasons`.
    const why =
      ns.length === 1
        ? ` (${reasons[ns[0] ?? ''] ?? ''})`
        : ns.length === 2
          ? ` (${ns.map((n) => `${n}: ${reasons[n] ?? ''}`).join('; ')})`
          : '';
    switch (code) {
      case 'supply-exhausted':
        return `${mode === 'pledged' ? 'pledges' : 'committable inventory'} exhausted: ${who}${extra}`;
      case 'personnel-ceiling':
        return `personnel ceilings reached: ${who}`;
      case 'budget-ceiling':
        return `budget ceilings reached: ${who}`;
      case 'whole-units':
        return `less than one more whole unit available: ${who}`;
      case 'lead-time':
        return `lead time: ${ns.length <= 4 ? details.join(', ') : `${who} not ready yet`}`;
      case 'caveat':
        return `caveats exclude ${who}${why}`;
      case 'national-limit':
        return `national limits exclude ${who}${why}`;
      case 'pledged-elsewhere':
        return `pledged for other missions only: ${who}`;
      case 'conditional':
        return `conditional on ${[...new Set(details.flatMap((d) => d.split(', ')))].join(', ') || 'a condition'} that does not hold: ${who}`;
      case 'not-pledged':
        return `held but not pledged: ${who}`;
      case 'not-committable':
        return `none committable: ${who}`;
      case 'withdrawn':
        return `withdrawn: ${who}`;
      case 'no-provider':
      case 'not-held':
        return who;
      default: {
        const never: never = code;
        return never;
      }
    }
  };
  return [...byCode.entries()]
    .sort((a, b) => causeOrder.indexOf(a[0]) - causeOrder.indexOf(b[0]))
    .map(([code, e]) => ({
      code,
      nations: e.nations,
      text: text(code, e.nations, e.details, e.reasons),
      ...(code === 'caveat' || code === 'national-limit' ? { reasons: e.reasons } : {}),
    }));
}

function bindingConstraints(
  s: Scenario,
  pm: PlanProgram,
  tight: readonly boolean[],
  shortKeys: ReadonlySet<string>,
): BindingConstraint[] {
  const unitById = new Map(s.catalog.map((u) => [u.id, u]));
  const groups = new Map<
    string,
    {
      kind: BindingConstraint['kind'];
      nation: string;
      unitType?: string;
      periods: number[];
      limits: boolean;
      bound: number;
    }
  >();
  const poolsOf = groupBy(pm.pools, (p) => `${p.nation}|${p.unitType}`);
  // A (nation, unit type, period) limits coverage when its unit provides a capability short on a mission it could serve.
  const helps = (nation: string, unitType: string, period: number): boolean => {
    const u = unitById.get(unitType);
    if (u === undefined) return false;
    const pools = poolsOf.get(`${nation}|${unitType}`) ?? [];
    return pools.some((p) =>
      p.missions.some((m) =>
        Object.entries(u.capabilities).some(([k, a]) => a > 0 && shortKeys.has(`${m}|${k}|${period}`)),
      ),
    );
  };
  const nationUnits = groupBy(pm.pools, (p) => p.nation);
  pm.rows.forEach((r, i) => {
    if (!tight[i]) return;
    if (r.kind !== 'supply' && r.kind !== 'personnel' && r.kind !== 'budget') return;
    // A supply row at zero capacity is not a constraint worth reporting.
    if (r.kind === 'supply' && r.capacity <= 0) return;
    const unitType = r.kind === 'supply' ? r.unitType : undefined;
    const key = `${r.kind}|${r.nation}|${unitType ?? ''}`;
    const limits =
      r.kind === 'supply'
        ? helps(r.nation, r.unitType, r.period)
        : (nationUnits.get(r.nation) ?? []).some((p) => helps(r.nation, p.unitType, r.period));
    const bound = r.kind === 'supply' ? r.capacity : r.kind === 'personnel' ? r.ceiling : r.ceilingUsdPerYear;
    const g = groups.get(key) ?? {
      kind: r.kind,
      nation: r.nation,
      ...(unitType !== undefined ? { unitType } : {}),
      periods: [],
      limits: false,
      bound,
    };
    g.periods.push(r.period);
    g.limits ||= limits;
    groups.set(key, g);
  });
  const fmt = (v: number): string => (Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toFixed(2));
  const out: BindingConstraint[] = [...groups.values()].map((g) => {
    const when = periodRanges(g.periods);
    let text: string;
    switch (g.kind) {
      case 'supply': {
        const u = unitById.get(g.unitType ?? '');
        text =
          pm.options.mode === 'pledged'
            ? `${g.nation} deploys everything it pledged of ${u?.name ?? g.unitType} (${fmt(g.bound)}) in ${when}`
            : `${g.nation} deploys all the ${u?.name ?? g.unitType} it can sustain (${fmt(g.bound)} committable ÷ rotation ${fmt(u ? rotationFor(s, g.nation, u).ratio : 1)}) in ${when}`;
        break;
      }
      case 'personnel':
        text = `${g.nation} reaches its personnel ceiling (${fmt(g.bound)}) in ${when}`;
        break;
      case 'budget':
        text = `${g.nation} reaches its budget ceiling (US$${fmt(g.bound / 1e6)}m a year) in ${when}`;
        break;
      default: {
        const never: never = g.kind;
        text = never;
      }
    }
    if (g.limits) text += ' — more would reduce a shortfall';
    return {
      kind: g.kind,
      nation: g.nation,
      ...(g.unitType !== undefined ? { unitType: g.unitType } : {}),
      periods: g.periods,
      limitsCoverage: g.limits,
      text,
    };
  });
  return out.sort(
    (a, b) => Number(b.limitsCoverage) - Number(a.limitsCoverage) || a.nation.localeCompare(b.nation),
  );
}
