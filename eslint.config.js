// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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
