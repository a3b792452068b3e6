/**
 * Assurance as a pure pipeline around an injected runner: cases (scenario variants, each with the force to
 * simulate) → compiled models → a job run by whoever executes chunks (in-process or worker threads) →
 * merged counts → a result object of plain numbers, identical for any chunking of the runs.
 */
import type { Scenario } from '../scenario/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import type { ForceLayout } from './force-layout.js';
import { forceFromPledges } from './force-layout.js';
import { CONSTANT_FACTORS, constantLevers, type InertMeasure } from './constants.js';
import { compileLadder } from './compile-ladder.js';
import {
  P_CREDIBILITY,
  parameterQuantile,
  pinParameter,
  P_FATALITIES,
  resampleParameters,
  type LadderParams,
} from './ladder-params.js';
import type { Job } from './simulate.js';
import { runChunk } from './simulate.js';
import type { PartialStats } from './partial-stats.js';
import {
  CATEGORIES,
  emptyStats,
  fatalityBinLow,
  GUARANTOR_FIELDS,
  mergeChunks,
  mergeInto,
  OUTCOMES,
  SOBOL_MEASURES,
  type Outcome,
} from './partial-stats.js';
import {
  SOBOL_PRECISION,
  sobolEstimate,
  sobolLooks,
  sobolStops,
  sobolZ,
  type IndexInterval,
  type SobolPrecision,
  type SobolStop,
} from './sobol-precision.js';
import {
  familyZ,
  swingInterval,
  TORNADO_PRECISION,
  tornadoLooks,
  tornadoStops,
  type SwingInterval,
  type TornadoPrecision,
  type TornadoStop,
} from './tornado-precision.js';
import {
  eventProbabilityBy,
  histogramQuantile,
  kaplanMeier,
  pairedDifference,
  round6,
  wilson,
  type PairedDifference,
  type Proportion,
  type SurvivalCurve,
} from './estimators.js';

/** One thing to simulate: a scenario (variants already applied) and optionally the force (default: pledges). */
export interface AssuranceCase {
  readonly id: string;
  readonly label: string;
  readonly scenario: Scenario;
  readonly force?: ForceLayout;
}

/**
 * Executes a job over runs [first, first + runs) (first defaults to 0) and returns one merged
 * `PartialStats` per model. Implementations: `runJobInline` here, the thread pool in adapters/threads, the
 * queue producer in adapters/queue. Must merge chunks in run order. Because each run's draws depend only on
 * (seed, run index), [0, a) merged with [a, b) equals [0, b): runs can be added to a job later.
 */
export type JobRunner = (
  job: Job,
  seed: number,
  runs: number,
  onProgress?: (doneRuns: number) => void,
  first?: number,
) => Promise<PartialStats[]>;

/** Runs a job in this thread over [first, first + runs), in chunks of `chunkRuns`, merged in order. */
export function runJobInline(
  job: Job,
  seed: number,
  runs: number,
  chunkRuns = 10_000,
  first = 0,
): PartialStats[] {
  const chunks: PartialStats[][] = [];
  const end = first + runs;
  for (let from = first; from < end; from += chunkRuns)
    chunks.push(runChunk(job, seed, from, Math.min(end, from + chunkRuns)));
  return mergeChunks(job.models, chunks);
}

/** The in-process runner as a `JobRunner`. */
export const inlineRunner: JobRunner = (job, seed, runs, onProgress, first = 0) => {
  const out = runJobInline(job, seed, runs, 10_000, first);
  onProgress?.(runs);
  return Promise.resolve(out);
};

export interface AssuranceOptions {
  readonly runs: number;
  readonly seed: number;
  /**
   * Runs per tornado row at most (0: no tornado). Rows stop earlier once their swing is ranked
   * (`tornado-precision.ts`).
   */
  readonly tornadoRuns: number;
  /** Runs every tornado row gets before it may stop (default 1,000; `tornadoRuns` for a fixed size). */
  readonly tornadoMinRuns?: number;
  /** A row stops once its half-width is at most this share of the largest swing (default 0.02). */
  readonly tornadoRelativeHalfWidth?: number;
  /** Tornado probabilities at which each parameter is pinned (default 0.1 and 0.9). */
  readonly tornadoLow?: number;
  readonly tornadoHigh?: number;
  /**
   * Runs per parameter at most for variance-based (Sobol) indices of the per-run parameters (default 0:
   * none). Parameters stop earlier once their indices are known (`sobol-precision.ts`).
   */
  readonly sobolRuns?: number;
  /** Runs every Sobol parameter gets before it may stop (default 1,000; `sobolRuns` for a fixed size). */
  readonly sobolMinRuns?: number;
  /** A Sobol parameter stops once both its failure indices have at most this half-width (default 0.02). */
  readonly sobolHalfWidth?: number;
}

