/**
 * Scenario → linear programme (DESIGN.md §5; every equation is written out in docs/planner.md).
 *
 * Variables
 *   x[n,u,m,t]   ≥ 0  units of type u nation n keeps deployed on mission m in period t (integer in MIP
 *                     mode). Created only where n can supply u (a pledge in pledged mode, committable
 *                     inventory in potential mode), m needs a capability u provides in t, no caveat of n
 *                     forbids u on m, and the lead time (nation + unit type) ends before t does; a period
 *                     the lead time ends in offers only the remaining share of its supply (`availability`).
 *                     A fifth index (the first pledge id) tells pledge pools apart when one nation pledges
 *                     the same unit type for different mission sets.
 *   s[m,k,t]     ≥ 0  shortfall of capability k on mission m in period t, ≤ R[m,k,t].
 *   burden       ≥ 0  total coalition burden over the horizon (unit-years); over[n], under[n] ≥ 0 a
 *                     nation's burden above / below its fair share; up[n,u,m,t], down[n,u,m,t] ≥ 0 the
 *                     change in x between consecutive periods.
 * Rows
 *   cover[m,k,t]:      Σ cap[u,k]·x[n,u,m,t] + s[m,k,t] ≥ R[m,k,t]
 *   supply[n,u,t]:     Σ_m x ≤ pledged units            (pledged)
 *                      Σ_m rot[n,u]·x ≤ max(min(share[n]·inv[n,u], crews[n,u]), rot[n,u]·pledged)   (potential;
 *                      rot[n,u] under nation n's rotation rule, `rotationFor`)
 *   personnel[n,t]:    Σ personnel[u]·x ≤ ceiling[n];   budget[n,t]: Σ cost[u]·x ≤ budget[n] (per year)
 *   burden-total:      Σ β[u]·x − burden = 0
 *   fair[n]:           Σ_{x of n} β[u]·x − f[n]·burden − over[n] + under[n] = 0
 *   churn[n,u,m,t]:    x[·,t] − x[·,t−1] − up + down = 0
 * Objective (minimise)
 *   Σ Ws·π[p]·y·s/R  +  Wc·Σ y·cost[u]/c̄·x  +  Wf·Σ (over + under)  +  Wch·Σ (up + down)
 *   with y = period length in years, c̄ the catalog's mean annual unit cost, π the priority weights.
 */
import {
  activePledges,
  allConditionsHold,
  caveatForbids,
  coalitionNations,
  contributingNations,
  coversPeriod,
  missionUsesUnit,
  periodCalendar,
  periodLabel,
  rotationFor,
  crewPool,
  type Mission,
  type Nation,
  type Pledge,
  type Scenario,
  type UnitType,
} from '../scenario/index.js';
import { isFlowed, scheduleDeployment, type DeploymentSchedule } from './deployment-flow.js';
import { LpBuilder, type LpEdit, type LinearProgram, type LpNamer, type LpNames } from './linear-program.js';
import type { PlanOptions } from './options.js';

export interface PeriodInfo {
  /** 1-based. */
  readonly index: number;
  readonly label: string;
  /** Days from the horizon start to the period's first day. */
  readonly startDay: number;
  /** Days in the period (to the next period's first day). */
  readonly days: number;
  readonly months: number;
}

export interface SourcingColumn {
  readonly column: number;
  readonly nation: string;
  readonly unitType: string;
  readonly mission: string;
  readonly period: number;
  /** Index into `PlanProgram.pools`. */
  readonly pool: number;
}

export interface ShortfallColumn {
  readonly column: number;
  readonly mission: string;
  readonly capability: string;
  readonly period: number;
  /** R[m,k,t]: sum of the requirements on (m, k) covering t. */
  readonly required: number;
  /** Most important priority among them (1 highest). */
  readonly priority: number;
}

/** A nation's supply of one unit type: the pledges behind it (pledged mode) or its inventory (potential). */
export interface SupplyPool {
  readonly nation: string;
  readonly unitType: string;
  /** Missions its units may serve (after caveats). */
  readonly missions: readonly string[];
  readonly pledges: readonly string[];
}

