/**
 * Scenario use cases shared by the CLI and the server: list, check, open, describe, effective
 * parameters, schema.
 */
import {
  builtinNames,
  checkScenario,
  loadScenario,
  locateIssues,
  parseText,
  readScenarioText,
  type CheckResult,
  type LoadedScenario,
  type ScenarioOrigin,
} from '../adapters/files/index.js';
import type { Issue } from '../core/shared/index.js';
import {
  effectiveParameters,
  forceAgainstOptions,
  forceOptions,
  periodLabel,
  pledgedUnits,
  rawWithVariants,
  scenarioJsonSchema,
  summarizeScenario,
  type ParameterRow,
  type Scenario,
  type ResolvedOption,
  type ScenarioSummary,
  type WordedComparison,
} from '../core/scenario/index.js';
import type { LpSolver } from '../core/plan/index.js';
import { pledgedInPlace } from './plan.js';

/** Where a scenario came from: a file, a built-in, stdin, or a stored workspace version. */
export type ScenarioRef =
  | ScenarioOrigin
  | {
      readonly kind: 'workspace';
      /** The workspace scenario's id. */
      readonly name: string;
      readonly version: number;
    };

/**
 * What the analysis use cases (`runPlan`, `runAssure`, `runBrief`, `runFrontier`) run on: a validated
 * scenario with its variants applied, its hash and its reference. The edges load it: the CLI with
 * `loadInput`, the workspace from a stored version with `storedInput`.
 */
export interface ScenarioInput {
  readonly scenario: Scenario;
  /** `sha256:` of the canonical JSON of `scenario`. */
  readonly hash: string;
  readonly origin: ScenarioRef;
  /** Variants already applied to `scenario`, in order. */
  readonly variants: readonly string[];
  /** Places issues found later (a compared variant's) at their file positions; absent for stored versions. */
  readonly locate?: (issues: readonly Issue[]) => Issue[];
}

/**
 * Loads a file path, built-in name or `-` (stdin) with variants applied, as a use case's input. Throws
 * `scenario-not-found`, `input-unreadable` or `scenario-invalid` (with every issue, located).
 */
export function loadInput(
  ref: string,
  variants: readonly string[] = [],
  stdin?: () => string,
): ScenarioInput {
  const loaded = loadScenario(ref, variants, stdin);
  return {
    scenario: loaded.scenario,
    hash: loaded.hash,
    origin: loaded.origin,
    variants: loaded.variants,
    locate: (issues) => locateIssues(loaded, issues),
  };
}

/** A stored workspace version (validated when it was stored; variants applied by the caller) as an input. */
export function storedInput(
  stored: { readonly id: string; readonly version: number; readonly hash: string },
  scenario: Scenario,
  variants: readonly string[] = [],
): ScenarioInput {
  return {
    scenario,
    hash: stored.hash,
    origin: { kind: 'workspace', name: stored.id, version: stored.version },
    variants,
  };
}

export interface BuiltinInfo {
  readonly name: string;
  readonly title: string;
  readonly asOf: string;
  readonly nations: number;
  readonly variants: readonly string[];
  readonly valid: boolean;
}

/** Built-in scenarios with their titles; an invalid built-in is listed as such rather than hidden. */
export function listScenarios(): BuiltinInfo[] {
  return builtinNames().map((name) => {
    const r = checkScenario(name);
    const s = r.loaded?.scenario;
    return {
      name,
      title: s?.meta.title ?? '(invalid)',
      asOf: s?.meta.asOf ?? '',
      nations: s?.nations.length ?? 0,
      variants: s?.variants.map((v) => v.id) ?? [],
      valid: s !== undefined,
    };
  });
}

/** Every issue of a scenario (and of the named variants applied to it). */
export function validateScenario(
  ref: string,
  variants: readonly string[],
  stdin?: () => string,
): CheckResult {
  return checkScenario(ref, variants, stdin);
}

/** A valid scenario with variants applied; throws `scenario-invalid` with every issue otherwise. */
export function openScenario(
  ref: string,
  variants: readonly string[] = [],
  stdin?: () => string,
): LoadedScenario {
  return loadScenario(ref, variants, stdin);
}

export interface ShownScenario {
  readonly hash: string;
  readonly variants: readonly string[];
  readonly summary: ScenarioSummary;
}

/** The scenario's summary, its coverage counted against what the pledged plan has in place. */
export async function showScenario(
  ref: string,
  variants: readonly string[],
  stdin?: () => string,
  solver?: LpSolver,
): Promise<ShownScenario> {
  const loaded = loadScenario(ref, variants, stdin);
  const inPlace = await pledgedInPlace(loaded.scenario, solver);
  return { hash: loaded.hash, variants, summary: summarizeScenario(loaded.scenario, inPlace) };
}

export interface ScenarioOptions {
  readonly hash: string;
  readonly variants: readonly string[];
  /** Period (1-based) in which the pledged force is largest: the force compared; 0 with no pledges. */
  readonly period: number;
  readonly periodLabel: string;
  readonly options: readonly ResolvedOption[];
  /** The pledge against each option, in the options' order, with the comparison in words. */
  readonly comparisons: readonly WordedComparison[];
}

/** The pledged force (active pledges, at its peak period) against the scenario's force options. */
export function scenarioOptions(
  ref: string,
  variants: readonly string[],
  stdin?: () => string,
): ScenarioOptions {
  const loaded = loadScenario(ref, variants, stdin);
  const s = loaded.scenario;
  const against = forceAgainstOptions(s, pledgedUnits(s), 'the pledge');
  return {
    hash: loaded.hash,
    variants,
    period: against.period,
    periodLabel: against.period > 0 ? periodLabel(s, against.period) : '',
    options: forceOptions(s),
    comparisons: against.comparisons,
  };
}

export interface ScenarioAssumptions {
  readonly hash: string;
  readonly variants: readonly string[];
  readonly parameters: readonly ParameterRow[];
}

/**
 * The effective parameters of a scenario with variants applied (`effectiveParameters`): the file is
 * validated first (throws `scenario-invalid` with every issue), then its raw data, before defaults, tells
 * what the file states and what the code supplies. Stdin is read once.
 */
export function scenarioAssumptions(
  ref: string,
  variants: readonly string[],
  stdin?: () => string,
): ScenarioAssumptions {
  let text: string | undefined;
  const once = stdin === undefined ? undefined : (): string => (text ??= stdin());
  const loaded = loadScenario(ref, variants, once);
  const read = readScenarioText(ref, once);
  const raw = parseText(read.text, read.origin.name).data;
  return {
    hash: loaded.hash,
    variants,
    parameters: effectiveParameters(rawWithVariants(raw, variants), loaded.scenario),
  };
}

export { scenarioJsonSchema };