export interface PreparedAssurance {
  readonly cases: readonly { readonly id: string; readonly label: string; readonly model: LadderParams }[];
  readonly job: Job;
  /** Base model of the first case (null: no tornado). */
  readonly tornadoBase: LadderParams | null;
  /** Per tornado row, the model with its parameter low and high (the order of `tornadoSides`). */
  readonly tornadoPairs: readonly (readonly [LadderParams, LadderParams])[];
  readonly tornadoSides: readonly TornadoSideSpec[];
  /** Saltelli's A (the first case), B, then A_B^(i) for each parameter in `sobolParameters`. */
  readonly sobolJob: Job | null;
  readonly sobolParameters: readonly number[];
  readonly options: Required<AssuranceOptions>;
}

/** One tornado row to run: a per-run draw pinned at two quantiles, or an assumed constant at ×0.5 / ×1.5. */
export interface TornadoSideSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: 'draw' | 'constant';
  readonly low: number;
  readonly high: number;
  /** Measures the parameter cannot move by construction. */
  readonly inert: readonly InertMeasure[];
}

/** Compiles the cases. Fails (as a value) when a scenario has no adversary to simulate. */
export function prepareAssurance(
  cases: readonly AssuranceCase[],
  options: AssuranceOptions,
): Result<PreparedAssurance> {
  const opts: Required<AssuranceOptions> = {
    tornadoLow: 0.1,
    tornadoHigh: 0.9,
    sobolRuns: 0,
    sobolMinRuns: SOBOL_PRECISION.minRuns,
    sobolHalfWidth: SOBOL_PRECISION.halfWidth,
    tornadoMinRuns: TORNADO_PRECISION.minRuns,
    tornadoRelativeHalfWidth: TORNADO_PRECISION.relativeHalfWidth,
    ...options,
  };
  const missing = cases.find((c) => c.scenario.adversary === undefined);
  if (missing !== undefined)
    return fail([
      issue(
        'assurance.no-adversary',
        ['adversary'],
        `"${missing.id}" has no adversary block: nothing to simulate`,
      ),
    ]);
  const compiled = cases.map((c) => ({
    id: c.id,
    label: c.label,
    model: compileLadder(c.scenario, { force: c.force ?? forceFromPledges(c.scenario) }),
  }));
  const job: Job = { models: compiled.map((c) => c.model) };
  const base = compiled[0]?.model;
  let tornadoBase: LadderParams | null = null;
  const pairs: [LadderParams, LadderParams][] = [];
  const sides: TornadoSideSpec[] = [];
  const first = cases[0];
  if (base !== undefined && first !== undefined && opts.tornadoRuns > 0) {
    // The per-attack draw acts only once the force is attacked, and credibility, when the commitment shows
    // nothing before a trigger, only at decisions after an attack (docs/model.md §10).
    const afterAttack: readonly InertMeasure[] = ['ceasefireFailed', 'tripwireTested'];
    base.parameters.forEach((p, i) => {
      if (!p.uncertain) return;
      const low = parameterQuantile(base, i, opts.tornadoLow);
      const high = parameterQuantile(base, i, opts.tornadoHigh);
      pairs.push([pinParameter(base, i, low), pinParameter(base, i, high)]);
      const inert =
        i === P_FATALITIES || (i === P_CREDIBILITY && base.visibility === 0 && base.trigger === 0)
          ? afterAttack
          : [];
      sides.push({ key: p.key, label: p.label, kind: 'draw', low, high, inert });
    });
    const force = first.force ?? forceFromPledges(first.scenario);
    for (const lever of constantLevers(first.scenario, force)) {
      const [lo, hi] = CONSTANT_FACTORS.map((x) => {
        const at = lever.at(x);
        return compileLadder(at.scenario, { force: at.force });
      });
      pairs.push([lo!, hi!]);
      sides.push({
        key: lever.key,
        label: lever.label,
        kind: 'constant',
        low: lever.low,
        high: lever.high,
        inert: lever.inert,
      });
    }
    if (sides.length > 0) tornadoBase = base;
  }
  // Sobol: the per-run parameters only (attack fatalities are drawn per attack, from the event stream).
  let sobolJob: Job | null = null;
  const sobolParameters: number[] = [];
  if (base !== undefined && opts.sobolRuns > 0) {
    base.parameters.forEach((p, i) => {
      if (p.uncertain && i !== P_FATALITIES) sobolParameters.push(i);
    });
    if (sobolParameters.length > 0)
      sobolJob = {
        models: [
          base,
          resampleParameters(base, sobolParameters),
          ...sobolParameters.map((i) => resampleParameters(base, [i])),
        ],
      };
  }
  return ok({
    cases: compiled,
    job,
    tornadoBase,
    tornadoPairs: pairs,
    tornadoSides: sides,
    sobolJob,
    sobolParameters,
    options: opts,
  });
}

