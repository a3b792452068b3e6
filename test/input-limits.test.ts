/**
 * Inputs that used to crash the reader, hang it, or give a message without a position (issue 16: items 7,
 * 14, 16): JSON read by a JSON parser, nesting and size limits at every entry, empty documents, unknown
 * variants named with their place in the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkScenario, parseText } from '../src/adapters/files/index.js';
import { runAssure, loadInput } from '../src/app/index.js';
import { applyVariants, validate } from '../src/core/scenario/index.js';
import { BulwarkError, INPUT_LIMITS, type Issue } from '../src/core/shared/index.js';
import { fixture, loadFixture, readScenarioData } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bulwark-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const where = (i: Issue): string => `${i.code}@${i.line}:${i.column}`;

/** `depth` nested objects `{k: {k: … {}}}` built without recursion. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let d = 1; d < depth; d++) {
    const next: Record<string, unknown> = {};
    o['k'] = next;
    o = next;
  }
  return root;
}

describe('JSON is read with a JSON parser', () => {
  it('locates a JSON syntax error (trailing comma) at its line and column', () => {
    const file = write('comma.json', '{\n  "meta": { "id": "x", }\n}\n');
    const r = checkScenario(file);
    expect(r.issues.map(where)).toEqual(['syntax.json@2:24']);
    expect(r.issues[0]?.message).toContain('double-quoted property name');
  });

  it('locates an unexpected token, which JSON.parse reports without a position', () => {
    const file = write('token.json', '{"a":\n tru}');
    expect(checkScenario(file).issues.map(where)).toEqual(['syntax.json@2:5']);
  });

  it('refuses YAML that is not JSON in a .json file (unquoted keys, anchors)', () => {
    const file = write('yamlish.json', '{meta: {id: x}}');
    expect(checkScenario(file).issues.map((i) => i.code)).toEqual(['syntax.json']);
  });

  it('reads a valid JSON scenario with positions for its issues', () => {
    const data = readScenarioData(fixture('minimal.yaml')) as Record<string, unknown>;
    const file = write(
      'minimal.json',
      JSON.stringify({ ...data, horizon: { start: 'soon', periods: 4 } }, null, 2),
    );
    const r = checkScenario(file);
    expect(r.issues.map((i) => i.code)).toEqual(['schema.invalid-format']);
    expect(r.issues[0]?.line).toBeGreaterThan(1);
  });
});

describe('nesting depth is bounded at every entry', () => {
  it('a JSON file nested 5,000 deep is a located error, not a stack overflow', () => {
    const file = write('deep.json', '{"a": ' + '['.repeat(5000) + ']'.repeat(5000) + '}');
    const r = checkScenario(file);
    expect(r.issues.map((i) => i.code)).toEqual(['input.too-deep']);
    expect(r.issues[0]?.line).toBe(1);
  });

  it('a YAML file nested 3,000 deep in flow and in block style: located, and the same every time', () => {
    const flow = write('deep-flow.yaml', 'a: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n');
    let block = '';
    for (let i = 0; i < 1200; i++) block += ' '.repeat(i) + 'k:\n';
    const blockFile = write('deep-block.yaml', block);
    for (const f of [flow, blockFile]) {
      const first = checkScenario(f).issues.map(where);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatch(/^input\.too-deep@\d+:\d+$/);
      expect(checkScenario(f).issues.map(where)).toEqual(first);
    }
  });

  it('a variant patch nested 10,000 deep gets one deterministic verdict from validate (API bodies)', () => {
    const s = loadFixture() as unknown as Record<string, unknown>;
    const doc = { ...s, variants: [{ id: 'deep', name: 'Deep', patch: nested(10_000) }] };
    const a = validate(doc);
    const b = validate({ ...s, variants: [{ id: 'deep', name: 'Deep', patch: nested(10_000) }] });
    expect(a.ok).toBe(false);
    if (a.ok || b.ok) return;
    expect(a.error).toEqual(b.error);
    expect(a.error.map((i) => i.code)).toEqual(['input.too-deep']);
    expect(a.error[0]?.path.slice(0, 3)).toEqual(['variants', 0, 'patch']);
  });

  it('a patch just within the limit validates and applies', () => {
    const s = loadFixture();
    const r = validate({ ...s, variants: [{ id: 'ok', name: 'Ok', patch: { meta: { description: 'x' } } }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(applyVariants(r.value.scenario, ['ok']).ok).toBe(true);
    // 60 levels inside a patch at depth 4 is depth 64: allowed; 61 is not.
    const codes = (d: number): string[] => {
      const v = validate({ ...s, variants: [{ id: 'v', name: 'V', patch: nested(d) }] });
      return v.ok ? [] : v.error.map((i) => i.code);
    };
    expect(codes(61)).not.toContain('input.too-deep');
    expect(codes(62)).toEqual(['input.too-deep']);
  });
});

describe('size limits', () => {
  it(`a file over ${INPUT_LIMITS.bytes / 1024 / 1024} MiB is refused before it is read, with the limit`, () => {
    const file = write('huge.yaml', 'meta:\n  assumptions:\n' + '    - an assumption\n'.repeat(350_000));
    let err: unknown;
    try {
      checkScenario(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BulwarkError);
    const issues = (err as BulwarkError).issues;
    expect(issues.map(where)).toEqual(['input.too-large@1:1']);
    expect(issues[0]?.message).toContain('at most 5.0 MiB');
  });

  it('a list of 20,000 items is refused at the list, in well under a second of validation', () => {
    const text = stringify({ meta: { assumptions: Array.from({ length: 20_000 }, (_, i) => `a${i}`) } });
    const t0 = performance.now();
    const r = checkScenario(write('long.yaml', text));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.issues.map(where)).toEqual(['input.too-long@3:5']);
  });

  it('an empty or comment-only document is a located error', () => {
    expect(() => parseText('', 'e.yaml')).toThrow(BulwarkError);
    for (const text of ['', '# nothing\n', '---\n']) {
      const r = checkScenario(write('empty.yaml', text));
      expect(r.issues.map(where)).toEqual(['syntax.empty@1:1']);
    }
  });
});

describe('unknown variants are located', () => {
  it('assure --variant nope names the file, line and column', async () => {
    const file = fixture('minimal.yaml');
    const err = await runAssure({ loaded: loadInput(file), variants: ['nope'], runs: 10, workers: 1 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BulwarkError);
    const i = (err as BulwarkError).issues[0];
    expect(i).toMatchObject({ code: 'variant.unknown', file });
    expect(i?.line).toBeGreaterThan(100);
  });
});
