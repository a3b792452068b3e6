// @ts-check
import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Public surfaces (docs/architecture.md): code in one folder imports another folder only through that
// folder's index.ts, which names its exports. A folder's own files and tests import its files directly;
// test helpers (`testing.ts`) and lazy `import()` (start-up at the CLI edge) may name a file.
const foldersOf = (/** @type {string} */ dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(new URL(`${dir}/${e.name}/index.ts`, import.meta.url)))
    .map((e) => e.name);
const surfaceFolders = [
  ...foldersOf('src/core').map((f) => `core/${f}`),
  ...foldersOf('src/adapters').map((f) => `adapters/${f}`),
  'app',
  'server',
];
const notTheSurface = '/(?!index\\.js$|testing\\.js$)[^/]+';
const surfaceMessage = (/** @type {string} */ folder) =>
  `${folder} is imported only through its public surface: import from 'src/${folder}/index.js' ` +
  `(add the name to the explicit exports there if it is missing).`;
/** Imports that name a file inside another folder, written from anywhere in the repository. */
const surfacePatterns = surfaceFolders.map((folder) => ({
  regex: `^(\\.\\./)+(src/)?${folder}${notTheSurface}$`,
  message: surfaceMessage(folder),
}));
/** The same, written from a sibling folder (`../plan/force-plan.js` inside src/core). */
const siblingPatterns = (/** @type {'core' | 'adapters'} */ parent) =>
  surfaceFolders
    .filter((folder) => folder.startsWith(`${parent}/`))
    .map((folder) => ({
      regex: `^\\.\\./${folder.slice(parent.length + 1)}${notTheSurface}$`,
      message: surfaceMessage(folder),
    }));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-results/', 'web/dist/', 'scratch/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: surfacePatterns }] },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...surfacePatterns, ...siblingPatterns('adapters')] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...surfacePatterns,
            ...siblingPatterns('core'),
            {
              group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'],
              message: 'src/core is pure: no Node I/O.',
            },
            {
              group: ['**/adapters/**', '**/app/**', '**/cli/**', '**/server/**', '**/config/**'],
              message: 'core depends only on core.',
            },
            { group: ['highs'], message: 'core takes an LpSolver port; only adapters/highs imports highs.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core reads no env: pass options in.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core randomness comes from a seeded Rng.' },
        { object: 'Date', property: 'now', message: 'core takes time as a parameter.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bin/**'],
    extends: [tseslint.configs.disableTypeChecked],
    // Plain Node scripts (the executable, the build script): Node's globals.
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
);