export type RowRole =
  | {
      readonly kind: 'coverage';
      readonly mission: string;
      readonly capability: string;
      readonly period: number;
    }
  | {
      readonly kind: 'supply';
      readonly nation: string;
      readonly unitType: string;
      readonly period: number;
      readonly pool: number;
      /** Units that may be deployed in the period (pledged), or inventory that may be committed (potential). */
      readonly capacity: number;
      /** The same without conditional pledges (resilience). */
      readonly unconditionalCapacity: number;
      /** The same without the pledges that depend on one condition, by condition id (only conditions present). */
      readonly capacityWithout: Readonly<Record<string, number>>;
    }
  | { readonly kind: 'personnel'; readonly nation: string; readonly period: number; readonly ceiling: number }
  | {
      readonly kind: 'budget';
      readonly nation: string;
      readonly period: number;
      readonly ceilingUsdPerYear: number;
    }
  | { readonly kind: 'burden-total' }
  | { readonly kind: 'fair-share'; readonly nation: string }
  | {
      readonly kind: 'churn';
      readonly nation: string;
      readonly unitType: string;
      readonly mission: string;
      readonly period: number;
    };

export interface FairShareSetup {
  /** Nations the burden is shared among: coalition members whose conditions hold and that have not withdrawn. */
  readonly nations: readonly string[];
  /** Fair share of each, summing to 1 (basis ÷ total basis). */
  readonly shares: Readonly<Record<string, number>>;
  /** Basis value per nation (GDP or defence budget, US$). */
  readonly basis: Readonly<Record<string, number>>;
  /** Column of the total burden; -1 when fewer than two nations share. */
  readonly burdenColumn: number;
  /** Row index of fair[n], by nation. */
  readonly rows: Readonly<Record<string, number>>;
  /** over[n] and under[n] columns. */
  readonly deviationColumns: readonly number[];
}

/** The LP together with what each of its columns and rows means. */
export interface PlanProgram {
  readonly lp: LinearProgram;
  readonly options: PlanOptions;
  readonly periods: readonly PeriodInfo[];
  readonly sourcing: readonly SourcingColumn[];
  readonly shortfall: readonly ShortfallColumn[];
  readonly pools: readonly SupplyPool[];
  /** One entry per LP row, same order. */
  readonly rows: readonly RowRole[];
  readonly fair: FairShareSetup;
  /** up/down columns of the churn rows. */
  readonly churnColumns: readonly number[];
  /** Nations whose participation rests on a condition (they leave in the no-conditional-pledges case). */
  readonly conditionalNations: readonly string[];
  /** Conditions that pledges or nations in the model depend on, each with the nations whose participation rests on it. */
  readonly conditions: Readonly<Record<string, readonly string[]>>;
  /** Normalisers used in the objective: mean annual unit cost (US$) and mean personnel per unit. */
  readonly scale: { readonly meanUnitCostUsd: number; readonly meanUnitPersonnel: number };
  /** Notes on the data (e.g. a nation without a defence budget under the defence-budget basis). */
  readonly notes: readonly string[];
  /**
   * When each pledged unit arrives, from the scenario's lift and reception capacity (pledged mode, with a
   * `deployment` block); absent otherwise, and then every unit arrives after its lead time.
   */
  readonly deployment?: DeploymentSchedule;
}

/** The planning periods on the scenario's calendar (the same days the simulation uses). */
export function periodsOf(s: Scenario): PeriodInfo[] {
  return periodCalendar(s.horizon).map((p) => ({
    index: p.index,
    label: periodLabel(s, p.index),
    startDay: p.startDay,
    days: p.days,
    months: s.horizon.periodMonths,
  }));
}

/** Days before nation n can have a unit of type u in place. */
export const leadTimeDays = (n: Nation, u: UnitType): number => n.leadTimeDays + u.leadTimeDays;

/**
 * Share of period `p` in which a unit with lead time `lead` days can be in place: 1 once the lead time
 * has passed by the period's start, 0 if it ends with the period, and the remaining fraction in between
 * (a unit ready on day 30 of a 92-day period is there for 62/92 of it). Sourcing is measured as units
 * present on average over the period, so the period's capacity is scaled by this share.
 */
export function availability(p: Pick<PeriodInfo, 'startDay' | 'days'>, lead: number): number {
  if (lead <= p.startDay) return 1;
  if (p.days <= 0) return 0;
  return Math.max(0, Math.min(1, (p.startDay + p.days - lead) / p.days));
}

/** A nation that a variant withdrew (nothing committable, no personnel) and that pledges nothing. */
export function isWithdrawn(s: Scenario, n: Nation): boolean {
  return n.committableShare === 0 && n.personnelCeiling === 0 && !s.pledges.some((p) => p.nation === n.id);
}

