/**
 * The briefing model's types: what the edge renders (findings, map, charts, tables, appendix) and what
 * the builder takes (plan, resilience, assurance, credibility, frontier).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { AssuranceResult } from '../assure/index.js';
import type { FrontierReport } from '../frontier/index.js';
import type { ForcePlan, ResilienceReport, StatusRow } from '../plan/index.js';
import type { PledgeStatus, Scenario } from '../scenario/index.js';
import type { LocaleId } from './locale.js';
import type { MapContent } from './map-content.js';

/** One assurance case as the briefing names it (e.g. the base scenario, or the no-backstop variant). */
/**
 * What a briefing was run on, for its "reproduce" line: a file or built-in by the name given, or a stored
 * workspace version (reproduced from its JSON export). Absent: the built-in named by the scenario's id.
 */
export type BriefSource =
  | { readonly kind: 'file'; readonly name: string }
  | { readonly kind: 'workspace'; readonly id: string; readonly version: number };

export interface BriefInput {
  readonly scenario: Scenario;
  readonly scenarioHash: string;
  readonly source?: BriefSource;
  /** Variants applied to the base scenario. */
  readonly variants: readonly string[];
  readonly bulwarkVersion: string;
  /** ISO timestamp of generation (passed in: the core reads no clock). */
  readonly generatedAt: string;
  /** The pledged force, optimally allocated. */
  readonly plan: ForcePlan;
  /** The status floor pledges were counted from (absent: every pledge). */
  readonly minStatus?: PledgeStatus;
  /** The force at or above each pledge status (`forceByStatus`). */
  readonly byStatus?: readonly StatusRow[];
  /** What the coalition could field from committable inventory (who could fill the gaps). */
  readonly potential?: ForcePlan;
  readonly resilience?: ResilienceReport;
  /** Cases in order; the first is the base scenario. */
  readonly assurance?: AssuranceResult;
  /** The credibility game (tripwire template) of the base scenario. */
  readonly credibility?: CredibilityBrief;
  /** The deterrence frontier (the briefing's lead when present). */
  readonly frontier?: FrontierReport;
  /**
   * The assurance case that simulates the frontier's pledged point: the planner's allocation of the
   * pledges under the scenario's own backstop, at the same seed. The frontier's sentence on the pledged
   * force then quotes that case (more runs), as the bottom line does.
   */
  readonly pledgedCase?: string;
  /** The language of the briefing (default `en`; `pseudo` marks every catalogue text, for tests). */
  readonly lang?: LocaleId;
}

/** What the briefing needs of the credibility analysis (src/app/game.ts `analyseScenarioCredibility`). */
export interface CredibilityBrief {
  /** The adversary's prior that the guarantor is resolute. */
  readonly prior: number;
  /** Least prior at which testing the force stops paying, with the force; null: never. */
  readonly threshold: number | null;
  /** The same without the force (deterrence by the backstop alone). */
  readonly backstopOnly: number | null;
  /** The tripwire read as an automatic trigger (casualties draw the guarantor in). */
  readonly automaticTrigger: number | null;
  /** Plain-language sentences from the game module. */
  readonly findings: readonly string[];
  /** Threshold against force size (multiplier x of the scenario's force, its personnel). */
  readonly forceCurve: readonly {
    readonly x: number;
    readonly personnel: number;
    readonly threshold: number | null;
  }[];
  readonly curveFindings: readonly string[];
}

export interface Finding {
  readonly id: string;
  readonly headline: string;
  readonly text: string;
  /** Anchor of the section with the table or chart behind it. */
  readonly link: string;
}

export interface BriefChart {
  readonly id: string;
  /** Section anchor the chart belongs to. */
  readonly section: string;
  readonly title: string;
  /** Text alternative: what the chart shows, in words. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns holding numbers (right-aligned). */
  readonly numeric: readonly number[];
}

/** One figure of the bottom line: the number, its interval, what it is measured against, and so what. */
export interface KeyFigure {
  readonly id: string;
  /** What is measured ("Chance the ceasefire fails within 730 days"). */
  readonly label: string;
  readonly value: string;
  /** The 95% interval in words, when the figure has one. */
  readonly interval?: string;
  /** The figure against its reference (the requirement, the other case). */
  readonly detail: string;
  /** One line: what it means for the decision. */
  readonly soWhat: string;
  /** Anchor of the section behind it. */
  readonly link: string;
}

/** The briefing's fixed texts (headings, labels) in its language, for the renderer. */
export type BriefingUi = Readonly<Record<UiKey, string>>;

export const UI_KEYS = [
  'documentTitle',
  'keyFigures',
  'keyJudgements',
  'findings',
  'details',
  'disclaimer',
  'glossary',
  'frontier',
  'frontierMethod',
  'map',
  'mapCaption',
  'mapSources',
  'chartData',
  'coverage',
  'coverageIntro',
  'gaps',
  'options',
  'fairness',
  'calendar',
  'calendarIntro',
  'deployment',
  'resilience',
  'assurance',
  'tornado',
  'credibility',
  'pledges',
  'sourcing',
  'appendix',
  'scenario',
  'scenarioHash',
  'monteCarlo',
  'planner',
  'bulwark',
  'reproduce',
  'sources',
  'method',
  'notes',
  'skip',
] as const;
export type UiKey = (typeof UI_KEYS)[number];

export interface Briefing {
  /** BCP 47 language tag of every text (`en-GB`, `fr-FR`). */
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  /** The bottom line: 4–6 key figures (empty without a plan). */
  readonly keyFigures: readonly KeyFigure[];
  /** One sentence per finding, in the findings' order (each finding's headline). */
  readonly judgements: readonly { readonly text: string; readonly link: string }[];
  readonly glossary: readonly { readonly term: string; readonly definition: string }[];
  readonly ui: BriefingUi;
  readonly findings: readonly Finding[];
  readonly map: MapContent;
  readonly charts: readonly BriefChart[];
  readonly tables: readonly Table[];
  /** The credibility game's own sentences (empty without it). */
  readonly credibilityNotes: readonly string[];
  /** The frontier's own sentences (empty without it). */
  readonly frontierNotes: readonly string[];
  readonly appendix: {
    readonly scenarioId: string;
    readonly scenarioHash: string;
    readonly asOf: string;
    readonly variants: readonly string[];
    readonly seed: number | null;
    readonly runs: number | null;
    /** The command that builds this briefing again, and what to do first (a stored version: export it). */
    readonly reproduce: { readonly command: string; readonly note?: string };
    readonly bulwarkVersion: string;
    readonly generatedAt: string;
    readonly planSolver: string;
    /** Each source with its full citation (the HTML) and its short one (who and when: the printed page). */
    readonly sources: readonly {
      id: string;
      kind: string;
      citation: string;
      short: string;
      url: string;
      method: string;
    }[];
    readonly assumptions: readonly string[];
    /** The Monte Carlo settings in words ("20,000 runs per case, seed 7", or "not run"). */
    readonly monteCarlo: string;
    /** "version 0.1.0, generated 1 December 2026". */
    readonly bulwarkLine: string;
    /** "ukraine-2025 (as of 1 December 2025), variants …". */
    readonly scenarioLine: string;
  };
}