export interface FatalityQuantiles {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
}

export interface CaseResult {
  readonly id: string;
  readonly label: string;
  readonly runs: number;
  readonly force: { readonly nations: readonly string[]; readonly peakPersonnel: number };
  /** Outcome at the horizon (mutually exclusive, sum to runs). */
  readonly outcomes: Record<Outcome, Proportion>;
  /** Reached level ≥ 2 (minor failure), ≥ 3 (ceasefire failed), ≥ 4 (tripwire tested), 6 (wider war). */
  readonly minorFailure: Proportion;
  readonly ceasefireFailed: Proportion;
  readonly tripwireTested: Proportion;
  readonly widerWar: Proportion;
  /** Probability of each level at the horizon. */
  readonly finalLevel: readonly number[];
  readonly survival: { readonly ceasefire: SurvivalCurve; readonly tripwire: SurvivalCurve };
  readonly fatalities: FatalityQuantiles & { readonly anyFatalities: Proportion };
  readonly withdrawals: {
    readonly nationsP50: number | null;
    readonly nationsP90: number | null;
    readonly anyWithdrawal: Proportion;
    readonly byNation: Readonly<Record<string, Proportion>>;
  };
  readonly guarantor: Readonly<Record<(typeof GUARANTOR_FIELDS)[number], number>>;
}

export interface ComparisonRow {
  readonly id: string;
  readonly baseline: string;
  /** Differences of probabilities against the baseline (first case), on the same runs. */
  readonly ceasefireFailed: PairedDifference;
  readonly outcomes: Record<Outcome, PairedDifference>;
}

export interface TornadoRow {
  readonly key: string;
  readonly label: string;
  /** A per-run draw pinned at its quantiles, or an assumed constant moved to ×0.5 and ×1.5. */
  readonly kind: 'draw' | 'constant';
  /** Measures this parameter cannot move by construction (its swing there is noise-free zero). */
  readonly inert: readonly InertMeasure[];
  /** Parameter values at the low and high probabilities. */
  readonly lowValue: number;
  readonly highValue: number;
  /** Probabilities with the parameter pinned low / high: ceasefire failed, tripwire tested, wider war, collapse. */
  readonly low: TornadoSide;
  readonly high: TornadoSide;
  /** |high − low| of the ceasefire-failure probability: the ranking key. */
  readonly swing: number;
  /** |high − low| of every reported probability (parameters acting after an attack move these, not failure). */
  readonly swings: TornadoSide;
  /** Runs this row was simulated on (both sides on the same runs): sized by precision. */
  readonly runs: number;
  /** Why the row stopped at `runs` (tornado-precision.ts). */
  readonly stop: TornadoStop;
  /**
   * Interval of the failure swing, simultaneous over every row and look at `rule.familyError` ([0, 0] for a
   * row that cannot move failure by construction).
   */
  readonly swingLo: number;
  readonly swingHi: number;
}

export interface TornadoSide {
  readonly ceasefireFailed: number;
  readonly tripwireTested: number;
  readonly widerWar: number;
  readonly coalitionCollapse: number;
}

/** Sobol indices of one parameter for three measures (null when the measure has no variance). */
export interface SobolRow {
  readonly key: string;
  readonly label: string;
  /** First-order index S_i: share of the measure's variance due to this parameter alone. */
  readonly first: SobolMeasures;
  /** Total-order index S_Ti: share due to it including all its interactions. */
  readonly total: SobolMeasures;
  /**
   * Intervals of the indices, simultaneous over every index of every row and measure at every look at
   * `rule.familyError` (delta method; clipped to [0, 1]).
   */
  readonly firstLo: SobolMeasures;
  readonly firstHi: SobolMeasures;
  readonly totalLo: SobolMeasures;
  readonly totalHi: SobolMeasures;
  /** Runs of this parameter's A_B^(i) matrix (A and B on the same runs): sized by precision. */
  readonly runs: number;
  /** Why it stopped at `runs` (sobol-precision.ts). */
  readonly stop: SobolStop;
}

