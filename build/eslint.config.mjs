// Lint rules, including the architecture's dependency direction: renderer → shared ← electron.
// shared/ is pure (no Node, no Electron, no DOM frameworks); renderer/ never reaches privileged code;
// components reach data only through stores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url', 'util'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['build/dist/**', 'build/release/**', 'node_modules/**', 'test/.tmp/**', 'test/fixtures/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', '**/electron/**', '**/renderer/**', '@mantine/*'],
      'shared/ is pure TypeScript: no Node, Electron, DOM frameworks, or imports from electron/ or renderer/.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**'],
      'renderer/ runs sandboxed: it reaches the back end only through lib/api (via stores).',
    ),
  },
  {
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}', 'renderer/src/App.tsx'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', '**/electron/**', '**/lib/api', '**/lib/api.ts'],
      'Components reach data only through stores (renderer/src/stores), never lib/api directly.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', 'react-dom'], 'electron/ never imports renderer code.'),
  },
  {
    files: ['build/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
