/**
 * The deterrence frontier use case (docs/frontier.md): a family of forces — the requirements scaled from
 * none to beyond the named force options, and each mission's requirements raised on its own — each sourced
 * at least cost by the planner (one model per backstop case, warm-started re-solves), simulated on common
 * random numbers (every point and case on the same seeded runs), with runs added until neighbouring points
 * are ordered; then the efficient forces, the cheapest force meeting a risk target per backstop case
 * (refined by bisection), what each backstop is worth in force, the value of each mission's increment per
 * US$ bn, and the frontier against bolder and more cautious adversaries. The decisions on numbers are
 * `core/frontier`'s.
 */
import { loadScenario } from '../adapters/files/index.js';
import { createHighsSolver } from '../adapters/highs/index.js';
import {
  compileLadder,
  emptyForce,
  mergeInto,
  P_RISK,
  headlineMeasures,
  pairedFailureDifference,
  wilson,
  parameterQuantile,
  pinParameter,
  type ForceLayout,
  type Job,
  type JobRunner,
  type LadderParams,
  type PartialStats,
} from '../core/assure/index.js';
import {
  type BackstopWorth,
  type FrontierCase,
  type FrontierPoint,
  type FrontierPointKind,
  type FrontierReport,
  type FrontierSource,
  type MissionValue,
  bisectScale,
  frontierScales,
  neighboursOrdered,
  paretoEfficient,
  pointsPerBillion,
  separatedBracket,
  targetBracket,
} from '../core/frontier/index.js';
import {
  planForce,
  planScaled,
  type ForcePlan,
  type LpSolver,
  type MissionFactors,
  type SupplyMode,
} from '../core/plan/index.js';
import {
  applyVariantEdit,
  applyVariants,
  backstopKinds,
  validate,
  type BackstopKind,
  type Scenario,
} from '../core/scenario/index.js';
import { BulwarkError, formatIssue, type Issue } from '../core/shared/index.js';
import { forceOfPlan, peakPersonnel, requirementsChanged } from './simulation.js';

