/**
 * Reads scenarios: a path (YAML or JSON), a built-in name (scenarios/<name>.yaml), or stdin ("-").
 * Parses with positions, validates, applies variants, and hashes the result for provenance.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, LineCounter } from 'yaml';
import { BulwarkError, canonicalJson, INPUT_LIMITS, issue, type Issue } from '../../core/shared/index.js';
import { applyVariants, validate, type Scenario } from '../../core/scenario/index.js';
import { documentIssues, scanNesting } from './input-guard.js';
import { jsonErrorAt } from './json-error.js';
import { locate } from './source-map.js';
import { yaml } from './yaml.js';

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
      const st = statSync(ref);
      if (st.isDirectory())
        throw new BulwarkError('input-unreadable', `${ref} is a directory, not a scenario file`);
      // A device (/dev/zero) or a file over the limit is refused before reading it.
      if (!st.isFile() && !st.isFIFO())
        throw new BulwarkError('input-unreadable', `${ref} is not a regular file`);
      if (st.size > INPUT_LIMITS.bytes)
        throw new BulwarkError('input-unreadable', `${ref} is too large`, [tooLarge(ref, st.size)]);
      return { text: readFileSync(ref, 'utf8'), origin: { kind: 'file', name: ref } };
    } catch (e) {
      if (e instanceof BulwarkError) throw e;
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

/**
 * Parses YAML or JSON text with positions. JSON (a `.json` file, or text that starts with `{` and is not
 * named `.yaml`/`.yml`) is parsed with the JSON parser, and its syntax errors located; its positions come
 * from reading it as YAML 1.2, of which JSON is a subset. Before parsing: the size and a nesting scan;
 * after: depth, lengths and aliases (`INPUT_LIMITS`). Throws `input-unreadable` with located issues.
 */