/** Required amount and top priority per (mission, capability, period). */
export function requirementsOf(
  s: Scenario,
): Map<string, { mission: Mission; capability: string; period: number; amount: number; priority: number }> {
  const out = new Map<
    string,
    { mission: Mission; capability: string; period: number; amount: number; priority: number }
  >();
  for (const m of s.missions)
    for (const r of m.requirements)
      for (let t = r.fromPeriod; t <= (r.toPeriod ?? s.horizon.periods); t++) {
        if (r.amount <= 0) continue;
        const key = `${m.id}|${r.capability}|${t}`;
        const prev = out.get(key);
        if (prev) {
          prev.amount += r.amount;
          prev.priority = Math.min(prev.priority, r.priority);
        } else
          out.set(key, {
            mission: m,
            capability: r.capability,
            period: t,
            amount: r.amount,
            priority: r.priority,
          });
      }
  return out;
}

/** True when mission m needs, in period t, some capability unit type u provides. */
function needsUnitIn(required: ReadonlySet<string>, m: Mission, u: UnitType, t: number): boolean {
  for (const [k, v] of Object.entries(u.capabilities))
    if (v > 0 && required.has(`${m.id}|${k}|${t}`)) return true;
  return false;
}

const sumUnits = (s: Scenario, pledges: readonly Pledge[], t: number): number =>
  pledges.reduce((a, p) => a + (coversPeriod(s, p, t) ? p.units : 0), 0);

const isConditionalPledge = (p: Pledge, n: Nation): boolean =>
  p.conditions.length > 0 || n.conditions.length > 0;

