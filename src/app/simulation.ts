/**
 * What the Monte Carlo use cases (assure, calibrate, brief, sweep) share: the cases compared with a base
 * scenario — each with the force it simulates and where that force comes from — and a job runner (the one
 * given, or a worker-thread pool opened for the call and closed after). docs/force-source.md explains the
 * force sources and the `auto` rule.
 */
import { createHighsSolver } from '../adapters/highs/index.js';
import { sharedThreadPool } from '../adapters/threads/index.js';
import {
  compileLadder,
  forceFromPledges,
  forceFromSourcing,
  sameLadder,
  type AssuranceResult,
  type CaseResult,
  type ForceLayout,
  type JobRunner,
  type LadderParams,
} from '../core/assure/index.js';
import { planForce, type ForcePlan, type LpSolver, type SupplyMode } from '../core/plan/index.js';
import { applyVariants, type Scenario } from '../core/scenario/index.js';
import { BulwarkError, fail, ok, type Issue, type Result } from '../core/shared/index.js';

export interface RunnerOptions {
  /** Executes Monte Carlo jobs; default: the process-wide worker-thread pool. */
  readonly runner?: JobRunner;
  /** Worker threads of the default pool (default: all cores). */
  readonly workers?: number;
  /** Cancels this call's work on the default pool. */
  readonly signal?: AbortSignal;
}

/**
 * Calls `fn` with the given runner, or with a runner on the process-wide thread pool (kept warm between
 * calls: a CLI command or a workspace run reuses the threads of the one before), cancelled by `o.signal`.
 */
export async function withRunner<T>(o: RunnerOptions, fn: (runner: JobRunner) => Promise<T>): Promise<T> {
  if (o.runner !== undefined) return fn(o.runner);
  return fn(sharedThreadPool(o.workers).runner(o.signal));
}

/** Runs per thread that `warmSimulation` simulates: enough for the simulation loop's optimised code. */
const WARM_RUNS_PER_THREAD = 10_000;

/**
 * Warms the process-wide thread pool on `scenario` (a server does at start): every simulation thread
 * starts, loads the simulation and runs it until V8 has optimised it, so the first user's run does not pay
 * for that (about 0.4 s of a first pledge edit's comparison, bench/edit.ts). Nothing is kept but warm
 * threads; `signal` drops what has not started. A scenario without an adversary has nothing to simulate.
 */
export async function warmSimulation(
  scenario: Scenario,
  o: Pick<RunnerOptions, 'workers' | 'signal'> = {},
): Promise<void> {
  if (scenario.adversary === undefined) return;
  const pool = sharedThreadPool(o.workers);
  const job = { models: [compileLadder(scenario, { force: forceFromPledges(scenario) })] };
  await pool.runner(o.signal)(job, 0, WARM_RUNS_PER_THREAD * pool.size);
}

export interface VariantCase {
  readonly id: string;
  /** The variant's name, for tables and charts. */
  readonly label: string;
  readonly scenario: Scenario;
}

/** Each variant applied on its own to the base scenario; every problem of every variant as a value. */
export function applyVariantCases(base: Scenario, ids: readonly string[]): Result<VariantCase[]> {
  const issues: Issue[] = [];
  const cases: VariantCase[] = [];
  for (const id of ids) {
    const r = applyVariants(base, [id]);
    if (!r.ok) issues.push(...r.error);
    else
      cases.push({
        id,
        label: base.variants.find((v) => v.id === id)?.name ?? id,
        scenario: r.value.scenario,
      });
  }
  return issues.length > 0 ? fail(issues) : ok(cases);
}

/**
 * Each variant applied on its own to the base scenario; throws `scenario-invalid` with every issue, given
 * file positions by `locate` (`locateIssues` of the loaded file).
 */
export function variantCases(
  base: Scenario,
  ids: readonly string[],
  locate: (issues: readonly Issue[]) => readonly Issue[] = (i) => i,
): VariantCase[] {
  const r = applyVariantCases(base, ids);
  if (!r.ok) {
    const issues = locate(r.error);
    const n = issues.filter((i) => i.severity === 'error').length;
    throw new BulwarkError(
      'scenario-invalid',
      `${n} problem${n === 1 ? '' : 's'} with the variants (${issues[0]?.message ?? ''})`,
      issues,
    );
  }
  return r.value;
}

