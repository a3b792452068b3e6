/**
 * Scenario use cases shared by the CLI and the server: list, check, open, describe, effective
 * parameters, schema.
 */
import {
  builtinNames,
  checkScenario,
  loadScenario,
  parseText,
  readScenarioText,
  type CheckResult,
  type LoadedScenario,
} from '../adapters/files/index.js';
import {
  effectiveParameters,
  rawWithVariants,
  scenarioJsonSchema,
  summarizeScenario,
  type ParameterRow,
  type ScenarioSummary,
} from '../core/scenario/index.js';
import type { LpSolver } from '../core/plan/index.js';
import { pledgedInPlace } from './plan.js';

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
