import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../test/helpers.js';
import { canonicalJson } from '../../core/shared/index.js';
import { migrationProvider } from './migrations.js';
import { documentHash, openStore } from './store.js';
import {
  SNAPSHOT_EVERY,
  applyPatch,
  canonicalParts,
  canonicalText,
  diffDocuments,
  encodeVersion,
  type DocumentPatch,
} from './version-codec.js';

type Doc = Record<string, unknown>;
const base = loadBuiltin('ukraine-2025') as unknown as Doc;

/** Edits as the workspace makes them (one object replaced, added or removed, the rest shared), and more. */
const editArb: fc.Arbitrary<(d: Doc) => Doc> = fc.oneof(
  fc.tuple(fc.nat(), fc.jsonValue()).map(([i, note]) => (d: Doc) => {
    const list = d['pledges'] as Doc[];
    if (list.length === 0) return d;
    const k = i % list.length;
    return { ...d, pledges: list.map((p, j) => (j === k ? { ...p, note: JSON.stringify(note) } : p)) };
  }),
  fc.tuple(fc.nat(), fc.string()).map(([i, id]) => (d: Doc) => {
    const list = d['pledges'] as Doc[];
    const like = list[i % Math.max(1, list.length)] ?? {};
    return { ...d, pledges: [...list, { ...like, id: `new-${id}-${list.length}` }] };
  }),
  fc.nat().map((i) => (d: Doc) => {
    const list = d['pledges'] as Doc[];
    return { ...d, pledges: list.filter((_, j) => j !== i % Math.max(1, list.length)) };
  }),
  fc.nat().map((i) => (d: Doc) => {
    const list = d['nations'] as Doc[];
    const k = i % list.length;
    return { ...d, nations: list.map((n, j) => (j === k ? { ...n, personnelCeiling: i } : n)) };
  }),
  fc.string().map((t) => (d: Doc) => ({ ...d, meta: { ...(d['meta'] as Doc), title: t } })),
  fc.constant((d: Doc) => ({ ...d, pledges: [...(d['pledges'] as Doc[])].reverse() })),
  fc.constant((d: Doc) => {
    const { map: _map, ...rest } = d;
    return rest;
  }),
  fc.jsonValue().map((v) => (d: Doc) => ({ ...d, extra: v })),
  // A list with duplicate ids is patched whole.
  fc.constant((d: Doc) => ({
    ...d,
    capabilities: [...(d['capabilities'] as Doc[]), (d['capabilities'] as Doc[])[0]],
  })),
);

