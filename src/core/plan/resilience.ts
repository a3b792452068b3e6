/**
 * Resilience (N−1): the plan re-solved without each participating nation in turn, without the pledges
 * that depend on each condition (e.g. the backstop, a parliamentary vote), and without every conditional
 * pledge, ranked by the shortfall each loss adds.
 *
 * The model is built once; each case is a set of edits (the nation's columns fixed at zero, fair shares
 * renormalised; or supply bounds cut to the unconditional pledges), solved through `solveEach` so the
 * solver can keep the model loaded and warm-start.
 */
import type { Scenario } from '../scenario/index.js';
import { removeConditionalEdits, removeNationsEdits, type PlanProgram } from './build-program.js';
import type { ForcePlan } from './force-plan.js';
import { applyEdits, checkSolution, type LpEdit } from './linear-program.js';
import { outcomePoint, type LpSolver, type LpStatus } from './lp-solver.js';

export interface ResilienceCase {
  /**
   * A nation id; `conditional:<condition>` for the pledges depending on one condition; `conditional` for
   * every conditional pledge (the only conditional case when a single condition is in play).
   */
  readonly id: string;
  readonly label: string;
  readonly kind: 'nation' | 'conditional';
  /** Nations removed entirely. */
  readonly removedNations: readonly string[];
  readonly status: LpStatus;
  /** Priority-weighted shortfall of the re-solved plan (NaN without a solution). */
  readonly weightedShortfall: number;
  /** Its increase over the baseline plan. */
  readonly addedShortfall: number;
  /** Share of each mission's requirement-periods covered, 0–1, after the loss. */
  readonly missionCoverage: Readonly<Record<string, number>>;
  /**
   * Added shortfall by "mission/capability": the largest increase over any period, in the capability's
   * units (e.g. "enablers/logisticsBn": 4 means up to four more battalion-equivalents short).
   */
  readonly newGaps: Readonly<Record<string, number>>;
  /**
   * Personnel the baseline plan deployed at its peak from what the case removes: the lost nation(s), or
   * the conditional pledges (the largest over periods of the personnel drawn from them).
   */
  readonly baselinePeakPersonnel: number;
  readonly totalCostUsd: number;
  /** The re-solved plan satisfies its edited model. */
  readonly checked: boolean;
  readonly seconds: number;
}

export interface ResilienceReport {
  readonly baselineWeightedShortfall: number;
  readonly baselineMissionCoverage: Readonly<Record<string, number>>;
  /** Cases, the most damaging loss first. */
  readonly cases: readonly ResilienceCase[];
  /** Solver seconds over all cases. */
  readonly seconds: number;
}

/** Share of requirement-periods covered per mission, from shortfall values. */
function missionCoverage(pm: PlanProgram, values: ArrayLike<number>): Record<string, number> {
  const acc = new Map<string, { covered: number; count: number }>();
  for (const c of pm.shortfall) {
    const e = acc.get(c.mission) ?? { covered: 0, count: 0 };
    e.covered += 1 - Math.min(1, Math.max(0, (values[c.column] ?? 0) / c.required));
    e.count += 1;
    acc.set(c.mission, e);
  }
  return Object.fromEntries([...acc].map(([m, e]) => [m, e.count === 0 ? 1 : e.covered / e.count]));
}

function weighted(pm: PlanProgram, s: Scenario, values: ArrayLike<number>): number {
  const years = s.horizon.periodMonths / 12;
  let w = 0;
  for (const c of pm.shortfall)
    w += ((pm.options.priorityWeights[c.priority - 1] ?? 1) * years * (values[c.column] ?? 0)) / c.required;
  return w;
}

/**
 * Personnel the baseline plan deployed, at the peak period, from what a case takes away: every unit of
 * the nations removed whole and, for a conditional case, the units drawn beyond what the pledges left
 * without the condition can supply (in pledged mode the pledged units; in potential mode the committable
 * inventory over the rotation ratio). A loss of conditional pledges alone removes no nation, so counting
 * nations only read 0 for it (the UK's 6,390 behind the Commons vote in ukraine-2025).
 */
function lostPeakPersonnel(
  pm: PlanProgram,
  baseline: ForcePlan,
  c: {
    readonly kind: ResilienceCase['kind'];
    readonly removed: readonly string[];
    readonly condition?: string;
  },
): number {
  const removed = new Set(c.removed);
  // Units each nation × unit type may still deploy in a period after the loss (conditional cases).
  const left = new Map<string, number>();
  if (c.kind === 'conditional')
    pm.rows.forEach((r, i) => {
      if (r.kind !== 'supply') return;
      const cap =
        c.condition === undefined ? r.unconditionalCapacity : (r.capacityWithout[c.condition] ?? r.capacity);
      const rot =
        pm.options.mode === 'pledged' ? 1 : (pm.lp.rows.coefficients[pm.lp.rows.starts[i] ?? 0] ?? 1);
      left.set(`${r.nation}|${r.unitType}|${r.period}`, cap / rot);
    });
  const used = new Map<string, { period: number; nation: string; units: number; personnel: number }>();
  for (const r of baseline.sourcing) {
    const key = `${r.nation}|${r.unitType}|${r.period}`;
    const e = used.get(key) ?? { period: r.period, nation: r.nation, units: 0, personnel: 0 };
    e.units += r.units;
    e.personnel += r.personnel;
    used.set(key, e);
  }
  const byPeriod = new Map<number, number>();
  for (const [key, e] of used) {
    if (e.units <= 0) continue;
    const lost = removed.has(e.nation) ? e.units : Math.max(0, e.units - (left.get(key) ?? Infinity));
    byPeriod.set(e.period, (byPeriod.get(e.period) ?? 0) + (e.personnel * lost) / e.units);
  }
  return Math.max(0, ...byPeriod.values());
}

