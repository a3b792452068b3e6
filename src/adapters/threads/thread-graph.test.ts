import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The modules a source file loads at run time: static imports and re-exports, side-effect imports and
 * dynamic `import('…')` with a literal; not `import type`/`export type` (erased by the compiler). An
 * `import { type A }` counts, since verbatimModuleSyntax keeps it as a (side-effect) import.
 */
function runtimeImports(text: string): string[] {
  const clause = String.raw`(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+\w+))?)`;
  const patterns = [
    new RegExp(String.raw`^\s*(?:import|export)\s+${clause}\s+from\s+['"]([^'"]+)['"]`, 'gm'),
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** Every source file and package reached from `entry` through run-time imports. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(readFileSync(file, 'utf8')))
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
  };
  visit(entry);
  return { files: [...files].map((f) => relative(src, f)).sort(), packages: [...packages].sort() };
}

describe('the worker-thread entry', () => {
  const graph = importGraph(resolve(src, 'adapters/threads/simulation-thread.ts'));

  it('loads only the simulation: no zod, no scenario schema, no other package', () => {
    expect(graph.packages).toEqual(['node:worker_threads']);
    expect(graph.files.filter((f) => f.startsWith('core/scenario/'))).toEqual([]);
    expect(graph.files).toContain('core/assure/simulate.ts');
  });

  it('the graph walker sees what it must (a check of the check)', () => {
    const g = importGraph(resolve(src, 'core/scenario/index.ts'));
    expect(g.packages).toContain('zod');
    expect(runtimeImports("import type { A } from './a.js';\nimport { type B } from './b.js';")).toEqual([
      './b.js',
    ]);
  });
});