export interface SobolMeasures {
  readonly ceasefireFailed: number | null;
  readonly widerWar: number | null;
  readonly coalitionCollapse: number | null;
}

/** What the Sobol analysis cost and how its parameters stopped. */
export interface SobolResult {
  /** Runs of A and B (the most any parameter had). */
  readonly runs: number;
  /** Model-runs spent: A and B on `runs`, each A_B^(i) on its own runs. */
  readonly modelRuns: number;
  /** What every parameter at the cap would have cost (the fixed size). */
  readonly fixedModelRuns: number;
  readonly rule: SobolPrecision & { readonly z: number };
  /** Parameters by why they stopped. */
  readonly stops: Readonly<Record<SobolStop, number>>;
  readonly rows: readonly SobolRow[];
}

export interface AssuranceResult {
  readonly seed: number;
  readonly runs: number;
  readonly horizonDays: number;
  readonly cases: readonly CaseResult[];
  readonly comparisons: readonly ComparisonRow[];
  readonly tornado: {
    /** Runs of the base case (the most any row had). */
    readonly runs: number;
    /** Model-runs spent: the base and both sides of every row, each on its own runs. */
    readonly modelRuns: number;
    /** What every row at the cap would have cost (the fixed size before rows were sized by precision). */
    readonly fixedModelRuns: number;
    /** The sizing rule and the normal quantile of its intervals. */
    readonly rule: TornadoPrecision & { readonly z: number };
    /** Rows by why they stopped. */
    readonly stops: Readonly<Record<TornadoStop, number>>;
    readonly lowProbability: number;
    readonly highProbability: number;
    readonly base: TornadoSide;
    readonly rows: readonly TornadoRow[];
  } | null;
  /** Variance-based sensitivity (absent unless `sobolRuns` > 0). */
  readonly sobol?: SobolResult | null;
}

/** The headline measures of a model's runs: the rungs reached, each with its 95% Wilson interval. */
export function headlineMeasures(
  s: PartialStats,
  levels: number,
): Pick<CaseResult, 'minorFailure' | 'ceasefireFailed' | 'tripwireTested' | 'widerWar'> {
  const n = s.runs;
  return {
    minorFailure: wilson(s.reached[2]!, n),
    ceasefireFailed: wilson(s.reached[3]!, n),
    tripwireTested: wilson(s.reached[4]!, n),
    widerWar: wilson(s.reached[levels - 1]!, n),
  };
}

function summariseCase(id: string, label: string, m: LadderParams, s: PartialStats): CaseResult {
  const n = s.runs;
  const T = m.horizonDays;
  const outcomes = Object.fromEntries(OUTCOMES.map((o, i) => [o, wilson(s.outcomes[i]!, n)])) as Record<
    Outcome,
    Proportion
  >;
  let peak = 0;
  for (let k = 0; k < m.nations; k++) peak += m.weight[k]!;
  const byNation: Record<string, Proportion> = {};
  m.nationIds.forEach((nid, k) => (byNation[nid] = wilson(s.withdrawnBy[k]!, n)));
  const guarantor = Object.fromEntries(GUARANTOR_FIELDS.map((f, i) => [f, s.guarantor[i]!])) as Record<
    (typeof GUARANTOR_FIELDS)[number],
    number
  >;
  return {
    id,
    label,
    runs: n,
    force: { nations: m.nationIds, peakPersonnel: peak },
    outcomes,
    ...headlineMeasures(s, m.levels),
    finalLevel: Array.from(s.finalLevel, (c) => round6(n > 0 ? c / n : 0)),
    survival: { ceasefire: kaplanMeier(s.firstFailure, T), tripwire: kaplanMeier(s.firstTripwire, T) },
    fatalities: {
      p50: histogramQuantile(s.fatalities, 0.5, fatalityBinLow),
      p90: histogramQuantile(s.fatalities, 0.9, fatalityBinLow),
      p99: histogramQuantile(s.fatalities, 0.99, fatalityBinLow),
      anyFatalities: wilson(n - s.fatalities[0]!, n),
    },
    withdrawals: {
      nationsP50: histogramQuantile(s.withdrawals, 0.5),
      nationsP90: histogramQuantile(s.withdrawals, 0.9),
      anyWithdrawal: wilson(n - s.withdrawals[0]!, n),
      byNation,
    },
    guarantor,
  };
}

