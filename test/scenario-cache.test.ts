/** The parsed-once cache of built-in scenarios (adapters/files): used, rebuilt when corrupt, and exact in messages. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  builtinDir,
  checkScenario,
  loadScenario,
  scenarioCacheKey,
  useScenarioCache,
} from '../src/adapters/files/index.js';
import { BulwarkError, type Issue } from '../src/core/shared/index.js';

let dir: string;
let before: string | null;
const text = readFileSync(join(builtinDir, 'ukraine-2025.yaml'), 'utf8');
const entry = (): string => join(dir, `${scenarioCacheKey(text)}.json`);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-cache-'));
  before = useScenarioCache(dir);
});
afterEach(() => {
  useScenarioCache(before);
  rmSync(dir, { recursive: true, force: true });
});

const issuesOf = (f: () => unknown): Issue[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof BulwarkError) return [...e.issues];
    throw e;
  }
  throw new Error('expected a BulwarkError');
};

describe('built-in scenarios parsed once', () => {
  it('the first load writes a JSON entry keyed by the text; the next load reads it instead of the YAML', () => {
    const cold = loadScenario('ukraine-2025');
    expect(readdirSync(dir)).toEqual([`${scenarioCacheKey(text)}.json`]);
    const warm = loadScenario('ukraine-2025');
    expect(warm.hash).toBe(cold.hash);
    expect(warm.scenario).toEqual(cold.scenario);
    // Proof that the entry is what is read: an entry edited by hand changes the title.
    const e = JSON.parse(readFileSync(entry(), 'utf8')) as { data: { meta: { title: string } } };
    e.data.meta.title = 'from the cache';
    writeFileSync(entry(), JSON.stringify(e));
    expect(loadScenario('ukraine-2025').scenario.meta.title).toBe('from the cache');
  });

  it('a corrupt or foreign entry is ignored and rebuilt', () => {
    const want = loadScenario('ukraine-2025').hash;
    for (const bad of ['{"format":1,"key":"', 'null', '{"format":1,"key":"other","data":{}}', '']) {
      writeFileSync(entry(), bad);
      expect(loadScenario('ukraine-2025').hash).toBe(want);
      const rebuilt = JSON.parse(readFileSync(entry(), 'utf8')) as { key: string };
      expect(rebuilt.key).toBe(scenarioCacheKey(text));
    }
  });

  it('an unwritable cache folder only costs the parse', () => {
    // Under a regular file: mkdir fails (ENOTDIR).
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    useScenarioCache(join(file, 'cache'));
    expect(loadScenario('ukraine-2025').scenario.meta.id).toBe('ukraine-2025');
  });

  it('messages still name the file and the exact line when the data came from the cache', () => {
    useScenarioCache(null);
    const uncached = issuesOf(() => loadScenario('ukraine-2025', ['no-such-variant']));
    useScenarioCache(dir);
    loadScenario('ukraine-2025');
    const cached = issuesOf(() => loadScenario('ukraine-2025', ['no-such-variant']));
    expect(cached).toEqual(uncached);
    expect(cached[0]).toMatchObject({ file: 'scenarios/ukraine-2025.yaml' });
    expect(cached[0]!.line).toBeGreaterThan(1);
    // The line is the `variants:` key of the file as written.
    expect(text.split('\n')[cached[0]!.line! - 1]).toMatch(/^variants:/);
  });

  it('a file that is not a built-in is never cached', () => {
    const f = join(dir, 'copy.yaml');
    writeFileSync(f, text);
    expect(checkScenario(f).loaded?.scenario.meta.id).toBe('ukraine-2025');
    expect(readdirSync(dir)).toEqual(['copy.yaml']);
  });
});
