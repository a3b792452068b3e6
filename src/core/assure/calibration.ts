/**
 * Calibration against the outside view (DESIGN.md §6, FACTS.md "Ceasefire durability and escalation").
 * Two cases on the same runs: the scenario with no force and no guarantor (the adversary, the ladder and the
 * host alone), and the scenario's pledged force with no guarantor ("peacekeeping-like presence"). The model's
 * figures are set beside the scenario's `assurance.calibration` references.
 */
import type { Scenario } from '../scenario/index.js';
import { fail, issue, ok, type Result } from '../shared/index.js';
import { emptyForce, forceFromPledges } from './force-layout.js';
import { compileLadder } from './compile-ladder.js';
import type { JobRunner } from './assure.js';
import { eventProbabilityBy, histogramQuantile, round6, wilson, type Proportion } from './estimators.js';

export interface CalibrationRow {
  /** Stable id of the measure. */
  readonly measure:
    'failure-probability' | 'minor-failure-early' | 'major-failure-timing' | 'peacekeeper-effect';
  readonly description: string;
  /** The model's figure (and its interval where it has one). */
  readonly model: number;
  readonly modelLo?: number;
  readonly modelHi?: number;
  /** The reference: a target value or a range. */
  readonly referenceLow: number;
  readonly referenceHigh: number;
  /** True when the model's figure lies in the reference range. */
  readonly within: boolean;
  /** The reference class: the scenario source the reference comes from. */
  readonly reference: ReferenceClass;
}

/** A scenario source named as a reference class (meta.sources id, its kind and citation). */
export interface ReferenceClass {
  readonly sourceId: string | null;
  readonly kind: string | null;
  readonly citation: string | null;
}

/** One rung of the ladder beside the reference class its rates come from. */
export interface LadderAnchor {
  readonly level: number;
  readonly name: string;
  /** Probability the step goes up rather than down at zero net incentive: up / (up + down). */
  readonly escalationAtZero: number | null;
  /** Mean days at the level before any move (1 / (up + down)), null when absorbing. */
  readonly meanDays: number | null;
  readonly reference: ReferenceClass;
}

export interface CalibrationResult {
  readonly seed: number;
  readonly runs: number;
  readonly horizonDays: number;
  readonly noForce: {
    readonly failure: Proportion;
    readonly minorByDays: number;
    readonly failureDayQuartiles: readonly (number | null)[];
  };
  readonly withForce: { readonly failure: Proportion; readonly personnel: number };
  /** 1 − P(fail | force) / P(fail | no force), and the ratio of cumulative hazards −ln S. */
  readonly riskReduction: number;
  readonly hazardRatio: number;
  readonly rows: readonly CalibrationRow[];
  readonly ladder: readonly LadderAnchor[];
}

function referenceOf(s: Scenario, ref: unknown, field: string): ReferenceClass {
  const id =
    typeof ref === 'string'
      ? ref
      : ref !== null && typeof ref === 'object'
        ? ((ref as Record<string, string>)[field] ?? (ref as Record<string, string>)['*'])
        : undefined;
  const src = id === undefined ? undefined : s.meta.sources[id];
  return { sourceId: id ?? null, kind: src?.kind ?? null, citation: src?.citation ?? null };
}

/** Scenario without a guarantor's backstop, simulated up to `days`. */
function withoutGuarantor(s: Scenario, days: number): Scenario {
  return {
    ...s,
    guarantor:
      s.guarantor === undefined
        ? undefined
        : { ...s.guarantor, backstop: { ...s.guarantor.backstop, kind: 'none' } },
    assurance: { ...s.assurance, horizonDays: days },
  };
}