/**
 * Where a case's force comes from: `pledges` — the scenario's active pledges as pledged; `plan:pledges` —
 * what the planner sources from those pledges (never more than pledged); `plan:potential` — what the
 * planner sources from the nations' committable inventories (rotation-limited), for requirements the
 * pledges were not made for.
 */
export type ForceSource = 'pledges' | 'plan:pledges' | 'plan:potential';
/** A force source for every case, or `auto`: see `caseForceSource`. */
export type ForceSourceChoice = ForceSource | 'auto';
export const forceSourceChoices = [
  'auto',
  'pledges',
  'plan:pledges',
  'plan:potential',
] as const satisfies readonly ForceSourceChoice[];

export interface CaseOptions {
  /** Default `auto`. */
  readonly forceSource?: ForceSourceChoice;
  /**
   * What `auto` simulates for a case whose requirements are the base's: the pledges as pledged (default;
   * assure, sweep) or as the planner allocates them (`plan:pledges`; the briefing, which shows that plan).
   */
  readonly pledgedForce?: 'pledges' | 'plan:pledges';
  /** Solver for planned forces; default HiGHS, loaded only when a case needs the planner. */
  readonly solver?: LpSolver;
}

/** The plan behind a planned force (absent for `pledges`). */
export interface PlannedForce {
  readonly mode: SupplyMode;
  /** `time-limit`: the best solution found before the limit is simulated. */
  readonly status: 'optimal' | 'time-limit';
  /**
   * Mean over requirement-periods (required > 0) of the unmet fraction, in [0, 1]: 0 when the plan covers
   * everything. The force simulated is what was sourced; this says how far it falls short.
   */
  readonly shortfallShare: number;
}

/** One case to simulate: a scenario (variant applied), its force, and where that force came from. */
export interface SimulationCase extends VariantCase {
  readonly force: ForceLayout;
  readonly forceSource: ForceSource;
  readonly plan?: PlannedForce;
  /** The first earlier case whose compiled model is the same (its odds are that case's). */
  readonly identicalTo?: string;
}

/** The requirements the planner reads, canonical: per mission, sorted; provenance (`source`, `note`) dropped. */
const requirementsKey = (s: Scenario): string =>
  JSON.stringify(
    [...s.missions]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((m) => [
        m.id,
        m.requirements
          .map((r) =>
            JSON.stringify([
              r.capability,
              r.amount,
              r.fromPeriod,
              r.toPeriod ?? s.horizon.periods,
              r.priority,
            ]),
          )
          .sort(),
      ]),
  );

/** True when `variant`'s missions require anything other than `base`'s (amounts, periods, priorities). */
export const requirementsChanged = (base: Scenario, variant: Scenario): boolean =>
  requirementsKey(base) !== requirementsKey(variant);

/**
 * The source a case's force comes from. A forced choice applies to every case. `auto`: a case whose
 * requirements differ from the base's simulates the force the planner sources for them from committable
 * inventories (the pledges were made for the base's requirements, and a pledged plan cannot exceed them);
 * any other case, and the base, simulates `pledgedForce`.
 */
export function caseForceSource(
  base: Scenario,
  scenario: Scenario,
  choice: ForceSourceChoice,
  pledgedForce: 'pledges' | 'plan:pledges' = 'pledges',
): ForceSource {
  if (choice !== 'auto') return choice;
  return requirementsChanged(base, scenario) ? 'plan:potential' : pledgedForce;
}

const shortfallShare = (p: ForcePlan): number => {
  const rows = p.coverage.filter((c) => c.required > 0);
  return rows.length === 0
    ? 0
    : rows.reduce((a, c) => a + Math.min(1, c.shortfall / c.required), 0) / rows.length;
};

/**
 * The force a plan sources, with its summary; no solution is an error (simulating nothing, or the pledges,
 * would misstate it). `what` names the plan in messages.
 */