/** Builds the planning LP for a validated scenario (variants already applied). Pure. */
export function buildPlanProgram(s: Scenario, options: PlanOptions): PlanProgram {
  // Names are made on demand from the tables below (`planNamer`), not stored: 47 MiB at 100× the default.
  const names: NamingTables = {
    shortfall: [],
    sourcing: [],
    pools: [],
    xSuffix: [],
    supplySuffix: [],
    rows: [],
    fairNations: [],
    burdenColumn: -1,
    deviationStart: -1,
    churnStart: -1,
    churnRowStart: -1,
    churnNext: new Int32Array(0),
  };
  const b = new LpBuilder(
    `bulwark-${s.meta.id}-${options.mode}${options.integer ? '-mip' : ''}`,
    planNamer(names),
  );
  const periods = periodsOf(s);
  const years = s.horizon.periodMonths / 12;
  const notes: string[] = [];
  const unitById = new Map(s.catalog.map((u) => [u.id, u]));
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, x) => a + x, 0) / xs.length);
  const meanUnitCostUsd = mean(s.catalog.map((u) => u.costPerYearUsd)) || 1;
  const meanUnitPersonnel = mean(s.catalog.map((u) => u.personnel)) || 1;
  const burdenPerUnitYear = (u: UnitType): number =>
    options.burden === 'personnel' ? u.personnel / meanUnitPersonnel : u.costPerYearUsd / meanUnitCostUsd;
  const requirements = requirementsOf(s);
  const required = new Set(requirements.keys());
  const active = new Set(activePledges(s).map((p) => p.id));
  const W = options.weights;

  // Nations that take part: coalition, conditions hold, not withdrawn. They share the burden (fair share).
  const nations = coalitionNations(s).filter((n) => allConditionsHold(s, n.conditions) && !isWithdrawn(s, n));
  // Suppliers: those, and a guarantor contributing units of its own (its pledges only, outside fair share).
  const suppliers = [
    ...nations,
    ...contributingNations(s).filter((n) => n.role === 'guarantor' && allConditionsHold(s, n.conditions)),
  ];
  const conditionalNations = suppliers.filter((n) => n.conditions.length > 0).map((n) => n.id);
  const conditions: Record<string, string[]> = {};
  for (const n of suppliers) for (const c of n.conditions) conditions[c] = [...(conditions[c] ?? []), n.id];
  for (const p of s.pledges)
    if (active.has(p.id) && suppliers.some((n) => n.id === p.nation))
      for (const c of p.conditions) conditions[c] ??= [];

  // Shortfall columns first (their order is stable and readable in exports).
  const shortfall: ShortfallColumn[] = names.shortfall;
  for (const r of requirements.values()) {
    const pi = options.priorityWeights[r.priority - 1] ?? 1;
    const column = b.addVariable(0, r.amount, (W.shortfall * pi * years) / r.amount);
    if (column !== shortfall.length) throw new Error('buildPlanProgram: shortfall columns out of order');
    shortfall.push({
      column,
      mission: r.mission.id,
      capability: r.capability,
      period: r.period,
      required: r.amount,
      priority: r.priority,
    });
  }

  // Deployment flow: in pledged mode with lift data, pledged units arrive when the flow delivers them.
  let deployment: DeploymentSchedule | undefined;
  if (s.deployment !== undefined && options.mode === 'pledged') {
    const toMove = suppliers.flatMap((n) =>
      s.catalog.flatMap((u) => {
        const using = s.missions.filter((m) => missionUsesUnit(m, u) && !caveatForbids(s, n, m, u));
        if (using.length === 0) return [];
        return s.pledges
          .filter((p) => p.nation === n.id && p.unitType === u.id && active.has(p.id))
          .map((pledge) => ({
            pledge,
            missions:
              pledge.missions === undefined ? using : using.filter((m) => pledge.missions?.includes(m.id)),
          }));
      }),
    );
    const byId = new Map(s.nations.map((n) => [n.id, n]));
    deployment = scheduleDeployment(
      s,
      toMove,
      (nation, u) => {
        const n = byId.get(nation);
        return n === undefined ? u.leadTimeDays : leadTimeDays(n, u);
      },
      (t) => periods[t - 1]?.startDay ?? 0,
    );
  } else if (s.deployment !== undefined)
    notes.push(
      'Potential mode: the deployment flow is not scheduled (it moves pledged units); units arrive after their lead times.',
    );
  const movesByPledge = groupBy(deployment?.moves ?? [], (m) => m.pledge);
  // Units of the pledges covering the period present on average over it, each from its arrival day.
  const presentUnits = (pledges: readonly Pledge[], period: PeriodInfo): number => {
    let a = 0;
    for (const p of pledges) {
      if (!coversPeriod(s, p, period.index)) continue;
      for (const m of movesByPledge.get(p.id) ?? []) a += m.units * availability(period, m.arrivalDay);
    }
    return a;
  };

  // Supply pools and sourcing columns.
  const pools: SupplyPool[] = names.pools;
  const sourcing: SourcingColumn[] = names.sourcing;
  const supplyRows: {
    pool: number;
    period: number;
    capacity: number;
    unconditional: number;
    without: Record<string, number>;
    rot: number;
    columns: number[];
  }[] = [];
  const integer = options.integer;
  for (const n of suppliers) {
    // A guarantor supplies what it pledges, never its inventory.
    const committableShare = n.role === 'guarantor' ? 0 : n.committableShare;
    for (const u of s.catalog) {
      const missionsUsing = s.missions.filter((m) => missionUsesUnit(m, u) && !caveatForbids(s, n, m, u));
      if (missionsUsing.length === 0) continue;
      const rot = rotationFor(s, n.id, u).ratio;
      // Units the nation may rotate through the operation: its committable inventory, or fewer trained crews.
      const crews = crewPool(s, n.id, u.id)?.units;
      const committable = Math.min(committableShare * (n.inventory[u.id] ?? 0), crews ?? Infinity);
      const lead = leadTimeDays(n, u);
      const pledges = s.pledges.filter((p) => p.nation === n.id && p.unitType === u.id && active.has(p.id));
      // Pools: one per distinct mission set among the pledges (pledged mode), or one for the inventory.
      const groups: { missions: Mission[]; pledges: Pledge[] }[] = [];
      if (options.mode === 'pledged') {
        const byKey = new Map<string, Pledge[]>();
        for (const p of pledges) {
          const key = p.missions === undefined ? '*' : [...p.missions].sort().join(',');
          const list = byKey.get(key);
          if (list) list.push(p);
          else byKey.set(key, [p]);
        }
        for (const [key, ps] of byKey)
          groups.push({
            missions:
              key === '*' ? missionsUsing : missionsUsing.filter((m) => key.split(',').includes(m.id)),
            pledges: ps,
          });
      } else if ((committableShare > 0 && (n.inventory[u.id] ?? 0) > 0) || pledges.length > 0) {
        groups.push({ missions: missionsUsing, pledges });
      }
      const multi = groups.length > 1;
      for (const g of groups) {
        if (g.missions.length === 0) continue;
        const poolIndex = pools.length;
        names.xSuffix.push(multi);
        pools.push({
          nation: n.id,
          unitType: u.id,
          missions: g.missions.map((m) => m.id),
          pledges: g.pledges.map((p) => p.id),
        });
        const unconditionalPledges = g.pledges.filter((p) => !isConditionalPledge(p, n));
        const poolConditions = [...new Set([...n.conditions, ...g.pledges.flatMap((p) => p.conditions)])];
        // Sourcing columns of the pool in one period, and its supply row.
        const addColumns = (
          period: PeriodInfo,
          capacity: number,
          unconditional: number,
          without: Record<string, number>,
        ): void => {
          const t = period.index;
          const unitsCap = options.mode === 'pledged' ? capacity : capacity / rot;
          const columns: number[] = [];
          for (const m of g.missions) {
            if (!needsUnitIn(required, m, u, t)) continue;
            const column = b.addVariable(
              0,
              integer ? Math.floor(unitsCap + 1e-9) : unitsCap,
              (W.cost * years * u.costPerYearUsd) / meanUnitCostUsd,
              integer,
            );
            if (column !== shortfall.length + sourcing.length)
              throw new Error('buildPlanProgram: sourcing columns out of order');
            columns.push(column);
            sourcing.push({
              column,
              nation: n.id,
              unitType: u.id,
              mission: m.id,
              period: t,
              pool: poolIndex,
            });
          }
          if (columns.length > 0)
            supplyRows.push({
              pool: poolIndex,
              period: t,
              capacity,
              unconditional,
              without,
              rot: options.mode === 'pledged' ? 1 : rot,
              columns,
            });
        };
        const flowed = isFlowed(deployment, n.id, u.id);
        for (const period of periods) {
          const t = period.index;
          let capacity: number;
          let unconditional: number;
          if (flowed) {
            // Pledged mode with lift data: what has arrived, unit by unit (the lead time is the flow's).
            capacity = presentUnits(g.pledges, period);
            if (capacity <= 0) continue;
            unconditional = presentUnits(unconditionalPledges, period);
            const without: Record<string, number> = {};
            for (const c of poolConditions)
              without[c] = n.conditions.includes(c)
                ? 0
                : presentUnits(
                    g.pledges.filter((p) => !p.conditions.includes(c)),
                    period,
                  );
            addColumns(period, capacity, unconditional, without);
            continue;
          }
          if (options.mode === 'pledged') {
            capacity = sumUnits(s, g.pledges, t);
            unconditional = sumUnits(s, unconditionalPledges, t);
          } else {
            capacity = Math.max(committable, rot * sumUnits(s, g.pledges, t));
            unconditional =
              n.conditions.length > 0 ? 0 : Math.max(committable, rot * sumUnits(s, unconditionalPledges, t));
          }
          // Capacity if one condition fails: pledges depending on it go (all of them if the nation does).
          const without: Record<string, number> = {};
          for (const c of poolConditions) {
            const kept = n.conditions.includes(c) ? [] : g.pledges.filter((p) => !p.conditions.includes(c));
            without[c] =
              options.mode === 'pledged'
                ? sumUnits(s, kept, t)
                : n.conditions.includes(c)
                  ? 0
                  : Math.max(committable, rot * sumUnits(s, kept, t));
          }
          // Before its lead time has passed a unit can serve only the rest of the period.
          const share = availability(period, lead);
          if (capacity <= 0 || share <= 0) continue;
          if (share < 1) {
            capacity *= share;
            unconditional *= share;
            for (const c of Object.keys(without)) without[c] = (without[c] ?? 0) * share;
          }
          addColumns(period, capacity, unconditional, without);
        }
      }
    }
  }

  // Fair share columns.
  const basisOf = (n: Nation): number => {
    if (options.fairBasis === 'gdp') return n.gdpUsd;
    if (n.defenceBudgetUsd === undefined) {
      notes.push(`${n.id} has no defence budget in the scenario; its fair share is taken as 0.`);
      return 0;
    }
    return n.defenceBudgetUsd;
  };
  const basis: Record<string, number> = {};
  for (const n of nations) basis[n.id] = basisOf(n);
  const basisTotal = Object.values(basis).reduce((a, x) => a + x, 0);
  const shares: Record<string, number> = {};
  for (const n of nations)
    shares[n.id] = basisTotal > 0 ? (basis[n.id] ?? 0) / basisTotal : 1 / nations.length;
  const fairActive = nations.length >= 2 && W.unfairness > 0;
  const burdenColumn = fairActive ? b.addVariable(0, Infinity, 0) : -1;
  names.burdenColumn = burdenColumn;
  names.deviationStart = b.variableCount;
  const devColumns = new Map<string, [number, number]>();
  if (fairActive)
    for (const n of nations) {
      names.fairNations.push(n.id);
      devColumns.set(n.id, [
        b.addVariable(0, Infinity, W.unfairness),
        b.addVariable(0, Infinity, W.unfairness),
      ]);
    }

  // Churn columns: between consecutive periods where the same (pool, mission) has columns in both.
  const churnPairs: { prev: SourcingColumn; next: SourcingColumn; plus: number; minus: number }[] = [];
  names.churnStart = b.variableCount;
  if (W.churn > 0) {
    const byKey = new Map<string, SourcingColumn>();
    for (const c of sourcing) byKey.set(`${c.pool}|${c.mission}|${c.period}`, c);
    for (const c of sourcing) {
      const prev = byKey.get(`${c.pool}|${c.mission}|${c.period - 1}`);
      if (prev === undefined) continue;
      churnPairs.push({
        prev,
        next: c,
        plus: b.addVariable(0, Infinity, W.churn),
        minus: b.addVariable(0, Infinity, W.churn),
      });
    }
  }
  names.churnNext = Int32Array.from(churnPairs, (p) => p.next.column);

  // Rows.
  const rows: RowRole[] = names.rows;
  const poolsPerUnit = groupBy(pools, (p) => `${p.nation}|${p.unitType}`);
  for (const p of pools)
    names.supplySuffix.push((poolsPerUnit.get(`${p.nation}|${p.unitType}`)?.length ?? 0) > 1);
  const bySourceKey = groupBy(sourcing, (c) => `${c.mission}|${c.period}`);
  for (const sc of shortfall) {
    const terms: [number, number][] = [[sc.column, 1]];
    for (const c of bySourceKey.get(`${sc.mission}|${sc.period}`) ?? []) {
      const a = unitById.get(c.unitType)?.capabilities[sc.capability] ?? 0;
      if (a > 0) terms.push([c.column, a]);
    }
    b.addRow(sc.required, Infinity, terms);
    rows.push({ kind: 'coverage', mission: sc.mission, capability: sc.capability, period: sc.period });
  }
  for (const r of supplyRows) {
    const pool = pools[r.pool];
    if (pool === undefined) continue;
    b.addRow(
      -Infinity,
      r.capacity,
      r.columns.map((c) => [c, r.rot] as const),
    );
    rows.push({
      kind: 'supply',
      nation: pool.nation,
      unitType: pool.unitType,
      period: r.period,
      pool: r.pool,
      capacity: r.capacity,
      unconditionalCapacity: r.unconditional,
      capacityWithout: r.without,
    });
  }
  const byNationPeriod = groupBy(sourcing, (c) => `${c.nation}|${c.period}`);
  for (const n of suppliers)
    for (const p of periods) {
      const cols = byNationPeriod.get(`${n.id}|${p.index}`) ?? [];
      if (cols.length === 0) continue;
      if (n.personnelCeiling !== undefined) {
        b.addRow(
          -Infinity,
          n.personnelCeiling,
          cols.map((c) => [c.column, unitById.get(c.unitType)?.personnel ?? 0] as const),
        );
        rows.push({ kind: 'personnel', nation: n.id, period: p.index, ceiling: n.personnelCeiling });
      }
      if (n.budgetCeilingUsdPerYear !== undefined) {
        // Scaled to millions of US$ to keep coefficients near 1.
        b.addRow(
          -Infinity,
          n.budgetCeilingUsdPerYear / 1e6,
          cols.map((c) => [c.column, (unitById.get(c.unitType)?.costPerYearUsd ?? 0) / 1e6] as const),
        );
        rows.push({
          kind: 'budget',
          nation: n.id,
          period: p.index,
          ceilingUsdPerYear: n.budgetCeilingUsdPerYear,
        });
      }
    }
  const fairRows: Record<string, number> = {};
  if (fairActive) {
    const beta = (c: SourcingColumn): number =>
      years * burdenPerUnitYear(unitById.get(c.unitType) as UnitType);
    b.addRow(0, 0, [...sourcing.map((c) => [c.column, beta(c)] as const), [burdenColumn, -1]]);
    rows.push({ kind: 'burden-total' });
    const byNation = groupBy(sourcing, (c) => c.nation);
    for (const n of nations) {
      const [plus, minus] = devColumns.get(n.id) ?? [-1, -1];
      fairRows[n.id] = b.addRow(0, 0, [
        ...(byNation.get(n.id) ?? []).map((c) => [c.column, beta(c)] as const),
        [burdenColumn, -(shares[n.id] ?? 0)],
        [plus, -1],
        [minus, 1],
      ]);
      rows.push({ kind: 'fair-share', nation: n.id });
    }
  }
  names.churnRowStart = b.rowCount;
  for (const ch of churnPairs) {
    const c = ch.next;
    b.addRow(0, 0, [
      [c.column, 1],
      [ch.prev.column, -1],
      [ch.plus, -1],
      [ch.minus, 1],
    ]);
    rows.push({
      kind: 'churn',
      nation: c.nation,
      unitType: c.unitType,
      mission: c.mission,
      period: c.period,
    });
  }

  return {
    lp: b.build(),
    options,
    periods,
    sourcing,
    shortfall,
    pools,
    rows,
    fair: {
      nations: nations.map((n) => n.id),
      shares,
      basis,
      burdenColumn,
      rows: fairRows,
      deviationColumns: [...devColumns.values()].flat(),
    },
    churnColumns: churnPairs.flatMap((c) => [c.plus, c.minus]),
    conditionalNations,
    conditions,
    scale: { meanUnitCostUsd, meanUnitPersonnel },
    notes: [...new Set(notes)],
    ...(deployment !== undefined ? { deployment } : {}),
  };
}

