/**
 * Three-way comparison of JSON values for the conflict protocol (components/versioned.ts): what the user
 * read (base), what they typed (mine) and what someone else saved meanwhile (theirs), leaf by leaf.
 * Pure: no DOM.
 */

/** A path to a leaf of a JSON value: object keys and array indices. */
export type LeafPath = readonly (string | number)[];

/** One differing field of a conflict. */
export interface FieldConflict {
  readonly path: LeafPath;
  /** JSON text of each side; undefined when the field is absent. */
  readonly base: string | undefined;
  readonly mine: string | undefined;
  readonly theirs: string | undefined;
  /** Who changed it since the user read it: `mine`, `theirs` or `both`. */
  readonly changedBy: 'mine' | 'theirs' | 'both';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The leaves of a JSON value by path; arrays of scalars are one leaf (`missions`), arrays of objects recurse. */
export function leaves(
  v: unknown,
  path: LeafPath = [],
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (isRecord(v)) {
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], out);
    if (Object.keys(v).length === 0 && path.length > 0) out.set(JSON.stringify(path), v);
  } else if (Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null))
    v.forEach((x, i) => leaves(x, [...path, i], out));
  else out.set(JSON.stringify(path), v);
  return out;
}

/** Text of a value for comparison; key order does not matter. */
export function canonical(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return JSON.stringify(v, (_k, x: unknown) =>
    isRecord(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

/** Every leaf where what the user typed differs from what the other person saved. */
export function conflicts(base: unknown, mine: unknown, theirs: unknown): FieldConflict[] {
  const b = leaves(base);
  const m = leaves(mine);
  const t = leaves(theirs);
  const keys = [...new Set([...m.keys(), ...t.keys()])];
  const out: FieldConflict[] = [];
  for (const k of keys) {
    const [bs, ms, ts] = [canonical(b.get(k)), canonical(m.get(k)), canonical(t.get(k))];
    if (ms === ts) continue;
    out.push({
      path: JSON.parse(k) as LeafPath,
      base: bs,
      mine: ms,
      theirs: ts,
      changedBy: ms === bs ? 'theirs' : ts === bs ? 'mine' : 'both',
    });
  }
  return out;
}

/**
 * Theirs, with the user's value at each path in `keepMine` (a leaf absent in mine is removed). Array
 * holes left by removed elements are closed, and an element left with no fields is dropped.
 */
export function combine<T>(mine: T, theirs: T, keepMine: readonly LeafPath[]): T {
  const out = structuredClone(theirs) as unknown;
  const m = leaves(mine);
  for (const path of keepMine) {
    const value = m.get(JSON.stringify(path));
    setLeaf(out, path, value === undefined ? undefined : structuredClone(value));
  }
  return compact(out) as T;
}

function setLeaf(root: unknown, path: LeafPath, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      if (value === undefined) {
        if (Array.isArray(node)) node[key as number] = undefined;
        else delete node[key];
      } else node[key] = value;
      return;
    }
    if (typeof node[key] !== 'object' || node[key] === null)
      node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
}

function compact(v: unknown): unknown {
  // An element all of whose fields were taken away (a row removed in mine) goes too.
  if (Array.isArray(v))
    return v.filter((x) => x !== undefined && !(isRecord(x) && Object.keys(x).length === 0)).map(compact);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
  return v;
}