export async function calibrate(
  s: Scenario,
  runs: number,
  seed: number,
  runner: JobRunner,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<CalibrationResult>> {
  const ref = s.assurance.calibration;
  if (s.adversary === undefined)
    return fail([
      issue(
        'assurance.no-adversary',
        ['adversary'],
        'the scenario has no adversary block: nothing to simulate',
      ),
    ]);
  if (ref === undefined)
    return fail([
      issue(
        'calibration.missing',
        ['assurance', 'calibration'],
        'the scenario has no assurance.calibration references',
      ),
    ]);
  const days = Math.max(s.assurance.horizonDays, ref.horizonDays);
  const bare = withoutGuarantor(s, days);
  const none = compileLadder(bare, { force: emptyForce(bare) });
  const force = forceFromPledges(bare);
  const withF = compileLadder(bare, { force });
  const [a, b] = await runner({ models: [none, withF] }, seed, runs, (d) => onProgress?.(d, runs));
  if (a === undefined || b === undefined) throw new Error('calibrate: runner returned too few results');
  const pNone = eventProbabilityBy(a.firstFailure, ref.horizonDays);
  const pForce = eventProbabilityBy(b.firstFailure, ref.horizonDays);
  const kNone = Math.round(pNone * runs);
  const kForce = Math.round(pForce * runs);
  const failure = wilson(kNone, runs);
  const failureForce = wilson(kForce, runs);
  const minorDays = ref.minorFailureDays ?? 10;
  const minorBy = eventProbabilityBy(a.firstMinor, minorDays);
  const T = days;
  const quart = [0.25, 0.5, 0.75].map((q) => histogramQuantile(a.firstFailure, q, (d) => d, 1, T + 1));
  const riskReduction = pNone > 0 ? 1 - pForce / pNone : 0;
  const hazardRatio = pNone > 0 && pNone < 1 ? Math.log(1 - pForce) / Math.log(1 - pNone) : 1;
  const rows: CalibrationRow[] = [
    {
      measure: 'failure-probability',
      description: `P(ceasefire fails: level ≥ 3 within ${ref.horizonDays} days), no force, no guarantor`,
      model: failure.p,
      modelLo: failure.lo,
      modelHi: failure.hi,
      referenceLow: round6(Math.max(0, ref.failureProbability - ref.failureTolerance)),
      referenceHigh: round6(Math.min(1, ref.failureProbability + ref.failureTolerance)),
      within: Math.abs(failure.p - ref.failureProbability) <= ref.failureTolerance,
      reference: referenceOf(s, ref.source, 'failureProbability'),
    },
    {
      measure: 'minor-failure-early',
      description: `P(minor failure: level ≥ 2 within ${minorDays} days) — "most ceasefires"`,
      model: round6(minorBy),
      referenceLow: 0.5,
      referenceHigh: 1,
      within: minorBy > 0.5,
      reference: referenceOf(s, ref.source, 'minorFailureDays'),
    },
  ];
  if (ref.majorFailureDays !== undefined) {
    const med = quart[1] ?? null;
    rows.push({
      measure: 'major-failure-timing',
      description: 'median day of the larger failure (level 3) among ceasefires that fail within the horizon',
      model: med ?? NaN,
      referenceLow: ref.majorFailureDays.low,
      referenceHigh: ref.majorFailureDays.high,
      within: med !== null && med >= ref.majorFailureDays.low && med <= ref.majorFailureDays.high,
      reference: referenceOf(s, ref.source, 'majorFailureDays'),
    });
  }
  if (ref.peacekeeperHazardRatio !== undefined) {
    const { low, high } = ref.peacekeeperHazardRatio;
    rows.push({
      measure: 'peacekeeper-effect',
      description:
        'reduction of the hazard of ceasefire failure (1 − HR) with the pledged force, no guarantor',
      model: round6(1 - hazardRatio),
      referenceLow: round6(1 - high),
      referenceHigh: round6(1 - low),
      within: hazardRatio >= low && hazardRatio <= high,
      reference: referenceOf(s, ref.source, 'peacekeeperHazardRatio'),
    });
  }
  let personnel = 0;
  for (const n of force.nations) personnel += Math.max(0, ...n.personnel);
  return ok({
    seed,
    runs,
    horizonDays: days,
    noForce: { failure, minorByDays: round6(minorBy), failureDayQuartiles: quart },
    withForce: { failure: failureForce, personnel },
    riskReduction: round6(riskReduction),
    hazardRatio: round6(hazardRatio),
    rows,
    ladder: s.adversary.ladder.map((l, level) => {
      const lam = l.upPerDay + l.downPerDay;
      return {
        level,
        name: l.name,
        escalationAtZero: lam > 0 ? round6(l.upPerDay / lam) : null,
        meanDays: lam > 0 ? round6(1 / lam) : null,
        reference: referenceOf(s, l.source ?? s.adversary?.source, 'upPerDay'),
      };
    }),
  });
}
