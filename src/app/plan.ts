/**
 * The plan use case, shared by the CLI and the server: open a scenario (with variants), build and solve
 * the force-generation LP, interpret it, optionally run the resilience analysis and export the model.
 *
 * Infeasible, partial or time-limited plans are results. Only a broken solver is an error
 * (`solver-failed`).
 */
import { createHighsSolver } from '../adapters/highs/index.js';
import {
  planForce,
  pledgedCoverage,
  pledgedPlanInPlace,
  samePlanScenario,
  statusPlanFigures,
  statusModels,
  statusRow,
  type PledgedCoverage,
  writeLp,
  writeMps,
  type ForcePlan,
  type LpSolver,
  type PlanOptionsInput,
  type PlanRequest,
  type ResilienceReport,
  type StatusPlanFigures,
  type StatusRow,
} from '../core/plan/index.js';
import { withMinStatus, type InPlace, type PledgeStatus, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, toCsv } from '../core/shared/index.js';
import type { ScenarioInput } from './scenario.js';

export interface PlanInput {
  /** The scenario, validated, with its variants applied (`loadInput`, `storedInput`). */
  readonly loaded: ScenarioInput;
  readonly options?: PlanOptionsInput;
  readonly resilience?: boolean;
  /** Progress of the resilience analysis: re-solves done and their total. */
  readonly onResilienceProgress?: (done: number, total: number) => void;
  /** Return the model as free MPS and/or CPLEX LP text. */
  readonly exportMps?: boolean;
  readonly exportLp?: boolean;
  /** Solver to use; HiGHS (WebAssembly) by default. */
  readonly solver?: LpSolver;
  /** Count only pledges at or above this status (the ladder `pledgeStatuses`). */
  readonly minStatus?: PledgeStatus;
  /** Also plan the force at each status from `minStatus` up (`forceByStatus`). */
  readonly byStatus?: boolean;
}

export interface PlanResult {
  /** Hash of the scenario after defaults and variants (traceability). */
  readonly scenarioHash: string;
  readonly plan: ForcePlan;
  readonly resilience?: ResilienceReport;
  /** The status floor the plan counts pledges from (absent: every pledge). */
  readonly minStatus?: PledgeStatus;
  readonly byStatus?: readonly StatusRow[];
  readonly mps?: string;
  readonly lp?: string;
}

/**
 * The force-generation plan of a scenario (LP, or MIP with `options.integer`), with the resilience ranking,
 * the force by pledge status and the model as MPS/LP text when asked. Returns the plan whatever its status
 * (`infeasible` is a value); throws `solver-failed` when the solver itself fails.
 *
 * Memory (docs/planner.md, "Large models"): each model is built, solved and reduced to what the result
 * needs before the next is built, and, unless `input.solver` is given, solved on a HiGHS runtime of its
 * own that is let go as soon as the model is solved (unless the resilience analysis re-solves it), since a
 * WebAssembly memory never shrinks. The by-status rungs are solved before the main plan, and a rung that
 * plans the same model as the main plan or as the rung below it is not solved again.
 */
export async function runPlan(input: PlanInput): Promise<PlanResult> {
  const loaded = input.loaded;
  const scenario =
    input.minStatus === undefined ? loaded.scenario : withMinStatus(loaded.scenario, input.minStatus);
  // A solver of its own for each model, let go as soon as that model is solved (its answer is interpreted
  // without HiGHS resident), except for the main plan's when the resilience analysis re-solves it.
  const newSolver = (singleSolve: boolean): Promise<LpSolver> =>
    input.solver !== undefined
      ? Promise.resolve(input.solver)
      : createHighsSolver({ ownRuntime: true, singleSolve });
  const request: PlanRequest = {
    ...(input.options !== undefined ? { options: input.options } : {}),
    variants: loaded.variants,
  };
  // The rungs are solved before the main plan, so that no rung's solve carries the main plan's result.
  // The rung whose model is the main plan's takes its figures from it once it is made.
  const groups = input.byStatus === true ? statusModels(loaded.scenario, input.minStatus) : [];
  const rungFigures: (StatusPlanFigures | undefined)[] = [];
  for (const m of groups)
    rungFigures.push(
      samePlanScenario(m.scenario, scenario)
        ? undefined
        : rungPlanFigures(m.scenario, await newSolver(true), request),
    );
  const main = mainPlan(scenario, await newSolver(input.resilience !== true), request, input);
  const byStatus: StatusRow[] | undefined =
    input.byStatus === true
      ? groups.flatMap((m, i) => {
          const figures = rungFigures[i] ?? statusPlanFigures(main.plan);
          return m.rungs.map((rung) => statusRow(rung, figures));
        })
      : undefined;
  return {
    scenarioHash: loaded.hash,
    plan: main.plan,
    ...(main.resilience !== undefined ? { resilience: main.resilience } : {}),
    ...(input.minStatus !== undefined ? { minStatus: input.minStatus } : {}),
    ...(byStatus !== undefined ? { byStatus } : {}),
    ...(main.mps !== undefined ? { mps: main.mps } : {}),
    ...(main.lp !== undefined ? { lp: main.lp } : {}),
  };
}

