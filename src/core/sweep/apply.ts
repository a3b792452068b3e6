/**
 * Applying a sweep point to a scenario: each parameter's value is written at its path (a new document;
 * the input is not changed), then the whole scenario is validated again, so a point outside what the
 * schema and rules allow (a negative rate, a Beta with α ≤ 0, …) is reported as issues, not simulated.
 */
import { validate, type Scenario } from '../scenario/index.js';
import { fail, issue, ok, type FieldPath, type Issue, type Result } from '../shared/index.js';
import type { SweepPoint } from './design.js';
import type { SweepParam } from './param.js';

type Json = unknown;

/**
 * Resolves a written path against a document: object keys as they are, array segments as indices or as
 * the `id` of an element. Returns the concrete path, or an issue naming the first segment that fails.
 */
export function resolvePath(doc: Json, path: readonly string[], name = path.join('.')): Result<FieldPath> {
  const out: (string | number)[] = [];
  let node: Json = doc;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      let k = /^\d+$/.test(seg) ? Number(seg) : -1;
      if (k < 0)
        k = node.findIndex((e) => e !== null && typeof e === 'object' && (e as { id?: unknown }).id === seg);
      if (k < 0 || k >= node.length)
        return fail([
          issue(
            'sweep.path-missing',
            ['param', name],
            `"${name}": no element "${seg}" at ${out.join('.') || '(root)'}`,
          ),
        ]);
      out.push(k);
      node = node[k];
    } else if (node !== null && typeof node === 'object') {
      // The last key may be new (an optional field the scenario leaves out); validation judges it.
      if (!last && !(seg in node))
        return fail([
          issue(
            'sweep.path-missing',
            ['param', name],
            `"${name}": no field "${seg}" at ${out.join('.') || '(root)'}`,
          ),
        ]);
      out.push(seg);
      node = (node as Record<string, Json>)[seg];
    } else {
      return fail([
        issue(
          'sweep.path-missing',
          ['param', name],
          `"${name}": ${out.join('.')} is a value, not an object or list`,
        ),
      ]);
    }
  }
  return ok(out);
}

/** A copy of `doc` with `value` at `path` (copies only the objects along the path). */
export function setAt(doc: Json, path: FieldPath, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy: Json[] = [...(doc as Json[])];
    copy[head as number] = setAt(doc[head as number], rest, value);
    return copy;
  }
  const obj = (doc ?? {}) as Record<string, Json>;
  return { ...obj, [head!]: setAt(obj[head as string], rest, value) };
}

/** The scenario at one point of a sweep, validated again; issues are prefixed with the point. */
export function applyPoint(
  scenario: Scenario,
  params: readonly SweepParam[],
  point: SweepPoint,
): Result<Scenario> {
  let doc: Json = scenario;
  const issues: Issue[] = [];
  params.forEach((p, d) => {
    const where = resolvePath(doc, p.path, p.name);
    if (!where.ok) issues.push(...where.error);
    else doc = setAt(doc, where.value, point.values[d]);
  });
  if (issues.length > 0) return fail(issues);
  const r = validate(doc);
  if (!r.ok) {
    const at = params.map((p, d) => `${p.name}=${String(point.values[d])}`).join(', ');
    return fail(
      r.error.map((e) => ({ ...e, message: `at sweep point ${point.index} (${at}): ${e.message}` })),
    );
  }
  return ok(r.value.scenario);
}