describe('version codec', () => {
  it('writes the canonical text byte for byte, memoised or not', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 6 }), (edits) => {
        let d = base;
        for (const e of edits) {
          d = e(d);
          expect(canonicalText(d)).toBe(canonicalJson(d));
          expect(canonicalParts(d).join('')).toBe(canonicalJson(d));
        }
      }),
      { numRuns: 60 },
    );
    // Integer-like keys come first in JSON.stringify's order; the memoised writer keeps it.
    const odd = { b: 1, 10: 2, a: { 2: 'x', 1: 'y' }, 9: [{ z: 1, y: undefined }] };
    expect(canonicalText(odd)).toBe(canonicalJson(odd));
    expect(canonicalParts(odd).join('')).toBe(canonicalJson(odd));
  });

  it('reconstructs every version exactly from snapshots and patches (random edit sequences)', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: SNAPSHOT_EVERY + 8 }), (edits) => {
        const docs: Doc[] = [base];
        for (const e of edits) docs.push(e(docs.at(-1) as Doc));
        // Stored rows as the store writes them: version v = docs[v - 1].
        const rows = docs.map((d, i) =>
          encodeVersion(i + 1, i === 0 ? undefined : docs[i - 1], d, () => canonicalText(d)),
        );
        let doc: unknown;
        rows.forEach((r, i) => {
          if (r.encoding === 'full') expect(i % SNAPSHOT_EVERY === 0 || i === 0).toBe(true);
          // A reader starts from a parsed snapshot, and applies parsed patches.
          doc =
            r.encoding === 'full' ? JSON.parse(r.body) : applyPatch(doc, JSON.parse(r.body) as DocumentPatch);
          expect(canonicalJson(doc)).toBe(canonicalJson(docs[i]));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('patches a one-pledge edit in a few hundred bytes, not the whole document', () => {
    const list = base['pledges'] as Doc[];
    const after = { ...base, pledges: list.map((p, j) => (j === 3 ? { ...p, units: 3 } : p)) };
    const patch = JSON.stringify(diffDocuments(base, after));
    expect(patch.length).toBeLessThan(1_500);
    expect(canonicalJson(base).length).toBeGreaterThan(50 * patch.length);
    expect(diffDocuments(base, base)).toEqual({});
  });
});

describe('compact versions in the store (SQLite)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('reads back every version of a long edit history, and verifies the audit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-codec-'));
    const store = await openStore({ dataDir: dir });
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await store.scenarios.createScenario('s', base, 'alice', 'seed');
    const docs: unknown[] = [base];
    const edits = fc.sample(editArb, { numRuns: SNAPSHOT_EVERY + 5, seed: 18 });
    for (const e of edits) {
      const saved = await store.scenarios.mutateScenario('s', 'alice', (cur) => ({
        document: e(cur.document as Doc),
        summary: 'edit',
        changes: [],
      }));
      docs.push(saved.document);
    }
    for (let v = 1; v <= docs.length; v++) {
      const got = await store.scenarios.getVersion('s', v);
      expect(got.hash).toBe(documentHash(docs[v - 1]));
      expect(canonicalJson(got.document)).toBe(canonicalJson(docs[v - 1]));
    }
    const rows = await sql<{ encoding: string; n: number; bytes: number }>`
      select encoding, count(*) as n, sum(length(document)) as bytes from scenario_versions group by encoding order by encoding`.execute(
      store.db,
    );
    expect(rows.rows.map((r) => [r.encoding, Number(r.n)])).toEqual([
      ['full', 2],
      ['patch', docs.length - 2],
    ]);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true });
  });

  it('opens a database made before compact versions, reads its versions, and adds patches after them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-codec-'));
    // Build the old database: migrations up to 0004, then the store of that time wrote whole documents.
    const first = await openStore({ dataDir: dir });
    await first.scenarios.createScenario('s', base, 'alice', 'seed');
    await first.scenarios.mutateScenario('s', 'alice', (cur) => ({
      document: { ...(cur.document as Doc), extra: 1 },
      summary: 'edit',
      changes: [],
    }));
    // Make version 2 look like an old row: whole, as before 0005, then drop the column as 0004 had it.
    await sql`update scenario_versions set document = ${canonicalJson({ ...base, extra: 1 })}, encoding = 'full' where version = 2`.execute(
      first.db,
    );
    await sql`alter table scenario_versions drop column encoding`.execute(first.db);
    await sql`delete from kysely_migration where name = '0005-compact-versions'`.execute(first.db);
    await first.close();
    const store = await openStore({ dataDir: dir });
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const migrations = await new Migrator({ db: store.db, provider: migrationProvider }).getMigrations();
    expect(migrations.find((m) => m.name === '0005-compact-versions')?.executedAt).toBeDefined();
    expect(canonicalJson((await store.scenarios.getVersion('s', 2)).document)).toBe(
      canonicalJson({ ...base, extra: 1 }),
    );
    const saved = await store.scenarios.mutateScenario('s', 'alice', (cur) => ({
      document: { ...(cur.document as Doc), extra: 2 },
      summary: 'edit',
      changes: [],
    }));
    expect(saved.version).toBe(3);
    expect((await store.scenarios.getVersion('s', 3)).hash).toBe(documentHash({ ...base, extra: 2 }));
    const enc = await sql<{
      version: number;
      encoding: string;
    }>`select version, encoding from scenario_versions order by version`.execute(store.db);
    expect(enc.rows.map((r) => r.encoding)).toEqual(['full', 'full', 'patch']);
    expect(await store.audit.verifyAudit()).toMatchObject({ ok: true });
  });
});