/**
 * Edits that remove nations from a built model: their sourcing columns are fixed at 0 and the fair
 * shares of the others renormalised. The model is otherwise unchanged, so a solver can warm-start.
 */
export function removeNationsEdits(pm: PlanProgram, nations: readonly string[]): LpEdit[] {
  const gone = new Set(nations);
  const edits: LpEdit[] = [];
  for (const c of pm.sourcing)
    if (gone.has(c.nation)) edits.push({ kind: 'column-bounds', column: c.column, lower: 0, upper: 0 });
  if (pm.fair.burdenColumn >= 0) {
    const remaining = pm.fair.nations.filter((n) => !gone.has(n));
    const total = remaining.reduce((a, n) => a + (pm.fair.basis[n] ?? 0), 0);
    for (const n of pm.fair.nations) {
      const row = pm.fair.rows[n];
      if (row === undefined) continue;
      const share = gone.has(n)
        ? 0
        : total > 0
          ? (pm.fair.basis[n] ?? 0) / total
          : 1 / Math.max(1, remaining.length);
      edits.push({ kind: 'coefficient', row, column: pm.fair.burdenColumn, value: -share });
    }
  }
  return edits;
}

/**
 * Edits that drop the pledges depending on one condition (and the nations whose participation does), or,
 * without a condition, every conditional pledge and conditional nation.
 */
