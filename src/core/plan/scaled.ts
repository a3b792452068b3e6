/**
 * One plan model, re-solved for requirements scaled per mission (the deterrence frontier's family of
 * forces). Scaling mission m's requirements by f changes two things in the LP: the coverage row
 * Σ supply + s ≥ R becomes Σ supply + s ≥ f·R, and the shortfall weight W·π·years / R becomes
 * W·π·years / (f·R). Substituting s = f·u (u ≤ R) keeps the weight of u at W·π·years / R, so the scaled
 * model is the base model with the row's lower bound set to f·R and u's coefficient in that row set to f:
 * edits `solveEach` applies to one loaded model, warm-starting each solve from the previous basis. Each
 * answer is read back against the scaled scenario's own model (s = f·u; `scalePlanProgram`: requirement amounts
 * enter nowhere else, so its columns and rows are the base model's) and checked against every one of its rows.
 */
import { scaleRequirements, type Scenario } from '../scenario/index.js';
import { buildPlanProgram, type PlanProgram } from './build-program.js';
import { interpretPlan } from './force-plan.js';
import type { LpEdit } from './linear-program.js';
import type { LpOutcome, LpSolver } from './lp-solver.js';
import { resolvePlanOptions } from './options.js';
import type { PlanRequest, PlanRun } from './plan.js';

/** Per mission id, the factor its requirements are multiplied by (> 0; missions not listed keep 1). */
export type MissionFactors = Readonly<Record<string, number>>;

const factorOf =
  (f: MissionFactors) =>
  (mission: string): number =>
    f[mission] ?? 1;

/** Row index of each coverage row, by "mission|capability|period". */
function coverageRows(pm: PlanProgram): Map<string, number> {
  const rowOf = new Map<string, number>();
  pm.rows.forEach((r, i) => {
    if (r.kind === 'coverage') rowOf.set(`${r.mission}|${r.capability}|${r.period}`, i);
  });
  return rowOf;
}

/** The edits that turn the base model into the model of `factors` (see the file comment). */
export function scaledRequirementEdits(pm: PlanProgram, factors: MissionFactors): LpEdit[] {
  const edits: LpEdit[] = [];
  const rowOf = coverageRows(pm);
  for (const c of pm.shortfall) {
    const f = factorOf(factors)(c.mission);
    if (f === 1) continue;
    const row = rowOf.get(`${c.mission}|${c.capability}|${c.period}`);
    if (row === undefined) throw new Error(`no coverage row for ${c.mission}/${c.capability}/${c.period}`);
    edits.push({ kind: 'row-bounds', row, lower: f * c.required, upper: Infinity });
    edits.push({ kind: 'coefficient', row, column: c.column, value: f });
  }
  return edits;
}

/** The outcome of the edited base model as a point of the scaled model: shortfall s = f·u. */
function asScaled(o: LpOutcome, base: PlanProgram, factors: MissionFactors): LpOutcome {
  const rescale = (values: Float64Array): Float64Array => {
    const v = Float64Array.from(values);
    for (const c of base.shortfall) v[c.column] = v[c.column]! * factorOf(factors)(c.mission);
    return v;
  };
  switch (o.status) {
    case 'optimal':
      return { ...o, values: rescale(o.values) };
    case 'time-limit':
      return o.point === undefined ? o : { ...o, point: { ...o.point, values: rescale(o.point.values) } };
    case 'infeasible':
    case 'unbounded':
    case 'error':
      return o;
  }
}

/**
 * The plan model of the scaled scenario, derived from the base model instead of rebuilt: the same columns
 * and rows, with each scaled requirement's shortfall column bounded by f·R and weighted W·π·years / (f·R),
 * and its coverage row's lower bound f·R — what `buildPlanProgram` gives for the scaled scenario (the tests
 * compare the two).
 */
export function scalePlanProgram(pm: PlanProgram, factors: MissionFactors): PlanProgram {
  const f = factorOf(factors);
  const upper = pm.lp.variables.upper.slice();
  const cost = pm.lp.variables.cost.slice();
  const rowLower = pm.lp.rows.lower.slice();
  const rowOf = coverageRows(pm);
  const shortfall = pm.shortfall.map((c) => {
    const x = f(c.mission);
    if (x === 1) return c;
    upper[c.column] = (upper[c.column] ?? 0) * x;
    cost[c.column] = (cost[c.column] ?? 0) / x;
    const ri = rowOf.get(`${c.mission}|${c.capability}|${c.period}`)!;
    rowLower[ri] = (rowLower[ri] ?? 0) * x;
    return { ...c, required: c.required * x };
  });
  return {
    ...pm,
    lp: {
      ...pm.lp,
      variables: { ...pm.lp.variables, upper, cost },
      rows: { ...pm.lp.rows, lower: rowLower },
    },
    shortfall,
  };
}

/**
 * Plans the scenario once per entry of `family` (requirements scaled per mission, every factor > 0):
 * one model, warm-started re-solves, each plan interpreted and checked against its own scaled scenario.
 * Returns the plans and the scaled scenarios, in `family` order.
 */
export function planScaled(
  s: Scenario,
  solver: LpSolver,
  family: readonly MissionFactors[],
  request: Omit<PlanRequest, 'resilience'> = {},
): { scenario: Scenario; run: PlanRun }[] {
  for (const f of family)
    for (const [m, x] of Object.entries(f))
      if (!(x > 0) || !Number.isFinite(x))
        throw new RangeError(`factor of mission "${m}" must be > 0, got ${x}`);
  const options = resolvePlanOptions(request.options);
  const base = buildPlanProgram(s, options);
  const outcomes = solver.solveEach(
    base.lp,
    family.map((f) => scaledRequirementEdits(base, f)),
    {
      ...(options.timeLimitSeconds > 0 ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
      ...(options.integer ? { mipRelativeGap: options.mipRelativeGap } : {}),
    },
  );
  return family.map((factors, i) => {
    const scenario = scaleRequirements(s, factorOf(factors));
    const model = scalePlanProgram(base, factors);
    const plan = interpretPlan(scenario, model, asScaled(outcomes[i]!, base, factors), {
      variants: request.variants ?? [],
      solver: solver.name,
    });
    return { scenario, run: { model, plan } };
  });
}
