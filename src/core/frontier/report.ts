/**
 * The deterrence frontier's report: plain data (the use case in app/frontier.ts fills it; the CLI, the
 * briefing and the workspace read it). docs/frontier.md defines every field.
 */
import type { PairedDifference, Proportion } from '../assure/index.js';
import type { BackstopKind } from '../scenario/index.js';
import { toCsv } from '../shared/index.js';

export type FrontierSource = 'pledges' | 'potential';
export const frontierSources = ['pledges', 'potential'] as const satisfies readonly FrontierSource[];

export type FrontierPointKind = 'none' | 'scale' | 'mission' | 'pledged' | 'option' | 'refine';

export interface FrontierPoint {
  /**
   * `s0.25` (a scale), `refine:0.33` (a scale added by bisection), `mission:skies`, `pledged`,
   * `option:<variant>`. A case lists the scales (refinements merged in) ascending, then the mission
   * increments, the pledged force and the named options.
   */
  readonly id: string;
  readonly kind: FrontierPointKind;
  readonly label: string;
  /** The requirements' scale (1: as stated); for a mission increment, that mission's factor. */
  readonly scale: number | null;
  readonly mission?: string;
  /**
   * Most personnel in theatre in any one period, every supplier together (the guarantor's own units
   * included), as the plan counts them (`personnelTotals.peakDeployed`).
   */
  readonly peakPersonnel: number;
  /** Suppliers with anyone in theatre (the model counts each coalition member's retaliation: docs/model.md §3). */
  readonly nations: number;
  /** The plan's cost over the horizon ÷ its years (US$ per year). */
  readonly costUsdPerYear: number;
  /** Mean unmet fraction of the plan's requirement-periods (0: everything covered). */
  readonly shortfallShare: number;
  readonly runs: number;
  readonly ceasefireFailed: Proportion;
  readonly tripwireTested: Proportion;
  readonly widerWar: Proportion;
  /** On the Pareto frontier of cost against P(ceasefire fails) among the case's sourced points. */
  readonly efficient: boolean;
  /**
   * Paired difference in P(ceasefire fails) against the point `id` names (same runs): the next smaller
   * grid scale for a scale point, the requirements as stated for the others; refinements have none.
   */
  readonly versus?: { readonly id: string; readonly ceasefireFailed: PairedDifference };
}

export interface CheapestForce {
  /** Some force in the family keeps P(ceasefire fails) at or below the target (on the estimate). */
  readonly found: boolean;
  /** The smallest scale (grid or bisection) whose estimate is at or below the target. */
  readonly point?: FrontierPoint;
  /** Its 95% interval's upper end is at or below the target too. */
  readonly confident: boolean;
  /**
   * What the runs can tell apart: `above` the largest scale whose interval lies wholly above the target,
   * `below` the smallest whose interval lies wholly at or below it. The cheapest force lies between them
   * (absent ends: none tried is that clear).
   */
  readonly range: { readonly above?: FrontierPoint; readonly below?: FrontierPoint };
  /** The lowest P(ceasefire fails) of any scale tried. */
  readonly lowest: FrontierPoint;
}

export interface FrontierCase {
  readonly id: string;
  readonly label: string;
  /** The scenario's own backstop, unchanged (the case the pledged force is judged in). */
  readonly own: boolean;
  readonly backstop: BackstopKind | 'no guarantor';
  /** Runs per point after the adaptive rounds. */
  readonly runs: number;
  /** Neighbouring scale points not ordered at the resolution when the run cap was reached. */
  readonly unordered: number;
  readonly points: readonly FrontierPoint[];
  readonly cheapest: CheapestForce;
}

export interface BackstopWorth {
  /** The backstop case valued. */
  readonly case: string;
  /** The comparison case without a backstop. */
  readonly without: string;
  /** The force as required (scale 1) with the backstop. */
  readonly reference: FrontierPoint;
  /** The cheapest force without the backstop at or below the reference's risk (on the estimates: Monte Carlo
   * error in both), absent when none in range. */
  readonly equivalent?: FrontierPoint;
  /** The same as a range of what the runs tell apart (see `CheapestForce.range`). */
  readonly range: { readonly above?: FrontierPoint; readonly below?: FrontierPoint };
  readonly extraPersonnel: number | null;
  readonly extraCostUsdPerYear: number | null;
  /** Without the backstop, the lowest risk any force in range reaches. */
  readonly lowestWithout: FrontierPoint;
}

export interface MissionValue {
  readonly case: string;
  readonly mission: string;
  /** The mission's requirements multiplied by this, the others as stated. */
  readonly factor: number;
  readonly addedPersonnel: number;
  readonly addedCostUsdPerYear: number;
  /** P(ceasefire fails) of the increment minus the force as required, on the same runs. */
  readonly ceasefireFailed: PairedDifference;
  /** Points of P(ceasefire fails) removed per US$ bn a year (null when it costs nothing more). */
  readonly pointsPerBillion: number | null;
}

export interface RobustnessLevel {
  /** Quantile of the scenario's risk-tolerance distribution the adversary is pinned at. */
  readonly quantile: number;
  readonly riskTolerance: number;
  readonly points: readonly {
    readonly scale: number;
    readonly costUsdPerYear: number;
    readonly ceasefireFailed: Proportion;
  }[];
  /** The cheapest scale tried that meets the target (no refinement), or null. */
  readonly cheapestScale: number | null;
}

export interface FrontierReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly hash: string };
  readonly variants: readonly string[];
  readonly seed: number;
  /** The scenario's own backstop kind (the case the pledged force is judged in). */
  readonly ownBackstop: BackstopKind | 'no guarantor';
  readonly target: number;
  readonly from: FrontierSource;
  readonly resolution: number;
  readonly scales: readonly number[];
  readonly cases: readonly FrontierCase[];
  readonly backstopWorth: readonly BackstopWorth[];
  readonly missions: readonly MissionValue[];
  readonly robustness: { readonly case: string; readonly levels: readonly RobustnessLevel[] } | null;
}

/** Every point of every case as one tidy table (one row per case and point), for spreadsheets. */
export function frontierCsv(r: FrontierReport): string {
  const header = [
    'scenario_hash',
    'case',
    'point',
    'kind',
    'label',
    'scale',
    'mission',
    'peak_personnel',
    'nations',
    'cost_usd_per_year',
    'shortfall_share',
    'runs',
    'ceasefire_failed',
    'ceasefire_failed_lo',
    'ceasefire_failed_hi',
    'tripwire_tested',
    'tripwire_tested_lo',
    'tripwire_tested_hi',
    'war_with_guarantor',
    'war_with_guarantor_lo',
    'war_with_guarantor_hi',
    'efficient',
    'seed',
  ];
  const rows = r.cases.flatMap((c) =>
    c.points.map((p) => [
      r.scenario.hash,
      c.id,
      p.id,
      p.kind,
      p.label,
      p.scale,
      p.mission ?? '',
      p.peakPersonnel,
      p.nations,
      p.costUsdPerYear,
      p.shortfallShare,
      p.runs,
      p.ceasefireFailed.p,
      p.ceasefireFailed.lo,
      p.ceasefireFailed.hi,
      p.tripwireTested.p,
      p.tripwireTested.lo,
      p.tripwireTested.hi,
      p.widerWar.p,
      p.widerWar.lo,
      p.widerWar.hi,
      p.efficient,
      r.seed,
    ]),
  );
  return toCsv(header, rows);
}
