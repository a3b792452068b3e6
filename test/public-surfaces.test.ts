/**
 * The lint rule of public surfaces (eslint.config.js, docs/architecture.md): another folder is imported only
 * through its index.ts. Each case lints one line as if it were written in the named file.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
let configs: Linter.Config[];

beforeAll(async () => {
  const url = pathToFileURL(join(root, 'eslint.config.js')).href;
  const all = ((await import(url)) as { default: Linter.Config[] }).default;
  // Only the import rules: the type-aware rules need a TypeScript project, these do not.
  configs = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...all.flatMap((c) => {
      const rule = c.rules?.['no-restricted-imports'];
      return rule === undefined
        ? []
        : [{ ...(c.files ? { files: c.files } : {}), rules: { 'no-restricted-imports': rule } }];
    }),
  ];
});

function messages(file: string, code: string): string[] {
  return new Linter({ cwd: root })
    .verify(code, configs, join(root, file))
    .map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('public surfaces', () => {
  it.each([
    ['src/core/scenario/x.ts', "import { planForce } from '../plan/plan.js';", 'src/core/plan/index.js'],
    ['src/app/x.ts', "import { planForce } from '../core/plan/plan.js';", 'src/core/plan/index.js'],
    [
      'src/server/routes/x.ts',
      "import type { Actor } from '../../app/workspace-auth.js';",
      'src/app/index.js',
    ],
    [
      'src/adapters/render/x.ts',
      "import { formatHead } from '../store/audit-chain.js';",
      'src/adapters/store/index.js',
    ],
    [
      'test/x.test.ts',
      "import { renderBriefingHtml } from '../src/adapters/render/briefing-html.js';",
      'src/adapters/render/index.js',
    ],
    [
      'web/src/views/x.ts',
      "import type { ShortfallRow } from '../../../src/core/plan/force-plan.js';",
      'src/core/plan/index.js',
    ],
  ])('%s: a deep import of another folder fails and names the fix', (file, code, surface) => {
    const found = messages(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('no-restricted-imports');
    expect(found[0]).toContain(`import from '${surface}'`);
  });

  it.each([
    ['src/core/scenario/x.ts', "import { planForce } from '../plan/index.js';"],
    ['src/core/plan/x.ts', "import { buildPlanProgram } from './build-program.js';"],
    ['src/server/routes/x.ts', "import { defineRoute } from '../route.js';"],
    ['src/app/x.test.ts', "import { smallScenario } from '../core/plan/testing.js';"],
    ['src/cli/commands/x.ts', "export const load = () => import('../../app/plan.js');"],
  ])('%s: the index, the own folder, a test helper and a lazy import() pass', (file, code) => {
    expect(messages(file, code)).toEqual([]);
  });

  it('keeps the purity rules of core beside the surfaces', () => {
    const found = messages('src/core/plan/x.ts', "import { readFileSync } from 'node:fs';");
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('src/core is pure: no Node I/O.');
  });
});
