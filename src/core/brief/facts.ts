/**
 * Figures derived from the pledged plan that several parts of the briefing quote: the peak, coverage,
 * the gaps (ranked, and as runs of periods), the periods nothing is in place, and who could fill the gaps.
 * Computed once so the findings and the tables say the same numbers.
 */
import type { ForcePlan, ShortfallRow } from '../plan/index.js';
import type { Scenario } from '../scenario/index.js';

export interface ForceFacts {
  /** Peak over periods of Σ deployed personnel. */
  readonly peakDeployed: number;
  /** The period of that peak (the first, on ties). */
  readonly peakPeriod: number;
  /** Personnel by unit category in the peak period, largest first. */
  readonly byCategory: readonly (readonly [string, number])[];
  readonly contributors: number;
  /** Requirement-periods, and those met in full (shortfall ≤ 10⁻⁶ × requirement). */
  readonly requirementPeriods: number;
  readonly coveredPeriods: number;
}

export function forceFacts(s: Scenario, p: ForcePlan): ForceFacts {
  const total = (period: number): number =>
    p.personnel.filter((r) => r.period === period).reduce((a, r) => a + r.deployed, 0);
  const peakDeployed = Math.max(0, ...p.periods.map((per) => total(per.index)));
  const peakPeriod = p.periods.reduce(
    (best, per) => {
      const t = total(per.index);
      return t > best.total ? { index: per.index, total: t } : best;
    },
    { index: 1, total: -1 },
  ).index;
  const byCategory = new Map<string, number>();
  for (const r of p.sourcing.filter((x) => x.period === peakPeriod)) {
    const cat = s.catalog.find((u) => u.id === r.unitType)?.category ?? 'other';
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + r.personnel);
  }
  return {
    peakDeployed,
    peakPeriod,
    byCategory: [...byCategory].sort((a, b) => b[1] - a[1]),
    contributors: new Set(p.sourcing.map((r) => r.nation)).size,
    requirementPeriods: p.coverage.length,
    coveredPeriods: p.coverage.filter((c) => c.shortfall <= 1e-6 * Math.max(1, c.required)).length,
  };
}

/** A run of consecutive periods with the same gap of one mission's capability. */
export interface GapRun {
  readonly mission: string;
  readonly capability: string;
  readonly from: number;
  readonly to: number;
  readonly short: number;
  readonly required: number;
  /** The planner's stated cause. */
  readonly text: string;
}

/** One requirement (mission × capability) not fully met. */
export interface Gap {
  readonly mission: string;
  readonly capability: string;
  /** Largest gap and its requirement. */
  readonly short: number;
  readonly required: number;
  readonly periods: readonly number[];
  /** Σ over periods of the unmet fraction: how much of the horizon the gap spans. */
  readonly weight: number;
  /** The longest run of periods with the same amount short (the first on ties), its amount and cause. */
  readonly typical: GapRun;
}

/** The gaps, largest unmet share of the horizon first (then the largest amount short). */
export function rankGaps(p: ForcePlan): Gap[] {
  const byReq = new Map<string, { periods: number[]; short: number; required: number; weight: number }>();
  const order: string[] = [];
  for (const g of p.shortfall) {
    const key = `${g.mission}/${g.capability}`;
    let e = byReq.get(key);
    if (e === undefined) {
      e = { periods: [], short: 0, required: 0, weight: 0 };
      byReq.set(key, e);
      order.push(key);
    }
    e.short = Math.max(e.short, g.shortfall);
    e.required = Math.max(e.required, g.required);
    e.periods.push(g.period);
    e.weight += g.shortfall / g.required;
  }
  const gaps = order.map((key): Gap => {
    const e = byReq.get(key)!;
    const rows = p.shortfall
      .filter((g) => `${g.mission}/${g.capability}` === key)
      .sort((a, b) => a.period - b.period);
    const first = rows[0]!;
    // The typical gap: the longest run of consecutive periods with the same amount short.
    let best = runOf(first);
    let run = best;
    for (const g of rows.slice(1)) {
      if (g.period === run.to + 1 && Math.abs(g.shortfall - run.short) < 1e-6 && g.required === run.required)
        run = { ...run, to: g.period };
      else run = runOf(g);
      if (run.to - run.from > best.to - best.from) best = run;
    }
    return {
      mission: first.mission,
      capability: first.capability,
      short: e.short,
      required: e.required,
      periods: e.periods,
      weight: e.weight,
      typical: best,
    };
  });
  return gaps.sort((a, b) => b.weight - a.weight || b.short - a.short);
}

/** A run of one period: a shortfall row as a gap run. */
const runOf = (g: ShortfallRow): GapRun => ({
  mission: g.mission,
  capability: g.capability,
  from: g.period,
  to: g.period,
  short: g.shortfall,
  required: g.required,
  text: g.explanation,
});

/** Every run of consecutive periods with the same gap and cause, in the plan's order (for the table). */
export function gapRuns(p: ForcePlan): GapRun[] {
  const runs: GapRun[] = [];
  for (const g of p.shortfall) {
    const last = runs[runs.length - 1];
    if (
      last !== undefined &&
      last.mission === g.mission &&
      last.capability === g.capability &&
      last.to + 1 === g.period &&
      Math.abs(last.short - g.shortfall) < 1e-6 &&
      last.required === g.required &&
      last.text === g.explanation
    )
      runs[runs.length - 1] = { ...last, to: g.period };
    else runs.push(runOf(g));
  }
  return runs;
}

/** Periods in which no requirement is met at all (every pledged unit's lead time ends after they start). */
export function leadOnlyPeriods(p: ForcePlan): number[] {
  return p.periods
    .filter((per) => {
      const rows = p.coverage.filter((c) => c.period === per.index && c.required > 0);
      return rows.length > 0 && rows.every((c) => c.provided <= 1e-9);
    })
    .map((per) => per.index);
}

/**
 * Who could fill the gaps: nations whose units of a type providing the gap's capability serve that
 * mission in the potential plan beyond what they pledge, with the extra personnel (summed over the gaps
 * and periods), largest first.
 */
export function gapFillers(
  s: Scenario,
  p: ForcePlan,
  potential: ForcePlan,
  gaps: readonly Gap[],
): { nation: string; personnel: number }[] {
  const fillers = new Map<string, number>();
  for (const g of gaps) {
    for (const r of potential.sourcing) {
      if (r.mission !== g.mission) continue;
      const u = s.catalog.find((x) => x.id === r.unitType);
      if ((u?.capabilities[g.capability] ?? 0) <= 0) continue;
      const pledgedHere = p.sourcing
        .filter(
          (q) =>
            q.nation === r.nation &&
            q.mission === r.mission &&
            q.unitType === r.unitType &&
            q.period === r.period,
        )
        .reduce((a, q) => a + q.personnel, 0);
      if (r.personnel > pledgedHere + 1e-6)
        fillers.set(r.nation, (fillers.get(r.nation) ?? 0) + (r.personnel - pledgedHere));
    }
  }
  return [...fillers].sort((a, b) => b[1] - a[1]).map(([nation, personnel]) => ({ nation, personnel }));
}
