/**
 * `validate`: unknown data → a typed scenario, or every issue found. Shape first (zod), then meaning
 * (`checkRules`). Positions are added by the edge that read the file (it knows the source text).
 */
import type { z } from 'zod';
import type { Issue } from '../shared/index.js';
import { fail, hasErrors, issue, ok, shapeIssues, type Result } from '../shared/index.js';
import { mergePatch } from './merge-patch.js';
import { checkRules } from './rules.js';
import { Scenario } from './schema.js';

/** A valid scenario together with its warnings (issues of severity `warning`). */
export interface Validated {
  readonly scenario: Scenario;
  readonly warnings: readonly Issue[];
}

/**
 * Validates unknown data as a scenario. Never throws on bad input: all problems come back as issues.
 * Rules run only once the shape is right, since they rely on it.
 */
export function validate(data: unknown): Result<Validated> {
  // Shape limits first: the schema, merge patches and hashing recurse, and a list of a million items
  // would make validation run for minutes.
  const tooBig = shapeIssues(data);
  if (tooBig.length > 0) return fail(tooBig);
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return fail(zodIssues(parsed.error, data));
  const found = checkRules(parsed.data);
  if (hasErrors(found)) return fail(found);
  return ok({ scenario: parsed.data, warnings: found });
}

/** zod's issues as Bulwark issues: code `schema.<zod code>`, one issue per unrecognised key. */
export function zodIssues(error: z.ZodError, data: unknown): Issue[] {
  const out: Issue[] = [];
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const code = `schema.${i.code.replaceAll('_', '-')}`;
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push(issue(code, [...path, key], `unknown field "${key}"`));
    } else if (i.code === 'invalid_type') {
      const value = valueAt(data, path);
      if (value === undefined)
        out.push(issue('schema.missing', path, `required field is missing (expected ${i.expected})`));
      else out.push(issue(code, path, `expected ${i.expected}, got ${describe(value)}`));
    } else if (i.code === 'invalid_key') {
      // A record's key (an inventory's unit type, a source id): say which key and what it must be.
      const why = i.issues.map((x) => x.message).join('; ');
      out.push(issue(code, path, `invalid key "${String(path.at(-1))}": ${why || i.message}`));
    } else {
      out.push(issue(code, path, i.message));
    }
  }
  return out;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Applies named variants in order: each variant's merge patch, then its withdrawals (the nation's pledges
 * go and nothing of its inventory may be committed). Returns the new scenario, validated again, or the
 * issues, with paths prefixed by the variant that caused them.
 */
export function applyVariants(s: Scenario, ids: readonly string[]): Result<Validated> {
  let current: Scenario = s;
  let warnings: Issue[] = [];
  for (const id of ids) {
    const index = current.variants.findIndex((v) => v.id === id);
    const v = current.variants[index];
    if (v === undefined) {
      const known = current.variants.map((x) => x.id).join(', ') || '(none)';
      return fail([
        issue('variant.unknown', ['variants'], `no variant "${id}"; this scenario has: ${known}`),
      ]);
    }
    const result = validate(applyVariantEdit(current, v));
    if (!result.ok)
      return fail(
        result.error.map((e) => ({
          ...e,
          path: ['variants', index, 'patch', ...e.path],
          message: `after applying variant "${id}": ${e.message}`,
        })),
      );
    current = result.value.scenario;
    warnings = [...result.value.warnings];
  }
  return ok({ scenario: current, warnings });
}

/**
 * One variant's edit of scenario data: its merge patch, then its withdrawals (the nation's pledges go, its
 * committable share and personnel ceiling become 0). Works on a validated scenario and on raw file data
 * alike (lists the data lacks stay absent, a variant's missing `patch` or `withdraw` means none); the
 * result is not validated.
 */
export function applyVariantEdit(
  data: unknown,
  v: { readonly patch?: unknown; readonly withdraw?: unknown },
): unknown {
  const patched = mergePatch(data, v.patch ?? {});
  if (!isRecord(patched)) return patched;
  const withdrawn = new Set(Array.isArray(v.withdraw) ? (v.withdraw as unknown[]) : []);
  const out: Record<string, unknown> = { ...patched };
  if (Array.isArray(patched['nations']))
    out['nations'] = patched['nations'].map((n: unknown) =>
      isRecord(n) && withdrawn.has(n['id']) ? { ...n, committableShare: 0, personnelCeiling: 0 } : n,
    );
  if (Array.isArray(patched['pledges']))
    out['pledges'] = patched['pledges'].filter((p: unknown) => !(isRecord(p) && withdrawn.has(p['nation'])));
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