/**
 * The paired difference in P(ceasefire fails) of a model against the model its joint table pairs it with
 * (model 0 of the job, or its `pairedWith` entry): this model's minus that one's, on the same runs.
 */
export function pairedFailureDifference(s: PartialStats): PairedDifference {
  const C = CATEGORIES;
  let onlyThis = 0;
  let onlyOther = 0;
  for (let a = 0; a < C; a++)
    for (let b = 0; b < C; b++) {
      const k = s.joint[a * C + b]!;
      if (b % 2 === 1 && a % 2 === 0) onlyThis += k;
      if (a % 2 === 1 && b % 2 === 0) onlyOther += k;
    }
  return pairedDifference(onlyThis, onlyOther, s.runs);
}

/** Paired differences of case v against case 0 from the joint category table of case v. */
function compare(id: string, baseline: string, s: PartialStats): ComparisonRow {
  const n = s.runs;
  const C = CATEGORIES;
  const at = (c0: number, c: number): number => s.joint[c0 * C + c]!;
  const outcomes = Object.fromEntries(
    OUTCOMES.map((o, oi) => {
      let onlyV = 0;
      let onlyB = 0;
      for (let a = 0; a < C; a++)
        for (let b = 0; b < C; b++) {
          const inB = a >> 1 === oi;
          const inV = b >> 1 === oi;
          if (inV && !inB) onlyV += at(a, b);
          if (inB && !inV) onlyB += at(a, b);
        }
      return [o, pairedDifference(onlyV, onlyB, n)];
    }),
  ) as Record<Outcome, PairedDifference>;
  return { id, baseline, ceasefireFailed: pairedFailureDifference(s), outcomes };
}

const side = (s: PartialStats, levels: number): TornadoSide => ({
  ceasefireFailed: round6(s.reached[3]! / s.runs),
  tripwireTested: round6(s.reached[4]! / s.runs),
  widerWar: round6(s.reached[levels - 1]! / s.runs),
  coalitionCollapse: round6(s.outcomes[OUTCOMES.indexOf('coalitionCollapse')]! / s.runs),
});

/** What `runTornado` measured: the base, and each row's two sides on its own runs (order of `tornadoSides`). */
export interface TornadoStats {
  readonly base: PartialStats;
  readonly rows: readonly {
    readonly low: PartialStats;
    readonly high: PartialStats;
    readonly stop: TornadoStop;
    readonly interval: SwingInterval | null;
  }[];
  readonly rule: TornadoPrecision & { readonly z: number };
}

/** The failure swing's interval of a row from its high side's joint table (paired with its low side). */
function rowInterval(high: PartialStats, z: number): SwingInterval {
  const d = pairedFailureDifference(high);
  return swingInterval(d.onlyVariant, d.onlyBaseline, high.runs, z);
}

/**
 * Runs the tornado in batches at the fixed looks of `tornadoLooks`: each batch simulates the base and the
 * rows still running on the next runs (one lockstep job, each high side paired with its low side), then
 * `tornadoStops` decides which rows stop. Decisions depend only on merged counts at the looks, so the
 * result is the same for any runner. `onProgress(done, total)` in model-runs; the total is the most the
 * tornado can still cost, and falls as rows stop.
 */