/** Runs the N−1 and no-conditional-pledges cases for a solved baseline plan. */
export function analyseResilience(
  s: Scenario,
  pm: PlanProgram,
  baseline: ForcePlan,
  solver: LpSolver,
  onProgress?: (done: number, total: number) => void,
): ResilienceReport {
  const cases: {
    id: string;
    label: string;
    kind: ResilienceCase['kind'];
    removed: string[];
    /** For a conditional case: the condition (undefined: every conditional pledge). */
    condition?: string;
    edits: LpEdit[];
  }[] = [];
  const nameOf = new Map(s.nations.map((n) => [n.id, n.name]));
  const contributing = new Set(pm.sourcing.map((c) => c.nation));
  for (const n of pm.fair.nations.length > 0 ? pm.fair.nations : [...contributing]) {
    if (!contributing.has(n)) continue; // a nation that can supply nothing changes nothing
    cases.push({
      id: n,
      label: `without ${nameOf.get(n) ?? n}`,
      kind: 'nation',
      removed: [n],
      edits: removeNationsEdits(pm, [n]),
    });
  }
  // Conditional pledges: one case per condition, and all of them together when there are several.
  const conditionIds = Object.keys(pm.conditions).sort();
  if (conditionIds.length === 1) {
    const only = conditionIds[0] ?? '';
    cases.push({
      id: 'conditional',
      label: `without pledges conditional on ${only}`,
      kind: 'conditional',
      removed: [...(pm.conditions[only] ?? [])],
      condition: only,
      edits: removeConditionalEdits(pm, only),
    });
  } else if (conditionIds.length > 1) {
    for (const c of conditionIds)
      cases.push({
        id: `conditional:${c}`,
        label: `without pledges conditional on ${c}`,
        kind: 'conditional',
        removed: [...(pm.conditions[c] ?? [])],
        condition: c,
        edits: removeConditionalEdits(pm, c),
      });
    cases.push({
      id: 'conditional',
      label: 'without any conditional pledge',
      kind: 'conditional',
      removed: [...pm.conditionalNations],
      edits: removeConditionalEdits(pm),
    });
  }
  const outcomes = solver.solveEach(
    pm.lp,
    cases.map((c) => c.edits),
    {
      ...(pm.options.timeLimitSeconds > 0 ? { timeLimitSeconds: pm.options.timeLimitSeconds } : {}),
      ...(pm.options.integer ? { mipRelativeGap: pm.options.mipRelativeGap } : {}),
      ...(onProgress === undefined ? {} : { onSolved: onProgress }),
    },
  );
  const shortBefore = new Map(
    baseline.shortfall.map((r) => [`${r.mission}|${r.capability}|${r.period}`, r.shortfall]),
  );
  const lostAtPeak = (c: (typeof cases)[number]): number => lostPeakPersonnel(pm, baseline, c);
  const tol = pm.options.tolerance;
  const unitCost = new Map(s.catalog.map((u) => [u.id, u.costPerYearUsd]));
  const years = s.horizon.periodMonths / 12;
  const results: ResilienceCase[] = cases.map((c, i) => {
    const o = outcomes[i] ?? { status: 'error' as const, message: 'no outcome', seconds: 0 };
    const point = outcomePoint(o);
    const base = {
      id: c.id,
      label: c.label,
      kind: c.kind,
      removedNations: c.removed,
      status: o.status,
      baselinePeakPersonnel: lostAtPeak(c),
      seconds: o.seconds,
    };
    if (point === undefined)
      return {
        ...base,
        weightedShortfall: NaN,
        addedShortfall: NaN,
        missionCoverage: {},
        newGaps: {},
        totalCostUsd: NaN,
        checked: false,
      };
    const v = point.values;
    const ws = weighted(pm, s, v);
    const gaps: Record<string, number> = {};
    for (const sc of pm.shortfall) {
      const added =
        (v[sc.column] ?? 0) - (shortBefore.get(`${sc.mission}|${sc.capability}|${sc.period}`) ?? 0);
      if (added > tol) {
        const key = `${sc.mission}/${sc.capability}`;
        gaps[key] = Math.max(gaps[key] ?? 0, added);
      }
    }
    let cost = 0;
    for (const sc of pm.sourcing) cost += (v[sc.column] ?? 0) * (unitCost.get(sc.unitType) ?? 0) * years;
    return {
      ...base,
      weightedShortfall: ws,
      addedShortfall: ws - baseline.weightedShortfall,
      missionCoverage: missionCoverage(pm, v),
      newGaps: gaps,
      totalCostUsd: cost,
      checked: checkSolution(applyEdits(pm.lp, c.edits), v, Math.max(tol, 1e-6)).ok,
    };
  });
  results.sort(
    (a, b) =>
      (Number.isNaN(b.addedShortfall) ? 1 : 0) - (Number.isNaN(a.addedShortfall) ? 1 : 0) ||
      b.addedShortfall - a.addedShortfall ||
      b.baselinePeakPersonnel - a.baselinePeakPersonnel,
  );
  const baseValues = new Float64Array(pm.lp.variables.count);
  for (const r of baseline.shortfall) {
    const col = pm.shortfall.find(
      (c) => c.mission === r.mission && c.capability === r.capability && c.period === r.period,
    );
    if (col) baseValues[col.column] = r.shortfall;
  }
  return {
    baselineWeightedShortfall: baseline.weightedShortfall,
    baselineMissionCoverage: missionCoverage(pm, baseValues),
    cases: results,
    seconds: outcomes.reduce((a, o) => a + o.seconds, 0),
  };
}
