/**
 * Compact scenario versions (issue 18 item 6; docs/decisions/0009-compact-versions.md). Version 1 and every
 * `SNAPSHOT_EVERY`-th version after it are stored whole (`full`: the canonical JSON the hash is taken
 * of); the others as a patch on the version before (`patch`). Reading version v parses the snapshot at or
 * before it and applies the patches up to v, then checks the result against v's stored hash, so a
 * damaged chain is an error, never a wrong document.
 *
 * The patch is a canonical diff of the top level, small because the workspace changes one object per
 * version: `{ set: {key: value}, unset: [key], lists: {key: {ids, put}} }`. A list whose items all have
 * distinct string ids (pledges, nations, catalog, …) is patched by id: `ids` is the new order, `put` the
 * items that are new or differ; every other changed value is set whole.
 *
 * Documents passed here are treated as immutable (as the store's cache already requires): the canonical
 * text of each top-level value and list item is memoised per object, so hashing a version after a
 * one-object edit serialises only what changed.
 */
import type { Kysely } from 'kysely';
import { BulwarkError, canonicalJson } from '../../core/shared/index.js';
import type { Database } from './schema.js';

/** A snapshot every 32 versions: reading any version applies at most 31 patches (measured in 0009). */
export const SNAPSHOT_EVERY = 32;

export type VersionEncoding = 'full' | 'patch';

interface ListPatch {
  readonly ids: readonly string[];
  readonly put: Readonly<Record<string, unknown>>;
}

/** What changed between two documents at the top level. */
export interface DocumentPatch {
  readonly set?: Readonly<Record<string, unknown>>;
  readonly unset?: readonly string[];
  readonly lists?: Readonly<Record<string, ListPatch>>;
}

/** True when version `version` (1-based) is stored whole. */
export const isSnapshot = (version: number): boolean => (version - 1) % SNAPSHOT_EVERY === 0;

const memo = new WeakMap<object, string>();

/**
 * `canonicalJson(doc)`, byte for byte, reusing the text of every top-level value and list item already
 * serialised (by object identity).
 */
export function canonicalText(doc: unknown): string {
  return canonical(doc, 0);
}

/**
 * `canonicalText(doc)` as the pieces that concatenate to it, without concatenating them: the text of a
 * large document is costly to build (a 110 KB string with non-Latin-1 characters took ~6 ms to flatten
 * here), while a hash can take it piece by piece.
 */
export function canonicalParts(doc: unknown): string[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [canonical(doc, 0)];
  const record = doc as Record<string, unknown>;
  const keys = sortedKeys(record);
  const out: string[] = ['{'];
  keys.forEach((k, i) => {
    out.push(`${i === 0 ? '' : ','}${JSON.stringify(k)}:`, canonical(record[k], 1));
  });
  out.push('}');
  return out;
}

/** The keys JSON.stringify writes for an object built with `record`'s keys sorted (integer-like first). */
function sortedKeys(record: Record<string, unknown>): string[] {
  const shell: Record<string, true> = {};
  for (const k of Object.keys(record).sort()) if (record[k] !== undefined) shell[k] = true;
  return Object.keys(shell);
}