export function removeConditionalEdits(pm: PlanProgram, condition?: string): LpEdit[] {
  const nations = condition === undefined ? pm.conditionalNations : (pm.conditions[condition] ?? []);
  const edits = removeNationsEdits(pm, nations);
  const ub = new Map<string, number>(); // pool|period → units left
  pm.rows.forEach((r, i) => {
    if (r.kind !== 'supply') return;
    const cap =
      condition === undefined ? r.unconditionalCapacity : (r.capacityWithout[condition] ?? r.capacity);
    if (cap === r.capacity) return;
    edits.push({ kind: 'row-bounds', row: i, lower: -Infinity, upper: cap });
    const rot = pm.options.mode === 'pledged' ? 1 : (pm.lp.rows.coefficients[pm.lp.rows.starts[i] ?? 0] ?? 1);
    ub.set(`${r.pool}|${r.period}`, cap / rot);
  });
  for (const c of pm.sourcing) {
    const cap = ub.get(`${c.pool}|${c.period}`);
    if (cap === undefined) continue;
    edits.push({
      kind: 'column-bounds',
      column: c.column,
      lower: 0,
      upper: pm.options.integer ? Math.floor(cap + 1e-9) : cap,
    });
  }
  return edits;
}

/** Groups items by a key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** What `planNamer` names the model's columns and rows from; filled while the model is built. */
interface NamingTables {
  /** Columns 0 … shortfall.length − 1, in order. */
  readonly shortfall: ShortfallColumn[];
  /** The next columns, in order. */
  readonly sourcing: SourcingColumn[];
  readonly pools: SupplyPool[];
  /** Per pool: its columns' names carry the first pledge (the nation has several pools of the unit type). */
  readonly xSuffix: boolean[];
  /** One role per row, in order. */
  readonly rows: RowRole[];
  /** Nations with over/under columns, in order from `deviationStart` (two columns each). */
  readonly fairNations: string[];
  burdenColumn: number;
  deviationStart: number;
  /** First up/down column (two a churn pair) and first churn row (one a pair). */
  churnStart: number;
  churnRowStart: number;
  /** The later sourcing column of each churn pair. */
  churnNext: Int32Array;
  /** Per pool: its supply rows' names carry the first pledge (the nation has several pools of the unit type). */
  readonly supplySuffix: boolean[];
}