export interface FrontierRequest {
  /** A file path, a built-in scenario name, or `-` for stdin (or `loaded`). */
  readonly ref?: string;
  /** An already loaded scenario with its hash (the briefing's), instead of `ref`. */
  readonly loaded?: { readonly scenario: Scenario; readonly hash: string };
  /** Variants applied to the scenario first (the frontier's base). */
  readonly variants?: readonly string[];
  /** The P(ceasefire fails) a force must keep below (default 0.1). */
  readonly target?: number;
  /**
   * Backstop cases: a backstop kind (`none`, or a kind of the scenario's `guarantor.backstop.kinds`: only the
   * kind changes) or a variant id (applied whole). Default: none, the scenario's own kind, and its strongest.
   */
  readonly backstops?: readonly string[];
  /** Where the forces come from: the pledges (never more than pledged) or committable inventories. */
  readonly from?: FrontierSource;
  /** Scales of the requirements tried, including 0 (default 20). */
  readonly points?: number;
  /** Largest scale (default: 1.25 × the largest named option's planned personnel over the base's, at least 2). */
  readonly maxScale?: number;
  /** Runs per point in the first round (default: the scenario's `assurance.runs`). */
  readonly runs?: number;
  /** Most runs per point (default 4 × runs). */
  readonly maxRuns?: number;
  /** Neighbours closer than ± this are equal at the resolution asked (default 0.005: half a point). */
  readonly resolution?: number;
  /** Each mission's increment for the marginal values: its requirements × (1 + step) (default 0.5). */
  readonly missionStep?: number;
  /** Bisection steps refining the cheapest force and the backstop's worth (default 5). */
  readonly refineSteps?: number;
  /** The frontier against adversaries at the 10th, 50th and 90th percentile of risk tolerance (default true). */
  readonly robustness?: boolean;
  readonly seed?: number;
  readonly solver?: LpSolver;
  readonly runner: JobRunner;
  readonly stdin?: () => string;
  /** Runs done and runs planned so far over every job (the total grows when runs are added). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the frontier cost to compute (kept out of the report, which depends only on scenario and seed). */
export interface FrontierWork {
  readonly plans: number;
  /** Σ over jobs of runs × models. */
  readonly modelRuns: number;
  readonly planSeconds: number;
  readonly simulateSeconds: number;
}

interface BackstopCase {
  readonly id: string;
  readonly label: string;
  readonly backstop: BackstopKind | 'no guarantor';
  /** The scenario's own backstop, unchanged. */
  readonly own: boolean;
  readonly scenario: Scenario;
}

const usage = (message: string, issues: readonly Issue[] = []): BulwarkError =>
  new BulwarkError(
    'usage',
    issues.length === 0 ? message : `${message}:\n${issues.map(formatIssue).join('\n')}`,
    issues,
  );

const KIND_LABEL: Readonly<Record<BackstopKind, string>> = {
  none: 'no backstop',
  'intelligence-logistics': 'intelligence & logistics backstop',
  'air-support': 'air-support backstop',
  full: 'full backstop',
};

/** The backstop cases: each name a kind (only the kind changes) or a variant id. */
export function backstopCases(base: Scenario, names?: readonly string[]): BackstopCase[] {
  const g = base.guarantor;
  const own: BackstopKind = g?.backstop.kind ?? 'none';
  const labelOf = (k: BackstopKind): string => KIND_LABEL[k];
  if (g === undefined) {
    if (names !== undefined && names.some((n) => n !== 'none'))
      throw usage(`scenario "${base.meta.id}" has no guarantor: the only backstop case is none`);
    return [{ id: 'none', label: 'no guarantor', backstop: 'no guarantor', own: true, scenario: base }];
  }
  const kinds: Readonly<Record<string, { readonly weight: number }>> = g.backstop.kinds;
  const defined = Object.keys(kinds);
  const strongest = [...defined].sort(
    (a, b) => (kinds[b]?.weight ?? 0) - (kinds[a]?.weight ?? 0) || a.localeCompare(b),
  )[0];
  const wanted = names ?? [...new Set(['none', own, ...(strongest === undefined ? [] : [strongest])])];
  if (wanted.length === 0) throw usage('--backstop needs at least one case');
  const seen = new Set<string>();
  return wanted.map((name) => {
    if (seen.has(name)) throw usage(`--backstop lists "${name}" twice`);
    seen.add(name);
    const variant = base.variants.find((v) => v.id === name);
    if (variant !== undefined) {
      const patch = variant.patch as Readonly<Record<string, unknown>> | undefined;
      if (patch?.['guarantor'] === undefined || (variant.withdraw ?? []).length > 0)
        throw usage(
          `--backstop "${name}": the variant does not change the guarantor's backstop (or withdraws a nation); to apply it to every case use --variant ${name}`,
        );
      const r = applyVariants(base, [name]);
      if (!r.ok) throw usage(`backstop case "${name}"`, r.error);
      const k = r.value.scenario.guarantor?.backstop.kind ?? 'none';
      const others = Object.keys(patch).filter((key) => key !== 'guarantor');
      return {
        id: name,
        label: `${variant.name}${others.length > 0 ? ` (also changes ${others.join(', ')})` : ''}`,
        backstop: k,
        own: false,
        scenario: r.value.scenario,
      };
    }
    const kind = backstopKinds.find((k) => k === name);
    if (kind === undefined || (kind !== 'none' && !defined.includes(kind)))
      throw usage(
        `--backstop "${name}" is neither a backstop kind of this scenario (none, ${defined.join(', ')}) nor a variant (${base.variants.map((v) => v.id).join(', ') || 'none'})`,
      );
    if (kind === own) return { id: kind, label: labelOf(kind), backstop: kind, own: true, scenario: base };
    const r = validate(applyVariantEdit(base, { patch: { guarantor: { backstop: { kind } } } }));
    if (!r.ok) throw usage(`backstop case "${name}"`, r.error);
    return { id: kind, label: labelOf(kind), backstop: kind, own: false, scenario: r.value.scenario };
  });
}

/** A sourced force before simulation. */
interface Sourced {
  readonly id: string;
  readonly kind: FrontierPointKind;
  readonly label: string;
  readonly scale: number | null;
  readonly mission?: string;
  readonly force: ForceLayout;
  /** The plan's peak personnel in theatre (every supplier, the guarantor's own units included). */
  readonly peakPersonnel: number;
  /** Suppliers with anyone in theatre, as the plan counts them. */
  readonly nations: number;
  readonly costUsdPerYear: number;
  readonly shortfallShare: number;
  readonly model: LadderParams;
}

const years = (s: Scenario): number => (s.horizon.periods * s.horizon.periodMonths) / 12;
const scaleId = (x: number): string => `s${x}`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

function sourcedOf(
  s: Scenario,
  plan: ForcePlan,
  mode: SupplyMode,
  head: Omit<Sourced, 'force' | 'peakPersonnel' | 'nations' | 'costUsdPerYear' | 'shortfallShare' | 'model'>,
): Sourced {
  const { force, plan: planned } = forceOfPlan(s, plan, mode, `"${head.id}"`);
  return {
    ...head,
    force,
    // Personnel and nations as the plan (and the briefing's bottom line) counts them, like the cost; the
    // simulated force leaves the guarantor's own units out (docs/model.md, "The guarantor's own units").
    peakPersonnel: plan.personnelTotals.peakDeployed,
    nations: plan.personnelByNation.filter((n) => n.peakDeployed > 0).length,
    costUsdPerYear: plan.totalCostUsd / years(s),
    shortfallShare: planned.shortfallShare,
    model: compileLadder(s, { force }),
  };
}

/** Runs a job adaptively: rounds of runs until every chain pair is ordered or the cap is reached. */
async function runAdaptive(
  job: Job,
  chains: readonly (readonly number[])[],
  o: {
    seed: number;
    runs: number;
    maxRuns: number;
    resolution: number;
    runner: JobRunner;
    progress: Progress;
  },
): Promise<{ stats: PartialStats[]; runs: number; unordered: number }> {
  let stats: PartialStats[] | undefined;
  let done = 0;
  let add = o.runs;
  o.progress.plan(o.runs * job.models.length);
  for (;;) {
    const base = o.progress.done;
    const part = await o.runner(job, o.seed, add, (d) => o.progress.set(base + d * job.models.length), done);
    o.progress.set(base + add * job.models.length);
    if (stats === undefined) stats = part;
    else stats.forEach((s, i) => mergeInto(s, part[i]!));
    done += add;
    let unordered = 0;
    for (const chain of chains)
      for (let j = 1; j < chain.length; j++)
        if (!neighboursOrdered(pairedFailureDifference(stats[chain[j]!]!), o.resolution)) unordered++;
    if (unordered === 0 || done >= o.maxRuns) return { stats, runs: done, unordered };
    add = Math.min(done, o.maxRuns - done);
    o.progress.plan(add * job.models.length);
  }
}

/** Progress over every job, in model-runs; the total grows as rounds are added. */
interface Progress {
  readonly done: number;
  plan(more: number): void;
  set(done: number): void;
}

function progressOf(onProgress?: (done: number, total: number) => void): Progress {
  let done = 0;
  let total = 0;
  return {
    get done() {
      return done;
    },
    plan(more) {
      total += more;
      onProgress?.(done, total);
    },
    set(d) {
      done = d;
      onProgress?.(done, total);
    },
  };
}

function measured(
  s: PartialStats,
  m: LadderParams,
): Pick<FrontierPoint, 'runs' | 'ceasefireFailed' | 'tripwireTested' | 'widerWar'> {
  const h = headlineMeasures(s, m.levels);
  return {
    runs: s.runs,
    ceasefireFailed: h.ceasefireFailed,
    tripwireTested: h.tripwireTested,
    widerWar: h.widerWar,
  };
}

const pointOf = (x: Sourced, stats: PartialStats, versus?: string): Omit<FrontierPoint, 'efficient'> => ({
  id: x.id,
  kind: x.kind,
  label: x.label,
  scale: x.scale,
  ...(x.mission === undefined ? {} : { mission: x.mission }),
  peakPersonnel: Math.round(x.peakPersonnel),
  nations: x.nations,
  costUsdPerYear: Math.round(x.costUsdPerYear),
  shortfallShare: Math.round(x.shortfallShare * 1e6) / 1e6,
  ...measured(stats, x.model),
  ...(versus === undefined
    ? {}
    : { versus: { id: versus, ceasefireFailed: pairedFailureDifference(stats) } }),
});

/**
 * On the scaled points of a case (grid and bisection), the smallest scale whose estimate is at or below
 * `goal`, and what the runs tell apart around it (`separatedBracket`).
 */
function meetingGoal(
  scaled: readonly FrontierPoint[],
  goal: number,
): { point?: FrontierPoint; range: { above?: FrontierPoint; below?: FrontierPoint } } {
  const asc = [...scaled].sort((a, b) => a.scale! - b.scale!);
  const point = asc.find((p) => p.ceasefireFailed.p <= goal);
  const b = separatedBracket(
    asc.map((p) => ({ scale: p.scale!, lo: p.ceasefireFailed.lo, hi: p.ceasefireFailed.hi })),
    goal,
  );
  return {
    ...(point === undefined ? {} : { point }),
    range: {
      ...(b.above < 0 ? {} : { above: asc[b.above]! }),
      ...(b.below < 0 ? {} : { below: asc[b.below]! }),
    },
  };
}

/**
 * The deterrence frontier (docs/frontier.md): the cost of the force against P(ceasefire fails) over a
 * family of forces, per backstop case, with the cheapest force at the target; returns the report and the
 * work done. Throws `usage` (no adversary, an unknown backstop case), `solver-failed`, or the runner's
 * error when cancelled.
 */
export async function runFrontier(
  req: FrontierRequest,
): Promise<{ report: FrontierReport; work: FrontierWork }> {
  const variants = req.variants ?? [];
  const loaded =
    req.loaded ??
    (req.ref === undefined
      ? undefined
      : (() => {
          const l = loadScenario(req.ref, variants, req.stdin);
          return { scenario: l.scenario, hash: l.hash };
        })());
  if (loaded === undefined) throw new Error('runFrontier needs ref or loaded');
  const base = loaded.scenario;
  if (base.adversary === undefined)
    throw usage(`scenario "${base.meta.id}" has no adversary block: there is no risk to put on a frontier`);
  const target = req.target ?? 0.1;
  if (!(target > 0 && target < 1)) throw usage(`--target must be a probability in (0, 1), got ${target}`);
  const from = req.from ?? 'potential';
  const mode: SupplyMode = from === 'pledges' ? 'pledged' : 'potential';
  const seed = req.seed ?? base.assurance.seed;
  const runs = req.runs ?? base.assurance.runs;
  const maxRuns = Math.max(runs, req.maxRuns ?? 4 * runs);
  const resolution = req.resolution ?? 0.005;
  const step = req.missionStep ?? 0.5;
  const refineSteps = req.refineSteps ?? 5;
  const nPoints = req.points ?? 20;
  if (!Number.isSafeInteger(nPoints) || nPoints < 3 || nPoints > 200)
    throw usage(`--points must be a whole number from 3 to 200, got ${nPoints}`);
  const missions = base.missions.filter((m) => m.requirements.some((r) => r.amount > 0)).map((m) => m.id);
  if (missions.length === 0)
    throw new BulwarkError(
      'scenario-invalid',
      `scenario "${base.meta.id}": no mission has a positive requirement, so there is no force to scale`,
    );
  const cases = backstopCases(base, req.backstops);
  const progress = progressOf(req.onProgress);
  const solver = req.solver ?? (await createHighsSolver());
  const t0 = performance.now();
  let plans = 0;

  // Named options: the variants whose requirements are not the base's.
  const optionIds = base.variants.filter((v) => {
    const r = applyVariants(base, [v.id]);
    return r.ok && requirementsChanged(base, r.value.scenario);
  });

  // The largest scale: beyond the named options (their planned personnel over the base's, first case).
  let maxScale = req.maxScale;
  if (maxScale === undefined) {
    const c0 = cases[0]!.scenario;
    const basePeak = peakPersonnel(
      forceOfPlan(c0, planForce(c0, solver, { options: { mode } }).plan, mode, 'the base').force,
    );
    plans++;
    let ratio = 1;
    for (const v of optionIds) {
      const r = applyVariants(c0, [v.id]);
      if (!r.ok) continue;
      const p = planForce(r.value.scenario, solver, { options: { mode }, variants: [v.id] }).plan;
      plans++;
      if (p.solved && basePeak > 0)
        ratio = Math.max(ratio, peakPersonnel(forceOfPlan(r.value.scenario, p, mode, v.id).force) / basePeak);
    }
    maxScale = Math.max(2, Math.round(1.25 * ratio * 100) / 100);
  }
  if (!(maxScale > 1 && maxScale <= 100))
    throw usage(`the largest scale must be in (1, 100], got ${maxScale}`);
  const scales = frontierScales(nPoints, maxScale);
  const uniform = (x: number): MissionFactors => Object.fromEntries(missions.map((m) => [m, x]));

  // Source every force of every case.
  const sourced: Sourced[][] = [];
  for (const c of cases) {
    const s = c.scenario;
    const positive = scales.filter((x) => x > 0);
    const family: MissionFactors[] = [...positive.map(uniform), ...missions.map((m) => ({ [m]: 1 + step }))];
    const solved = planScaled(s, solver, family, { options: { mode } });
    plans += family.length;
    const out: Sourced[] = [];
    const none = emptyForce(s);
    out.push({
      id: scaleId(0),
      kind: 'none',
      label: 'no force',
      scale: 0,
      force: none,
      peakPersonnel: 0,
      nations: 0,
      costUsdPerYear: 0,
      shortfallShare: 1,
      model: compileLadder(s, { force: none }),
    });
    positive.forEach((x, i) =>
      out.push(
        sourcedOf(solved[i]!.scenario, solved[i]!.run.plan, mode, {
          id: scaleId(x),
          kind: 'scale',
          label: x === 1 ? 'the requirements as stated' : `requirements × ${x.toFixed(2)}`,
          scale: x,
        }),
      ),
    );
    missions.forEach((m, j) => {
      const r = solved[positive.length + j]!;
      out.push(
        sourcedOf(r.scenario, r.run.plan, mode, {
          id: `mission:${m}`,
          kind: 'mission',
          label: `${base.missions.find((x) => x.id === m)?.name ?? m} requirements + ${pct(step)}`,
          scale: 1 + step,
          mission: m,
        }),
      );
    });
    // The pledged force: the planner's allocation of the pledges against the requirements as stated.
    const pledgedPlan = planForce(s, solver, { options: { mode: 'pledged' } }).plan;
    plans++;
    out.push(
      sourcedOf(s, pledgedPlan, 'pledged', {
        id: 'pledged',
        kind: 'pledged',
        label: 'the pledged force',
        scale: null,
      }),
    );
    for (const v of optionIds) {
      const r = applyVariants(s, [v.id]);
      if (!r.ok) throw usage(`option "${v.id}" in case "${c.id}"`, r.error);
      const p = planForce(r.value.scenario, solver, { options: { mode }, variants: [v.id] }).plan;
      plans++;
      out.push(
        sourcedOf(r.value.scenario, p, mode, {
          id: `option:${v.id}`,
          kind: 'option',
          label: v.name,
          scale: null,
        }),
      );
    }
    sourced.push(out);
  }
  const planSeconds = (performance.now() - t0) / 1000;

  // Simulate every case's forces on the same runs, adaptively.
  const t1 = performance.now();
  let modelRuns = 0;
  const caseStats: { stats: PartialStats[]; runs: number; unordered: number }[] = [];
  const nScale = scales.length;
  const oneIndex = scales.indexOf(1);
  const pairing = (n: number): number[] =>
    Array.from({ length: n }, (_, i) => (i === 0 ? 0 : i < nScale ? i - 1 : oneIndex));
  const chain = Array.from({ length: nScale }, (_, i) => i);
  for (const out of sourced) {
    const job: Job = { models: out.map((x) => x.model), pairedWith: pairing(out.length) };
    const r = await runAdaptive(job, [chain], {
      seed,
      runs,
      maxRuns,
      resolution,
      runner: req.runner,
      progress,
    });
    modelRuns += r.runs * out.length;
    caseStats.push(r);
  }

  // Refinement by bisection: the cheapest force meeting the target per case, and, per backstop case, the
  // cheapest force without a backstop at the backstop case's risk as required.
  const noneIndex = cases.findIndex((c) => c.backstop === 'none' || c.backstop === 'no guarantor');
  interface Task {
    readonly caseIndex: number;
    readonly goal: number;
    lo: number;
    hi: number;
    /** Stopped: the last midpoint's interval contained the goal (more bisection would follow noise). */
    done: boolean;
    best?: { point: Omit<FrontierPoint, 'efficient'>; sourced: Sourced };
    readonly purpose: 'target' | `worth:${number}`;
  }
  // One estimate of risk everywhere (the reported Wilson estimate), so a bracket and the report agree.
  const riskOf = (st: PartialStats): number => wilson(st.reached[3]!, st.runs).p;
  const scaleRisk = (ci: number): number[] => caseStats[ci]!.stats.slice(0, nScale).map(riskOf);
  const tasks: Task[] = [];
  const bracketTask = (ci: number, goal: number, purpose: Task['purpose']): void => {
    const b = targetBracket(scaleRisk(ci), goal);
    if (b.meets > 0 && b.below >= 0)
      tasks.push({ caseIndex: ci, goal, lo: scales[b.below]!, hi: scales[b.meets]!, done: false, purpose });
  };
  cases.forEach((_, ci) => bracketTask(ci, target, 'target'));
  if (noneIndex >= 0)
    cases.forEach((c, ci) => {
      if (ci === noneIndex || oneIndex < 0) return;
      bracketTask(noneIndex, riskOf(caseStats[ci]!.stats[oneIndex]!), `worth:${ci}`);
    });
  // Refinements per case by scale: planned and simulated once, on the case's own runs, shared by tasks.
  const refinedAt = cases.map(() => new Map<number, { x: Sourced; st: PartialStats }>());
  for (let k = 0; k < refineSteps; k++) {
    const open = tasks.filter((t) => !t.done);
    const wanted = new Map<string, { ci: number; mid: number }>();
    for (const t of open) {
      const mid = bisectScale(t.lo, t.hi);
      if (!(mid > t.lo && mid < t.hi)) t.done = true;
      else if (!refinedAt[t.caseIndex]!.has(mid))
        wanted.set(`${t.caseIndex}|${mid}`, { ci: t.caseIndex, mid });
    }
    if (open.every((t) => t.done)) break;
    // One job per run count (cases normally share one), every new midpoint planned once.
    const byRuns = new Map<number, { ci: number; x: Sourced }[]>();
    for (const { ci, mid } of wanted.values()) {
      const [r] = planScaled(cases[ci]!.scenario, solver, [uniform(mid)], { options: { mode } });
      plans++;
      const x = sourcedOf(r!.scenario, r!.run.plan, mode, {
        id: `refine:${mid}`,
        kind: 'refine',
        label: `requirements × ${mid.toFixed(3)}`,
        scale: mid,
      });
      const n = caseStats[ci]!.runs;
      byRuns.set(n, [...(byRuns.get(n) ?? []), { ci, x }]);
    }
    for (const [n, group] of byRuns) {
      progress.plan(n * group.length);
      const p0 = progress.done;
      const stats = await req.runner({ models: group.map((g) => g.x.model) }, seed, n, (d) =>
        progress.set(p0 + d * group.length),
      );
      progress.set(p0 + n * group.length);
      modelRuns += n * group.length;
      group.forEach((g, i) => refinedAt[g.ci]!.set(g.x.scale!, { x: g.x, st: stats[i]! }));
    }
    for (const t of open) {
      if (t.done) continue;
      const mid = bisectScale(t.lo, t.hi);
      const got = refinedAt[t.caseIndex]!.get(mid)!;
      const w = wilson(got.st.reached[3]!, got.st.runs);
      if (w.p <= t.goal) {
        t.hi = mid;
        t.best = { point: pointOf(got.x, got.st), sourced: got.x };
      } else t.lo = mid;
      if (!(w.lo > t.goal) && !(w.hi <= t.goal)) t.done = true;
    }
  }
  const refined: Sourced[][] = refinedAt.map((m) => [...m.values()].map((v) => v.x));
  const refinedStats: PartialStats[][] = refinedAt.map((m) => [...m.values()].map((v) => v.st));

  // Points, efficiency and answers per case.
  const inRunOrder: FrontierPoint[][] = [];
  const frontierCases: FrontierCase[] = cases.map((c, ci) => {
    const out = sourced[ci]!;
    const { stats, runs: caseRuns, unordered } = caseStats[ci]!;
    const raw = [
      ...out.map((x, i) =>
        pointOf(x, stats[i]!, i === 0 ? undefined : i < nScale ? out[i - 1]!.id : out[oneIndex]?.id),
      ),
      ...refined[ci]!.map((x, i) => pointOf(x, refinedStats[ci]![i]!)),
    ];
    const efficient = paretoEfficient(
      raw.map((p) => ({ costUsdPerYear: p.costUsdPerYear, risk: p.ceasefireFailed.p })),
    );
    // `all` keeps the order the jobs ran (scales, increments, pledged, options, refinements); the report
    // lists the scales with the refinements merged in, ascending, then the rest.
    const all: FrontierPoint[] = raw.map((p, i) => ({ ...p, efficient: efficient[i]! }));
    inRunOrder.push(all);
    const scaled = all.filter((p) => p.kind === 'none' || p.kind === 'scale' || p.kind === 'refine');
    const points = [
      ...[...scaled].sort((a, b) => a.scale! - b.scale!),
      ...all.filter((p) => !scaled.includes(p)),
    ];
    const scalePoints = all.slice(0, nScale);
    const lowest = scalePoints.reduce((a, p) => (p.ceasefireFailed.p < a.ceasefireFailed.p ? p : a));
    const answer = meetingGoal(scaled, target);
    return {
      id: c.id,
      label: c.label,
      own: c.own,
      backstop: c.backstop,
      runs: caseRuns,
      unordered,
      points,
      cheapest: {
        found: answer.point !== undefined,
        ...(answer.point === undefined ? {} : { point: answer.point }),
        confident: answer.point !== undefined && answer.point.ceasefireFailed.hi <= target,
        range: answer.range,
        lowest,
      },
    };
  });

  const backstopWorth: BackstopWorth[] = [];
  if (noneIndex >= 0 && oneIndex >= 0) {
    const without = frontierCases[noneIndex]!;
    const noneScaled = inRunOrder[noneIndex]!.filter(
      (p) => p.kind === 'none' || p.kind === 'scale' || p.kind === 'refine',
    );
    cases.forEach((_, ci) => {
      if (ci === noneIndex) return;
      const reference = inRunOrder[ci]![oneIndex]!;
      const { point: equivalent, range } = meetingGoal(noneScaled, reference.ceasefireFailed.p);
      backstopWorth.push({
        case: frontierCases[ci]!.id,
        without: without.id,
        reference,
        ...(equivalent === undefined ? {} : { equivalent }),
        range,
        extraPersonnel: equivalent === undefined ? null : equivalent.peakPersonnel - reference.peakPersonnel,
        extraCostUsdPerYear:
          equivalent === undefined ? null : equivalent.costUsdPerYear - reference.costUsdPerYear,
        lowestWithout: without.cheapest.lowest,
      });
    });
  }

  const missionValues: MissionValue[] = [];
  if (oneIndex >= 0)
    frontierCases.forEach((fc, ci) => {
      const ref = inRunOrder[ci]![oneIndex]!;
      for (const p of fc.points.filter((q) => q.kind === 'mission')) {
        const d = p.versus!.ceasefireFailed;
        const added = p.costUsdPerYear - ref.costUsdPerYear;
        missionValues.push({
          case: fc.id,
          mission: p.mission!,
          factor: p.scale!,
          addedPersonnel: p.peakPersonnel - ref.peakPersonnel,
          addedCostUsdPerYear: added,
          ceasefireFailed: d,
          pointsPerBillion: pointsPerBillion(d, added),
        });
      }
    });

  // Robustness: the scale family of the scenario's own case against adversaries pinned at three quantiles.
  let robustness: FrontierReport['robustness'] = null;
  if (req.robustness !== false) {
    const ri = Math.max(
      0,
      cases.findIndex((c) => c.own),
    );
    const family = sourced[ri]!.slice(0, nScale);
    const quantiles = [0.1, 0.5, 0.9] as const;
    const models: LadderParams[] = [];
    const pairedWith: number[] = [];
    const chains: number[][] = [];
    const values = quantiles.map((q) => parameterQuantile(family[0]!.model, P_RISK, q));
    values.forEach((v) => {
      const start = models.length;
      chains.push(family.map((_, i) => start + i));
      family.forEach((x, i) => {
        pairedWith.push(i === 0 ? start : start + i - 1);
        models.push(pinParameter(x.model, P_RISK, v));
      });
    });
    const r = await runAdaptive({ models, pairedWith }, chains, {
      seed,
      runs,
      maxRuns: runs,
      resolution,
      runner: req.runner,
      progress,
    });
    modelRuns += r.runs * models.length;
    robustness = {
      case: cases[ri]!.id,
      levels: quantiles.map((q, qi) => {
        const pts = family.map((x, i) => {
          const st = r.stats[qi * nScale + i]!;
          return {
            scale: x.scale!,
            costUsdPerYear: Math.round(x.costUsdPerYear),
            ceasefireFailed: wilson(st.reached[3]!, st.runs),
          };
        });
        const b = targetBracket(
          pts.map((p) => p.ceasefireFailed.p),
          target,
        );
        return {
          quantile: q,
          riskTolerance: Math.round(values[qi]! * 1e6) / 1e6,
          points: pts,
          cheapestScale: b.meets >= 0 ? pts[b.meets]!.scale : null,
        };
      }),
    };
  }

  const report: FrontierReport = {
    scenario: { id: base.meta.id, title: base.meta.title, hash: loaded.hash },
    variants,
    seed,
    ownBackstop: base.guarantor === undefined ? 'no guarantor' : base.guarantor.backstop.kind,
    target,
    from,
    resolution,
    scales,
    cases: frontierCases,
    backstopWorth,
    missions: missionValues,
    robustness,
  };
  return {
    report,
    work: { plans, modelRuns, planSeconds, simulateSeconds: (performance.now() - t1) / 1000 },
  };
}
