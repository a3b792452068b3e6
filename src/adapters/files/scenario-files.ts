/**
 * Reads scenarios: a path (YAML or JSON), a built-in name (scenarios/<name>.yaml), or stdin ("-").
 * Parses with positions, validates, applies variants, and hashes the result for provenance.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { BulwarkError, canonicalJson, issue, type Issue } from '../../core/shared/index.js';
import { applyVariants, validate, type Scenario } from '../../core/scenario/index.js';
import { locate } from './source-map.js';

/** Folder of the built-in scenarios, found from this file so it works from any working directory. */
export const builtinDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scenarios');

export interface ScenarioOrigin {
  readonly kind: 'file' | 'builtin' | 'stdin';
  /** The path as given, the built-in's name, or "<stdin>". */
  readonly name: string;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly warnings: readonly Issue[];
  /** `sha256:` + hex of the canonical JSON of the scenario after defaults and variants. */
  readonly hash: string;
  readonly origin: ScenarioOrigin;
  readonly variants: readonly string[];
}

export interface ParsedText {
  readonly data: unknown;
  readonly doc: Document;
  readonly counter: LineCounter;
}

/** Names of the built-in scenarios (file names without extension), sorted. */
export function builtinNames(): string[] {
  if (!existsSync(builtinDir)) return [];
  return readdirSync(builtinDir)
    .filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** Resolves a scenario argument to its text. Throws `scenario-not-found` / `input-unreadable`. */
export function readScenarioText(
  ref: string,
  stdin?: () => string,
): { text: string; origin: ScenarioOrigin } {
  if (ref === '-') {
    if (stdin === undefined)
      throw new BulwarkError('usage', 'reading a scenario from stdin is not possible here');
    return { text: stdin(), origin: { kind: 'stdin', name: '<stdin>' } };
  }
  if (existsSync(ref)) {
    try {
      return { text: readFileSync(ref, 'utf8'), origin: { kind: 'file', name: ref } };
    } catch (e) {
      throw new BulwarkError('input-unreadable', `cannot read ${ref}: ${(e as Error).message}`);
    }
  }
  for (const ext of ['.yaml', '.yml', '.json']) {
    const path = join(builtinDir, ref + ext);
    if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(ref) && existsSync(path))
      return { text: readFileSync(path, 'utf8'), origin: { kind: 'builtin', name: ref } };
  }
  const names = builtinNames();
  throw new BulwarkError(
    'scenario-not-found',
    `no scenario file "${ref}" and no built-in of that name (built-ins: ${names.join(', ') || 'none'})`,
  );
}

/** Parses YAML or JSON text (JSON is parsed as YAML 1.2, which gives positions for both). */
export function parseText(text: string, file: string): ParsedText {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      const base = {
        ...issue(
          `syntax.${e.code.toLowerCase().replaceAll('_', '-')}`,
          [],
          (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
        ),
        file,
      };
      return pos === undefined ? base : { ...base, line: pos.line, column: pos.col };
    });
    throw new BulwarkError('input-unreadable', `${file} is not valid YAML or JSON`, issues);
  }
  return { data: doc.toJS({ maxAliasCount: 1000 }) as unknown, doc, counter };
}

/** Content hash used for provenance: formatting, comments and key order do not change it. */
export function scenarioHash(s: Scenario): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(s)).digest('hex');
}

export interface CheckResult {
  readonly origin: ScenarioOrigin;
  /** Every issue found, errors and warnings, with file positions. */
  readonly issues: readonly Issue[];
  /** The scenario when there are no errors. */
  readonly loaded?: LoadedScenario;
}

/**
 * Reads, parses, validates and applies variants; returns every issue instead of throwing for invalid
 * content. Throws only when the input cannot be found or read at all.
 */
export function checkScenario(
  ref: string,
  variants: readonly string[] = [],
  stdin?: () => string,
): CheckResult {
  const { text, origin } = readScenarioText(ref, stdin);
  const file = origin.kind === 'builtin' ? `scenarios/${ref}.yaml` : origin.name;
  let parsed: ParsedText;
  try {
    parsed = parseText(text, file);
  } catch (e) {
    if (e instanceof BulwarkError) return { origin, issues: e.issues };
    throw e;
  }
  const base = validate(parsed.data);
  if (!base.ok) return { origin, issues: locate(base.error, file, parsed.doc, parsed.counter) };
  const applied = applyVariants(base.value.scenario, variants);
  if (!applied.ok) return { origin, issues: locate(applied.error, file, parsed.doc, parsed.counter) };
  const warnings = locate(
    variants.length > 0 ? applied.value.warnings : base.value.warnings,
    file,
    parsed.doc,
    parsed.counter,
  );
  const scenario = applied.value.scenario;
  return {
    origin,
    issues: warnings,
    loaded: { scenario, warnings, hash: scenarioHash(scenario), origin, variants },
  };
}

/** Like `checkScenario` but throws `scenario-invalid` (with every issue) unless the scenario is valid. */
export function loadScenario(
  ref: string,
  variants: readonly string[] = [],
  stdin?: () => string,
): LoadedScenario {
  const r = checkScenario(ref, variants, stdin);
  if (r.loaded === undefined) {
    const errors = r.issues.filter((i) => i.severity === 'error').length;
    throw new BulwarkError(
      'scenario-invalid',
      `${r.origin.name}: ${errors} problem${errors === 1 ? '' : 's'} found`,
      r.issues,
    );
  }
  return r.loaded;
}