type MainPlan = Pick<PlanResult, 'plan' | 'resilience' | 'mps' | 'lp'>;

/** The main plan and what the result takes from its model; the model is dropped on return. */
function mainPlan(scenario: Scenario, solver: LpSolver, request: PlanRequest, input: PlanInput): MainPlan {
  const run = planForce(scenario, solver, {
    ...request,
    resilience: input.resilience === true,
    ...(input.onResilienceProgress === undefined ? {} : { onResilienceProgress: input.onResilienceProgress }),
  });
  failOnSolverError(run.plan);
  return {
    plan: run.plan,
    ...(run.resilience !== undefined ? { resilience: run.resilience } : {}),
    ...(input.exportMps === true ? { mps: writeMps(run.model.lp) } : {}),
    ...(input.exportLp === true ? { lp: writeLp(run.model.lp) } : {}),
  };
}

/** A by-status rung's figures; its model and plan are dropped on return. */
function rungPlanFigures(scenario: Scenario, solver: LpSolver, request: PlanRequest): StatusPlanFigures {
  return statusPlanFigures(planForce(scenario, solver, { ...request, resilience: false }).plan);
}

function failOnSolverError(plan: ForcePlan): void {
  if (plan.status === 'error')
    throw new BulwarkError('solver-failed', `the LP solver failed: ${plan.message ?? 'unknown error'}`);
}

/** What the pledged plan has in place (`pledgedPlanInPlace`, core/plan), with HiGHS by default. */
export async function pledgedInPlace(s: Scenario, solver?: LpSolver): Promise<InPlace> {
  return pledgedPlanInPlace(s, solver ?? (await createHighsSolver()));
}

/** The workspace's summary and coverage by mission of `s`, computed on this thread (`pledgedCoverage`). */
export async function pledgedCoverageHere(s: Scenario, solver?: LpSolver): Promise<PledgedCoverage> {
  return pledgedCoverage(s, solver ?? (await createHighsSolver()));
}

/** The one CSV writer (RFC 4180, CRLF, safe from formula injection: core/shared/csv.ts). */
const csv = toCsv;