export function forceOfPlan(
  scenario: Scenario,
  plan: ForcePlan,
  mode: SupplyMode,
  what: string,
): { force: ForceLayout; plan: PlannedForce } {
  const failed = `the planner (${mode}) found no force for ${what}`;
  switch (plan.status) {
    case 'optimal':
    case 'time-limit':
      if (!plan.solved) throw new BulwarkError('solver-failed', `${failed}: stopped at the time limit`);
      return {
        force: forceFromSourcing(scenario, plan.sourcing),
        plan: { mode, status: plan.status, shortfallShare: shortfallShare(plan) },
      };
    case 'infeasible':
    case 'unbounded':
      throw new BulwarkError(
        'scenario-invalid',
        `${failed}: the plan is ${plan.status}; simulate the pledges instead with --force-from pledges`,
      );
    case 'error':
      throw new BulwarkError('solver-failed', `${failed}: ${plan.message ?? 'the LP solver failed'}`);
    default: {
      const never: never = plan.status;
      throw new Error(`unexpected plan status ${String(never)}`);
    }
  }
}

/**
 * The planner's force for a case (linear solve: fractional units are the sustained average of rotating
 * units, and whole units would drop every nation's fractional rotation-limited supply; see
 * docs/force-source.md).
 */
function plannedForce(
  c: VariantCase,
  mode: SupplyMode,
  solver: LpSolver,
): { force: ForceLayout; plan: PlannedForce } {
  const { plan } = planForce(c.scenario, solver, {
    options: { mode },
    ...(c.id === 'base' ? {} : { variants: [c.id] }),
  });
  return forceOfPlan(c.scenario, plan, mode, `"${c.id}"`);
}

/**
 * The cases to simulate: the base scenario (id `base`) first, then `variants` in order, each with its
 * force (see `caseForceSource`) and, when its compiled model equals an earlier case's, `identicalTo`.
 * Throws `BulwarkError` when a needed plan has no solution (see `plannedForce`).
 */
export async function simulationCases(
  base: Scenario,
  variants: readonly VariantCase[],
  o: CaseOptions = {},
): Promise<SimulationCase[]> {
  const choice = o.forceSource ?? 'auto';
  let solver = o.solver;
  const all: VariantCase[] = [
    {
      id: 'base',
      label: choice === 'plan:potential' ? 'committable inventories' : 'as pledged',
      scenario: base,
    },
    ...variants,
  ];
  const cases: SimulationCase[] = [];
  const models: (LadderParams | undefined)[] = [];
  for (const c of all) {
    const forceSource = caseForceSource(base, c.scenario, choice, o.pledgedForce);
    let built: { force: ForceLayout; plan?: PlannedForce };
    if (forceSource === 'pledges') built = { force: forceFromPledges(c.scenario) };
    else {
      solver ??= await createHighsSolver();
      built = plannedForce(c, forceSource === 'plan:pledges' ? 'pledged' : 'potential', solver);
    }
    const model =
      c.scenario.adversary === undefined ? undefined : compileLadder(c.scenario, { force: built.force });
    const twin = model === undefined ? -1 : models.findIndex((m) => m !== undefined && sameLadder(m, model));
    models.push(model);
    const planned = forceSource === 'plan:potential' && c.id !== 'base';
    cases.push({
      ...c,
      ...(planned ? { label: `${c.label} (force from committable inventories)` } : {}),
      ...built,
      forceSource,
      ...(twin >= 0 ? { identicalTo: all[twin]!.id } : {}),
    });
  }
  return cases;
}

/** Peak personnel of a force: the sum of each nation's peak (what the engine reports as the force). */
export const peakPersonnel = (f: ForceLayout): number =>
  f.nations.reduce((a, n) => a + Math.max(0, ...n.personnel), 0);

/** A case's result with where its force came from. */
export type SimulatedCaseResult = CaseResult & Pick<SimulationCase, 'forceSource' | 'plan' | 'identicalTo'>;

export interface SimulatedAssurance extends Omit<AssuranceResult, 'cases'> {
  readonly cases: readonly SimulatedCaseResult[];
}

/** The engine's result with each case's force source, plan summary and identity (cases in the same order). */
export function withForceSources(
  result: AssuranceResult,
  cases: readonly SimulationCase[],
): SimulatedAssurance {
  return {
    ...result,
    cases: result.cases.map((r, i) => {
      const c = cases[i];
      if (c === undefined || c.id !== r.id)
        throw new Error(`case ${i} is "${r.id}", expected "${c?.id ?? ''}"`);
      return {
        ...r,
        forceSource: c.forceSource,
        ...(c.plan === undefined ? {} : { plan: c.plan }),
        ...(c.identicalTo === undefined ? {} : { identicalTo: c.identicalTo }),
      };
    }),
  };
}