/**
 * Names of the plan model's columns and rows, made from what each stands for (the names `docs/planner.md`
 * uses): `s[mission,capability,period]`, `x[nation,unit type,mission,period(,first pledge)]`, `burden`,
 * `over[n]`, `under[n]`, `up[…]`, `down[…]`; rows `cover[…]`, `supply[nation,unit type,period(,first
 * pledge)]`, `personnel[n,t]`, `budget[n,t]`, `burden-total`, `fair[n]`, `churn[…]`. Module level, so the
 * closure holds only these tables and not the builder's working data.
 */
const planNamer = (t: NamingTables): LpNamer => ({
  variables: new PlanNames(t, 'variables'),
  rows: new PlanNames(t, 'rows'),
});

/**
 * Names of the plan model's columns or rows, made from what each stands for (the names `docs/planner.md`
 * uses): `s[mission,capability,period]`, `x[nation,unit type,mission,period(,first pledge)]`, `burden`,
 * `over[n]`, `under[n]`, `up[…]`, `down[…]`; rows `cover[…]`, `supply[nation,unit type,period(,first
 * pledge)]`, `personnel[n,t]`, `budget[n,t]`, `burden-total`, `fair[n]`, `churn[…]`. It holds only the
 * tables, not the builder's working data.
 */
class PlanNames implements LpNames {
  constructor(
    private readonly t: NamingTables,
    private readonly of: 'variables' | 'rows',
  ) {}