export function parseText(text: string, file: string): ParsedText {
  const unreadable = (issues: Issue[]): never => {
    throw new BulwarkError('input-unreadable', `${file} is not valid YAML or JSON`, issues);
  };
  const at = (code: string, message: string, offset: number, c: LineCounter): Issue => {
    const { line, col } = c.linePos(offset);
    return { ...issue(code, [], message), file, line, column: col };
  };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > INPUT_LIMITS.bytes) unreadable([tooLarge(file, bytes)]);
  const lines = new (yaml().LineCounter)();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const deep = scanNesting(text, file, lines);
  if (deep !== undefined) unreadable([deep]);
  const json = isJson(text, file);
  let jsonData: unknown;
  if (json) {
    try {
      jsonData = JSON.parse(text) as unknown;
    } catch (e) {
      const { offset, expected } = jsonErrorAt(text);
      const why = (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/,\s*".*$/s, '');
      unreadable([at('syntax.json', `${why} (expected ${expected})`, offset, lines)]);
    }
  }
  const counter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  // For JSON the JSON parser is the judge of syntax; the YAML reading adds only duplicate keys.
  const errors = json ? doc.errors.filter((e) => e.code === 'DUPLICATE_KEY') : doc.errors;
  if (errors.length > 0) {
    const issues: Issue[] = errors.map((e) => {
      const pos = e.linePos?.[0];
      const base = {
        ...issue(
          `syntax.${e.code.toLowerCase().replaceAll('_', '-')}`,
          [],
          (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
        ),
        file,
      };
      return pos === undefined
        ? { ...base, line: 1, column: 1 }
        : { ...base, line: pos.line, column: pos.col };
    });
    unreadable(issues);
  }
  if (!json) {
    const found = documentIssues(doc, file, counter);
    if (found.length > 0) unreadable(found);
  }
  let data: unknown = jsonData;
  if (!json)
    try {
      data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    } catch (e) {
      // The checks above bound what aliases add; this is yaml's own limit, kept as a second guard.
      unreadable([at('syntax.alias-expansion', (e as Error).message, firstAliasOffset(text), lines)]);
    }
  if (data === null || data === undefined)
    unreadable([at('syntax.empty', 'the file holds no document (it is empty, or only comments)', 0, lines)]);
  return { data, doc, counter };
}

function isJson(text: string, file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  return /^\s*\{/.test(text);
}

function firstAliasOffset(text: string): number {
  const m = /(^|[\s[{,])\*[^\s,\]}]/.exec(text);
  return m === null ? 0 : m.index + m[1]!.length;
}

function tooLarge(file: string, bytes: number): Issue {
  const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return {
    ...issue(
      'input.too-large',
      [],
      `${mib(bytes)}; a scenario may be at most ${mib(INPUT_LIMITS.bytes)} (docs/scenario-reference.md, Size limits)`,
    ),
    file,
    line: 1,
    column: 1,
  };
}

/**
 * The parsed-once cache of built-in scenarios: the data a built-in's text parses to, as JSON, in
 * `node_modules/.cache/bulwark/<key>.json` where key = SHA-256 of (format, text). Parsing the default
 * scenario's YAML with positions takes most of a command's start (about 0.4–1.3 s of CPU against 10 ms
 * for JSON.parse). Written on first use, only after the text parsed and validated, and only when the data
 * survives JSON exactly (no non-finite numbers); written to a temporary file and renamed, so concurrent
 * writers never leave half an entry. An entry that is unreadable, corrupt or for another key is ignored and
 * rebuilt. Line numbers for messages come from parsing the text again, only when a message needs them.
 */
const CACHE_FORMAT = 1;
let cacheDir: string | null = resolve(builtinDir, '../node_modules/.cache/bulwark');

/** Sets the cache folder (null: no cache) and returns the previous one; for tests and read-only installs. */
export function useScenarioCache(dir: string | null): string | null {
  const before = cacheDir;
  cacheDir = dir;
  return before;
}

/** The cache key of a built-in's text. */
export function scenarioCacheKey(text: string): string {
  return createHash('sha256').update(`bulwark-scenario-cache ${CACHE_FORMAT}\n`).update(text).digest('hex');
}

function readCached(key: string): unknown {
  if (cacheDir === null) return undefined;
  try {
    const entry = JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8')) as {
      format?: unknown;
      key?: unknown;
      data?: unknown;
    };
    if (entry.format === CACHE_FORMAT && entry.key === key && entry.data !== undefined) return entry.data;
  } catch {
    // Missing or corrupt: parse the text instead (and rewrite the entry).
  }
  return undefined;
}

function writeCached(key: string, json: string): void {
  if (cacheDir === null) return;
  const tmp = join(cacheDir, `${key}.${process.pid}.${randomUUID()}.tmp`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(tmp, `{"format":${CACHE_FORMAT},"key":"${key}","data":${json}}`);
    renameSync(tmp, join(cacheDir, `${key}.json`));
  } catch {
    // A read-only install works without the cache.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** True when JSON.stringify then JSON.parse gives the same data back (plain objects, arrays, finite numbers). */
function jsonExact(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonExact);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v as Record<string, unknown>).every(jsonExact);
  return false;
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
  const source: Source = { file, text };
  const key = origin.kind === 'builtin' ? scenarioCacheKey(text) : undefined;
  let data = key === undefined ? undefined : readCached(key);
  const fromCache = data !== undefined;
  if (!fromCache)
    try {
      source.parsed = parseText(text, file);
      data = source.parsed.data;
    } catch (e) {
      if (e instanceof BulwarkError) return { origin, issues: e.issues };
      throw e;
    }
  const json = key !== undefined && !fromCache && jsonExact(data) ? JSON.stringify(data) : undefined;
  const base = validate(data);
  if (!base.ok) return { origin, issues: locateIn(source, base.error) };
  if (key !== undefined && json !== undefined) writeCached(key, json);
  const applied = applyVariants(base.value.scenario, variants);
  if (!applied.ok) return { origin, issues: locateIn(source, applied.error) };
  const warnings = locateIn(source, variants.length > 0 ? applied.value.warnings : base.value.warnings);
  const scenario = applied.value.scenario;
  const loaded: LoadedScenario = { scenario, warnings, hash: scenarioHash(scenario), origin, variants };
  sources.set(loaded, source);
  return { origin, issues: warnings, loaded };
}

/** A scenario's text, and its parse with positions once a message has needed it. */
interface Source {
  readonly file: string;
  readonly text: string;
  parsed?: ParsedText;
}

/** Adds file, line and column to issues, parsing the text for positions only if there are issues. */
function locateIn(source: Source, issues: readonly Issue[]): Issue[] {
  if (issues.length === 0) return [];
  source.parsed ??= parseText(source.text, source.file);
  return locate(issues, source.file, source.parsed.doc, source.parsed.counter);
}

/** The text each loaded scenario came from, for `locateIssues` (weak: it goes with the scenario). */
const sources = new WeakMap<LoadedScenario, Source>();

/**
 * Adds file, line and column to issues found later in a loaded scenario (a variant applied by a use case,
 * a rule checked on a derived case); paths are into the file as written. Unchanged for other scenarios.
 */
export function locateIssues(loaded: LoadedScenario, issues: readonly Issue[]): Issue[] {
  const s = sources.get(loaded);
  return s === undefined ? [...issues] : locateIn(s, issues);
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