function canonical(v: unknown, depth: number): string {
  if (v === null || typeof v !== 'object') return canonicalJson(v);
  const known = memo.get(v);
  if (known !== undefined) return known;
  let out: string;
  if (depth >= 2) out = canonicalJson(v);
  else if (Array.isArray(v))
    out = `[${(v as unknown[]).map((x) => (x === undefined ? 'null' : canonical(x, depth + 1))).join(',')}]`;
  else {
    const record = v as Record<string, unknown>;
    out = `{${sortedKeys(record)
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k], depth + 1)}`)
      .join(',')}}`;
  }
  memo.set(v, out);
  return out;
}

/** The patch that turns `before` into `after` (both documents: plain JSON objects). */
export function diffDocuments(before: unknown, after: unknown): DocumentPatch {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const lists: Record<string, ListPatch> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (y === undefined) {
      if (x !== undefined) unset.push(k);
      continue;
    }
    const xs = byId(x);
    const ys = byId(y);
    if (xs !== undefined && ys !== undefined) {
      const put: Record<string, unknown> = {};
      for (const [id, item] of ys) {
        const old = xs.get(id);
        if (old !== item && (old === undefined || canonical(old, 2) !== canonical(item, 2))) put[id] = item;
      }
      const ids = [...ys.keys()];
      if (Object.keys(put).length > 0 || !sameList(ids, [...xs.keys()])) lists[k] = { ids, put };
      continue;
    }
    if (x === undefined || canonical(x, 1) !== canonical(y, 1)) set[k] = y;
  }
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(unset.length > 0 ? { unset } : {}),
    ...(Object.keys(lists).length > 0 ? { lists } : {}),
  };
}

/** `before` with `patch` applied (a new object; `before` is not changed). */
export function applyPatch(before: unknown, patch: DocumentPatch): unknown {
  const out: Record<string, unknown> = { ...(before as Record<string, unknown>) };
  for (const k of patch.unset ?? []) delete out[k];
  for (const [k, v] of Object.entries(patch.set ?? {})) out[k] = v;
  for (const [k, l] of Object.entries(patch.lists ?? {})) {
    const old = byId(out[k]) ?? new Map<string, unknown>();
    out[k] = l.ids.map((id) => {
      const item = Object.hasOwn(l.put, id) ? l.put[id] : old.get(id);
      if (item === undefined)
        throw new Error(`patch of "${k}" names item "${id}", which is in neither version`);
      return item;
    });
  }
  return out;
}

/** What to store for version `version`: the canonical text (`text()`) when it is a snapshot, else the patch. */
export function encodeVersion(
  version: number,
  before: unknown,
  after: unknown,
  text: () => string,
): { encoding: VersionEncoding; body: string } {
  if (isSnapshot(version) || before === undefined) return { encoding: 'full', body: text() };
  return { encoding: 'patch', body: JSON.stringify(diffDocuments(before, after)) };
}

/**
 * The document of one stored version, reconstructed from its snapshot and patches and checked against its
 * hash (`hashOf`); undefined when the version does not exist. Rows stored before compact versions are all
 * `full`, so they read as before.
 */
export async function readVersionDocument(
  db: Kysely<Database>,
  id: string,
  version: number,
  hashOf: (doc: unknown) => string,
): Promise<{ hash: string; document: unknown } | undefined> {
  const snapshot = await db
    .selectFrom('scenario_versions')
    .select((e) => e.fn.max('version').as('version'))
    .where('scenario_id', '=', id)
    .where('version', '<=', version)
    .where('encoding', '=', 'full')
    .executeTakeFirst();
  const from = snapshot?.version === null || snapshot === undefined ? undefined : Number(snapshot.version);
  if (from === undefined) return undefined;
  const rows = await db
    .selectFrom('scenario_versions')
    .select(['version', 'encoding', 'document', 'hash'])
    .where('scenario_id', '=', id)
    .where('version', '>=', from)
    .where('version', '<=', version)
    .orderBy('version')
    .execute();
  const last = rows.at(-1);
  if (last === undefined || Number(last.version) !== version) return undefined;
  let doc: unknown;
  rows.forEach((r, i) => {
    if (Number(r.version) !== from + i)
      throw new BulwarkError(
        'internal',
        `scenario "${id}" lacks version ${from + i}; cannot read ${version}`,
      );
    doc =
      r.encoding === 'full'
        ? JSON.parse(r.document)
        : applyPatch(doc, JSON.parse(r.document) as DocumentPatch);
  });
  if (rows.length > 1 && hashOf(doc) !== last.hash)
    throw new BulwarkError(
      'internal',
      `version ${version} of scenario "${id}" does not reconstruct to its stored hash (a damaged version chain)`,
    );
  return { hash: last.hash, document: doc };
}

/**
 * Replays stored versions in order (by scenario, then version), giving each one's canonical text for a
 * hash check: a snapshot's own text, or the text of the version before with the patch applied. Undefined
 * when a patch cannot be applied (its version before is missing, or it names items that are not there).
 */
export function versionReplayer(): (row: {
  scenario_id: string;
  version: number | string;
  encoding: string;
  document: string;
}) => string | undefined {
  let last: { id: string; version: number; doc: unknown } | undefined;
  return (row) => {
    const version = Number(row.version);
    try {
      if (row.encoding !== 'patch') {
        last = { id: row.scenario_id, version, doc: JSON.parse(row.document) };
        return row.document;
      }
      if (last?.id !== row.scenario_id || last.version !== version - 1) {
        last = undefined;
        return undefined;
      }
      last = {
        id: row.scenario_id,
        version,
        doc: applyPatch(last.doc, JSON.parse(row.document) as DocumentPatch),
      };
      return canonicalText(last.doc);
    } catch {
      last = undefined;
      return undefined;
    }
  };
}

function byId(v: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Map<string, unknown>();
  for (const item of v as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string' || out.has(id)) return undefined;
    out.set(id, item);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
