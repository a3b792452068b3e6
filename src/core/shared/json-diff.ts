/**
 * Semantic differences between two JSON values: what changed, field by field, with no noise from key
 * order or formatting. Objects are compared key by key; lists whose items are all objects with distinct
 * string `id`s (pledges, nations, requirements of a mission with ids, …) are compared item by item by id,
 * so inserting or reordering items does not show every later item as changed; any other list is one value,
 * compared whole (canonically).
 */
import { canonicalJson } from './canonical-json.js';

export type DiffPath = readonly (string | number)[];

/** One change: at `path`, `before` became `after`; `null` on one side means absent (added or removed). */
export interface FieldChange {
  readonly path: DiffPath;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Items by id when every item is an object with a distinct string id; undefined otherwise. */
function byId(list: readonly unknown[]): Map<string, unknown> | undefined {
  const m = new Map<string, unknown>();
  for (const item of list) {
    if (!isRecord(item) || typeof item['id'] !== 'string' || m.has(item['id'])) return undefined;
    m.set(item['id'], item);
  }
  return m;
}

/**
 * Every change from `before` to `after`, depth first in key order (sorted) and id order (the order of
 * `before`, then ids new in `after`). An item added to or removed from an id'd list is one change at its
 * id, not one per field. Equal values (canonically) give no change. `undefined` counts as absent.
 */
export function semanticDiff(before: unknown, after: unknown, path: DiffPath = []): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: DiffPath, out: FieldChange[]): void {
  const absentA = a === undefined || a === null;
  const absentB = b === undefined || b === null;
  if (absentA && absentB) return;
  if (absentA) return void out.push({ path, kind: 'added', before: null, after: b });
  if (absentB) return void out.push({ path, kind: 'removed', before: a, after: null });
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ma = byId(a);
    const mb = byId(b);
    if (ma !== undefined && mb !== undefined && (ma.size > 0 || mb.size > 0)) {
      for (const [id, item] of ma) walk(item, mb.get(id), [...path, id], out);
      for (const [id, item] of mb) if (!ma.has(id)) walk(undefined, item, [...path, id], out);
      return;
    }
  }
  if (canonicalJson(a) !== canonicalJson(b)) out.push({ path, kind: 'changed', before: a, after: b });
}
