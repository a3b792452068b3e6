/**
 * Sweep parameters as written on the command line: `path=v1,v2,…` (a list of values, for grids) or
 * `path=lo..hi` (a numeric range, for Latin hypercubes). A path is a dot-separated route into the
 * scenario document: object keys, array indices (`ladder.2.upPerDay`), or, inside an array of objects with
 * ids, an element's id (`nations.GBR.casualtyTolerance.mean`).
 */
import { fail, issue, ok, type FieldPath, type Issue, type Result } from '../shared/index.js';

/** A value a sweep may assign: numbers, and words or booleans for switches such as `backstop.kind`. */
export type SweepValue = number | string | boolean;

export interface SweepParam {
  /** The path as written (also the column name in tables). */
  readonly name: string;
  readonly path: readonly string[];
  /** Listed values (grid), in the order given. */
  readonly values?: readonly SweepValue[];
  /** Closed numeric range (Latin hypercube), lo ≤ hi. */
  readonly range?: readonly [number, number];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** A listed value: a number when it reads as one, true/false, otherwise the word itself. */
export function parseValue(text: string): SweepValue {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

/** Parses one `--param` argument; every problem comes back as an issue with path `['param', index]`. */
export function parseSweepParam(text: string, index = 0): Result<SweepParam> {
  const at: FieldPath = ['param', index];
  const eq = text.indexOf('=');
  if (eq <= 0)
    return fail([issue('sweep.param-form', at, `expected path=v1,v2,… or path=lo..hi, got "${text}"`)]);
  const name = text.slice(0, eq).trim();
  const rhs = text.slice(eq + 1).trim();
  const path = name.split('.');
  const bad = path.find((s) => !SEGMENT.test(s));
  if (bad !== undefined)
    return fail([
      issue('sweep.param-path', at, `"${name}": path segment "${bad}" is not a key, index or id`),
    ]);
  const range = /^(.+?)\.\.(.+)$/.exec(rhs);
  if (range !== null && NUMBER.test(range[1]!.trim()) && NUMBER.test(range[2]!.trim())) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (!(lo <= hi)) return fail([issue('sweep.param-range', at, `"${name}": range ${lo}..${hi} is empty`)]);
    return ok({ name, path, range: [lo, hi] });
  }
  if (rhs === '') return fail([issue('sweep.param-values', at, `"${name}": no values`)]);
  const parts = rhs.split(',');
  if (parts.some((p) => p.trim() === ''))
    return fail([issue('sweep.param-values', at, `"${name}": empty value in "${rhs}"`)]);
  return ok({ name, path, values: parts.map(parseValue) });
}

/** Parses every `--param`, returning all issues at once; names must be distinct. */
export function parseSweepParams(texts: readonly string[]): Result<SweepParam[]> {
  const out: SweepParam[] = [];
  const issues: Issue[] = [];
  texts.forEach((t, i) => {
    const r = parseSweepParam(t, i);
    if (!r.ok) issues.push(...r.error);
    else if (out.some((p) => p.name === r.value.name))
      issues.push(issue('sweep.param-duplicate', ['param', i], `"${r.value.name}" is given twice`));
    else out.push(r.value);
  });
  return issues.length > 0 ? fail(issues) : ok(out);
}