  at(index: number): string {
    return this.of === 'variables' ? this.variable(index) : this.row(index);
  }

  private sourcingAt(column: number): SourcingColumn {
    const c = this.t.sourcing[column - this.t.shortfall.length];
    if (c === undefined) throw new RangeError(`no sourcing column ${column}`);
    return c;
  }

  private xKey(c: SourcingColumn): string {
    const t = this.t;
    return t.xSuffix[c.pool] === true
      ? `${c.nation},${c.unitType},${c.mission},${c.period},${t.pools[c.pool]?.pledges[0] ?? c.pool}`
      : `${c.nation},${c.unitType},${c.mission},${c.period}`;
  }

  private variable(j: number): string {
    const t = this.t;
    if (!Number.isInteger(j) || j < 0) throw new RangeError(`no column ${j}`);
    const S = t.shortfall.length;
    if (j >= 0 && j < S) {
      const c = t.shortfall[j] as ShortfallColumn;
      return `s[${c.mission},${c.capability},${c.period}]`;
    }
    if (j >= S && j < S + t.sourcing.length) return `x[${this.xKey(this.sourcingAt(j))}]`;
    if (j === t.burdenColumn) return 'burden';
    const d = j - t.deviationStart;
    if (d >= 0 && d < 2 * t.fairNations.length)
      return `${d % 2 === 0 ? 'over' : 'under'}[${t.fairNations[d >> 1]}]`;
    const c = j - t.churnStart;
    if (c >= 0 && c < 2 * t.churnNext.length)
      return `${c % 2 === 0 ? 'up' : 'down'}[${this.xKey(this.sourcingAt(t.churnNext[c >> 1] ?? -1))}]`;
    throw new RangeError(`no column ${j}`);
  }

  private row(i: number): string {
    const t = this.t;
    const r = t.rows[i];
    if (r === undefined) throw new RangeError(`no row ${i}`);
    switch (r.kind) {
      case 'coverage':
        return `cover[${r.mission},${r.capability},${r.period}]`;
      case 'supply':
        return t.supplySuffix[r.pool] === true
          ? `supply[${r.nation},${r.unitType},${r.period},${t.pools[r.pool]?.pledges[0] ?? r.pool}]`
          : `supply[${r.nation},${r.unitType},${r.period}]`;
      case 'personnel':
        return `personnel[${r.nation},${r.period}]`;
      case 'budget':
        return `budget[${r.nation},${r.period}]`;
      case 'burden-total':
        return 'burden-total';
      case 'fair-share':
        return `fair[${r.nation}]`;
      case 'churn':
        return `churn[${this.xKey(this.sourcingAt(t.churnNext[i - t.churnRowStart] ?? -1))}]`;
      default: {
        const never: never = r;
        throw new Error(`unknown row ${JSON.stringify(never)}`);
      }
    }
  }
}