export async function runTornado(
  prepared: PreparedAssurance,
  runner: JobRunner,
  onProgress?: (done: number, total: number, settled: number) => void,
): Promise<TornadoStats | null> {
  const base = prepared.tornadoBase;
  const o = prepared.options;
  if (base === null || o.tornadoRuns <= 0) return null;
  const pairs = prepared.tornadoPairs;
  const exact = prepared.tornadoSides.map((t) => t.inert.includes('ceasefireFailed'));
  const precision: TornadoPrecision = {
    minRuns: Math.min(o.tornadoMinRuns, o.tornadoRuns),
    maxRuns: o.tornadoRuns,
    relativeHalfWidth: o.tornadoRelativeHalfWidth,
    familyError: TORNADO_PRECISION.familyError,
  };
  const looks = tornadoLooks(precision);
  const z = familyZ(exact.filter((e) => !e).length, looks.length, precision.familyError);
  const baseStats = emptyStats(base);
  const rows = pairs.map(([lo, hi]) => ({
    low: emptyStats(lo),
    high: emptyStats(hi),
    stop: null as TornadoStop | null,
    interval: null as SwingInterval | null,
  }));
  let done = 0;
  let spent = 0;
  for (const n of looks) {
    const active = rows.flatMap((r, j) => (r.stop === null ? [j] : []));
    if (active.length === 0) break;
    const models = [base, ...active.flatMap((j) => pairs[j]!)];
    const pairedWith = [0, ...active.flatMap((_, i) => [1 + 2 * i, 1 + 2 * i])];
    const add = n - done;
    const total = spent + (o.tornadoRuns - done) * models.length;
    const settled = rows.length - active.length;
    const part = await runner(
      { models, pairedWith },
      o.seed,
      add,
      (d) => onProgress?.(spent + d * models.length, total, settled),
      done,
    );
    mergeInto(baseStats, part[0]!);
    active.forEach((j, i) => {
      const r = rows[j]!;
      mergeInto(r.low, part[1 + 2 * i]!);
      mergeInto(r.high, part[2 + 2 * i]!);
      r.interval = exact[j] === true ? null : rowInterval(r.high, z);
    });
    spent += add * models.length;
    done = n;
    const stops = tornadoStops(
      rows.map((r) => ({ interval: r.interval, running: r.stop === null, runs: r.low.runs })),
      precision,
    );
    stops.forEach((s, j) => {
      if (s !== null) rows[j]!.stop = s;
    });
  }
  onProgress?.(spent, spent, rows.length);
  return {
    base: baseStats,
    rows: rows.map((r) => ({ low: r.low, high: r.high, stop: r.stop ?? 'cap', interval: r.interval })),
    rule: { ...precision, z },
  };
}

/** What `runSobol` measured: A and B, and each parameter's A_B^(i) on its own runs (order of `sobolParameters`). */
export interface SobolStats {
  readonly a: PartialStats;
  readonly b: PartialStats;
  readonly rows: readonly { readonly stats: PartialStats; readonly stop: SobolStop }[];
  readonly rule: SobolPrecision & { readonly z: number };
}

/** Count of each stop reason among `stops`, every reason present (zero when none stopped for it). */
function stopCounts<S extends string>(reasons: readonly S[], stops: readonly S[]): Record<S, number> {
  const out = Object.fromEntries(reasons.map((r) => [r, 0])) as Record<S, number>;
  for (const s of stops) out[s] += 1;
  return out;
}

/** Failure indices of a parameter's A_B^(i) from its triple counts (measure 0: ceasefire failed). */
const sobolOf = (s: PartialStats, m: number, z: number) =>
  sobolEstimate(s.triple.subarray(m * 8, m * 8 + 8), z);

/**
 * Runs Saltelli's design [A, B, A_B^(i) …] in batches at the fixed looks of `sobolLooks` (the tornado's):
 * each batch simulates A, B and the A_B^(i) of the parameters still running on the next runs, then
 * `sobolStops` decides which stop. Decisions depend only on merged counts at the looks, so the result is
 * the same for any runner. `onProgress(done, total, settled)` in model-runs; the total is the most the
 * analysis can still cost and falls as parameters stop.
 */
export async function runSobol(
  prepared: PreparedAssurance,
  runner: JobRunner,
  onProgress?: (done: number, total: number, settled: number) => void,
): Promise<SobolStats | null> {
  const job = prepared.sobolJob;
  const o = prepared.options;
  if (job === null || o.sobolRuns <= 0) return null;
  const [A, B, ...mixed] = job.models;
  if (A === undefined || B === undefined) return null;
  const precision: SobolPrecision = {
    minRuns: Math.min(o.sobolMinRuns, o.sobolRuns),
    maxRuns: o.sobolRuns,
    halfWidth: o.sobolHalfWidth,
    familyError: SOBOL_PRECISION.familyError,
  };
  const looks = sobolLooks(precision);
  // Every reported interval: first and total, each measure, each parameter, at every look.
  const z = sobolZ(mixed.length * 2 * SOBOL_MEASURES.length, looks.length, precision.familyError);
  const a = emptyStats(A);
  const b = emptyStats(B);
  const rows = mixed.map((m) => ({ stats: emptyStats(m), stop: null as SobolStop | null }));
  let done = 0;
  let spent = 0;
  for (const n of looks) {
    const active = rows.flatMap((r, j) => (r.stop === null ? [j] : []));
    if (active.length === 0) break;
    const models = [A, B, ...active.map((j) => mixed[j]!)];
    const add = n - done;
    const total = spent + (o.sobolRuns - done) * models.length;
    const settled = rows.length - active.length;
    const part = await runner(
      { models },
      o.seed,
      add,
      (d) => onProgress?.(spent + d * models.length, total, settled),
      done,
    );
    mergeInto(a, part[0]!);
    mergeInto(b, part[1]!);
    active.forEach((j, i) => mergeInto(rows[j]!.stats, part[2 + i]!));
    spent += add * models.length;
    done = n;
    const stops = sobolStops(
      rows.map((r) => {
        const f = sobolOf(r.stats, 0, z);
        return { failure: f, running: r.stop === null, runs: r.stats.runs };
      }),
      precision,
    );
    stops.forEach((s, j) => {
      if (s !== null) rows[j]!.stop = s;
    });
  }
  onProgress?.(spent, spent, rows.length);
  return {
    a,
    b,
    rows: rows.map((r) => ({ stats: r.stats, stop: r.stop ?? 'cap' })),
    rule: { ...precision, z },
  };
}