/** The plan's tables as CSV files (file name → content), for spreadsheets. */
export function planCsvFiles(result: PlanResult): Record<string, string> {
  const p = result.plan;
  const files: Record<string, string> = {
    'sourcing.csv': csv(
      ['nation', 'unit_type', 'mission', 'period', 'units', 'personnel', 'cost_usd_per_year'],
      p.sourcing.map((r) => [
        r.nation,
        r.unitType,
        r.mission,
        r.period,
        r.units,
        r.personnel,
        r.costUsdPerYear,
      ]),
    ),
    'coverage.csv': csv(
      ['mission', 'capability', 'period', 'priority', 'required', 'provided', 'shortfall', 'explanation'],
      p.coverage.map((r) => [
        r.mission,
        r.capability,
        r.period,
        r.priority,
        r.required,
        r.provided,
        r.shortfall,
        p.shortfall.find(
          (s) => s.mission === r.mission && s.capability === r.capability && s.period === r.period,
        )?.explanation ?? '',
      ]),
    ),
    'personnel.csv': csv(
      ['nation', 'period', 'deployed', 'tied_up_by_rotation'],
      p.personnel.map((r) => [r.nation, r.period, r.deployed, r.tiedUp]),
    ),
    'personnel-by-nation.csv': csv(
      [
        'nation',
        'peak_deployed',
        'peak_tied_up',
        'troop_tours',
        'distinct_people',
        'sustainable_years',
        'limited_by',
      ],
      [
        ...p.personnelByNation.map((n) => [
          n.nation,
          n.peakDeployed,
          n.peakTiedUp,
          n.troopTours,
          n.distinctOverHorizon,
          n.sustainableYears,
          n.limitedBy,
        ]),
        [
          'total',
          p.personnelTotals.peakDeployed,
          p.personnelTotals.peakTiedUp,
          p.personnelTotals.troopTours,
          p.personnelTotals.distinct,
          p.personnelTotals.sustainableYears,
          p.personnelTotals.limitedBy,
        ],
      ],
    ),
    'rotation.csv': csv(
      [
        'nation',
        'unit_type',
        'tour_months',
        'dwell_months',
        'ratio',
        'rule',
        'source',
        'peak_units',
        'needed_units',
        'tours',
        'distinct_units',
        'personnel_per_unit',
        'pool_units',
        'pool_from',
        'sustainable_years',
      ],
      p.rotation.map((r) => [
        r.nation,
        r.unitType,
        r.tourMonths,
        r.dwellMonths,
        r.ratio,
        r.rule === 'catalog' ? 'catalog' : `rotation.rules[${r.rule}]`,
        r.source === undefined
          ? null
          : typeof r.source === 'string'
            ? r.source
            : Object.entries(r.source)
                .map(([k, v]) => `${k}: ${v}`)
                .join('; '),
        r.peakUnits,
        r.neededUnits,
        r.tours,
        r.distinctUnits,
        r.personnelPerUnit,
        r.poolUnits,
        r.poolFrom,
        r.years,
      ]),
    ),
    'cost.csv': csv(
      ['nation', ...p.costByYearUsd.map((_, i) => `year_${i + 1}_usd`), 'total_usd'],
      p.cost.map((c) => [c.nation, ...c.byYearUsd, c.totalUsd]),
    ),
    'fair-share.csv': csv(
      ['nation', 'personnel_years', 'cost_usd', 'burden_share', 'fair_share', 'difference'],
      p.fairShare.rows.map((r) => [
        r.nation,
        r.personnelYears,
        r.costUsd,
        r.burdenShare,
        r.fairShare,
        r.difference,
      ]),
    ),
    'rotation-calendar.csv': csv(
      ['nation', 'unit_type', 'period', 'deployed', 'preparing', 'recovering'],
      p.calendar.map((r) => [r.nation, r.unitType, r.period, r.deployed, r.preparing, r.recovering]),
    ),
    'binding.csv': csv(
      ['kind', 'nation', 'unit_type', 'periods', 'limits_coverage', 'text'],
      p.binding.map((b) => [
        b.kind,
        b.nation,
        b.unitType ?? '',
        b.periods.join(' '),
        b.limitsCoverage,
        b.text,
      ]),
    ),
  };
  if (result.plan.deployment !== undefined)
    files['deployment.csv'] = csv(
      [
        'pledge',
        'nation',
        'unit_type',
        'mission',
        'units',
        'personnel',
        'tonnes',
        'route',
        'ready_day',
        'arrival_day',
        'arrival_date',
        'period',
        'bottleneck',
        'wait_days',
      ],
      result.plan.deployment.moves.map((m) => [
        m.pledge,
        m.nation,
        m.unitType,
        m.mission,
        m.units,
        m.personnel,
        m.tonnes,
        m.route ?? '',
        m.readyDay,
        m.arrivalDay ?? '',
        m.arrivalDate ?? '',
        m.period ?? '',
        m.bottleneck ?? '',
        m.waitDays,
      ]),
    );
  if (result.byStatus !== undefined)
    files['by-status.csv'] = csv(
      [
        'at_or_above',
        'pledges_at_status',
        'pledges',
        'pledged_personnel',
        'in_place_personnel',
        'requirement_periods_met',
        'requirement_periods',
        'weighted_shortfall',
      ],
      result.byStatus.map((r) => [
        r.status,
        r.pledgesAt,
        r.pledges,
        r.pledgedPersonnel,
        r.inPlacePersonnel,
        r.requirementPeriodsMet,
        r.requirementPeriods,
        r.weightedShortfall,
      ]),
    );
  if (result.resilience !== undefined)
    files['resilience.csv'] = csv(
      [
        'rank',
        'case',
        'kind',
        'status',
        'weighted_shortfall',
        'added_shortfall',
        'total_cost_usd',
        'new_gaps',
      ],
      result.resilience.cases.map((c, i) => [
        i + 1,
        c.id,
        c.kind,
        c.status,
        c.weightedShortfall,
        c.addedShortfall,
        c.totalCostUsd,
        Object.entries(c.newGaps)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; '),
      ]),
    );
  return files;
}