/**
 * Sobol indices with their intervals from each parameter's triple counts (sobol-precision.ts): for a binary
 * measure f with V = p(1 − p) over A and B, S_i = (Σ f_B f_ABi − Σ f_B f_A) / (n V) (Saltelli et al. 2010)
 * and S_Ti = Σ (f_A − f_ABi)² / (2 n V) (Jansen 1999), on the parameter's own n runs.
 */
function summariseSobol(prepared: PreparedAssurance, sobol: SobolStats): SobolResult | null {
  const base = prepared.cases[0]?.model;
  if (base === undefined) return null;
  const z = sobol.rule.z;
  const rows = prepared.sobolParameters.map((index, j): SobolRow => {
    const r = sobol.rows[j]!;
    const parts = {
      first: {} as Record<string, number | null>,
      total: {} as Record<string, number | null>,
      firstLo: {} as Record<string, number | null>,
      firstHi: {} as Record<string, number | null>,
      totalLo: {} as Record<string, number | null>,
      totalHi: {} as Record<string, number | null>,
    };
    SOBOL_MEASURES.forEach((name, m) => {
      const e = sobolOf(r.stats, m, z);
      const put = (k: keyof typeof parts, x: IndexInterval | undefined, f: (x: IndexInterval) => number) =>
        (parts[k][name] = x === undefined ? null : round6(f(x)));
      put('first', e?.first, (x) => x.value);
      put('firstLo', e?.first, (x) => x.lo);
      put('firstHi', e?.first, (x) => x.hi);
      put('total', e?.total, (x) => x.value);
      put('totalLo', e?.total, (x) => x.lo);
      put('totalHi', e?.total, (x) => x.hi);
    });
    const p = base.parameters[index]!;
    const m = (k: keyof typeof parts): SobolMeasures => parts[k] as unknown as SobolMeasures;
    return {
      key: p.key,
      label: p.label,
      first: m('first'),
      total: m('total'),
      firstLo: m('firstLo'),
      firstHi: m('firstHi'),
      totalLo: m('totalLo'),
      totalHi: m('totalHi'),
      runs: r.stats.runs,
      stop: r.stop,
    };
  });
  const K = sobol.rows.length;
  return {
    runs: sobol.a.runs,
    modelRuns: sobol.a.runs + sobol.b.runs + sobol.rows.reduce((s, r) => s + r.stats.runs, 0),
    fixedModelRuns: (2 + K) * prepared.options.sobolRuns,
    rule: sobol.rule,
    stops: stopCounts<SobolStop>(
      ['precise', 'cap'],
      sobol.rows.map((r) => r.stop),
    ),
    rows,
  };
}

export function summariseAssurance(
  prepared: PreparedAssurance,
  stats: readonly PartialStats[],
  tornado: TornadoStats | null,
  sobol: SobolStats | null = null,
): AssuranceResult {
  const cases = prepared.cases.map((c, i) => summariseCase(c.id, c.label, c.model, stats[i]!));
  const first = prepared.cases[0];
  const comparisons =
    first === undefined ? [] : prepared.cases.slice(1).map((c, i) => compare(c.id, first.id, stats[i + 1]!));
  let tornadoOut: AssuranceResult['tornado'] = null;
  if (first !== undefined && prepared.tornadoBase !== null && tornado !== null) {
    const L = first.model.levels;
    const rows: TornadoRow[] = prepared.tornadoSides.map((t, j) => {
      const measured = tornado.rows[j]!;
      const low = side(measured.low, L);
      const high = side(measured.high, L);
      return {
        key: t.key,
        label: t.label,
        kind: t.kind,
        inert: t.inert,
        lowValue: round6(t.low),
        highValue: round6(t.high),
        low,
        high,
        swing: round6(Math.abs(high.ceasefireFailed - low.ceasefireFailed)),
        swings: {
          ceasefireFailed: round6(Math.abs(high.ceasefireFailed - low.ceasefireFailed)),
          tripwireTested: round6(Math.abs(high.tripwireTested - low.tripwireTested)),
          widerWar: round6(Math.abs(high.widerWar - low.widerWar)),
          coalitionCollapse: round6(Math.abs(high.coalitionCollapse - low.coalitionCollapse)),
        },
        runs: measured.low.runs,
        stop: measured.stop,
        swingLo: round6(measured.interval?.lo ?? 0),
        swingHi: round6(measured.interval?.hi ?? 0),
      };
    });
    // Ranked by the failure swing; ties (parameters that act only after an attack) by their other swings.
    const rest = (r: TornadoRow): number =>
      r.swings.tripwireTested + r.swings.widerWar + r.swings.coalitionCollapse;
    rows.sort((a, b) => b.swing - a.swing || rest(b) - rest(a) || a.key.localeCompare(b.key));
    const R = tornado.rows.length;
    tornadoOut = {
      runs: tornado.base.runs,
      modelRuns: tornado.base.runs + tornado.rows.reduce((a, r) => a + r.low.runs + r.high.runs, 0),
      fixedModelRuns: (1 + 2 * R) * prepared.options.tornadoRuns,
      rule: tornado.rule,
      stops: stopCounts<TornadoStop>(
        ['separated', 'precise', 'exact', 'cap'],
        tornado.rows.map((r) => r.stop),
      ),
      lowProbability: prepared.options.tornadoLow,
      highProbability: prepared.options.tornadoHigh,
      base: side(tornado.base, L),
      rows,
    };
  }
  return {
    seed: prepared.options.seed,
    runs: prepared.options.runs,
    horizonDays: first?.model.horizonDays ?? 0,
    cases,
    comparisons,
    tornado: tornadoOut,
    ...(prepared.sobolJob === null || sobol === null ? {} : { sobol: summariseSobol(prepared, sobol) }),
  };
}

/**
 * Which part of an assurance is running, for progress: the cases, the tornado (rows settled), Sobol
 * (parameters settled).
 */
export interface AssurancePhase {
  readonly name: 'cases' | 'tornado' | 'sobol';
  /** Tornado rows (Sobol parameters) stopped so far, of `rows`. */
  readonly settled?: number;
  readonly rows?: number;
  /** Model-runs this phase has spent so far, and the most it could have cost (every row at its cap). */
  readonly spent?: number;
  readonly cap?: number;
}

/**
 * Prepares, runs (cases, then the tornado, then Sobol) and summarises. Progress is in model-runs (runs ×
 * models of each job); the total is the most the rest can cost and falls as tornado rows stop.
 */
export async function runAssurance(
  cases: readonly AssuranceCase[],
  options: AssuranceOptions,
  runner: JobRunner,
  onProgress?: (done: number, total: number, phase: AssurancePhase) => void,
): Promise<Result<AssuranceResult>> {
  const prepared = prepareAssurance(cases, options);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const R = p.tornadoPairs.length;
  const tornadoCap = p.tornadoBase === null ? 0 : options.tornadoRuns * (1 + 2 * R);
  const sobolCap = p.sobolJob === null ? 0 : p.options.sobolRuns * p.sobolJob.models.length;
  const main = options.runs * p.job.models.length;
  const cost = (j: Job): number => j.models.length;
  const stats = await runner(p.job, options.seed, options.runs, (d) =>
    onProgress?.(d * cost(p.job), main + tornadoCap + sobolCap, { name: 'cases' }),
  );
  const tornado = await runTornado(p, runner, (d, total, settled) =>
    onProgress?.(main + d, main + total + sobolCap, {
      name: 'tornado',
      settled,
      rows: R,
      spent: d,
      cap: tornadoCap,
    }),
  );
  const tornadoSpent =
    tornado === null ? 0 : tornado.base.runs + tornado.rows.reduce((a, r) => a + r.low.runs + r.high.runs, 0);
  const K = p.sobolParameters.length;
  const sobol = await runSobol(p, runner, (d, total, settled) =>
    onProgress?.(main + tornadoSpent + d, main + tornadoSpent + total, {
      name: 'sobol',
      settled,
      rows: K,
      spent: d,
      cap: sobolCap,
    }),
  );
  return ok(summariseAssurance(p, stats, tornado, sobol));
}

export { eventProbabilityBy };
