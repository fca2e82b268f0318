// Import-boundary zones keep each runtime in its own folder (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'net', 'url'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'data/',
      'e2e/artifacts/',
      'bench/results/',
      '.vitest-reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        'electron',
        'better-sqlite3',
        'pg',
        'kysely',
        'fastify',
        'react',
        '**/electron/**',
        '**/renderer/**',
        '**/hub/**',
        '**/resources/**',
      ],
      'shared/ is pure: no Node, Electron, DOM, database or other project folders.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', '**/electron/**', '**/hub/**'],
        'renderer/ talks to the core only through the contract (window.sportello).',
      ),
    },
  },
  {
    files: ['electron/desk/**/*.ts'],
    // integration tests start a real hub beside the core; the core itself never imports it
    ignores: ['electron/desk/**/*.integration.test.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**', '**/hub/**', '**/electron/main/**'],
      'The desk core runs in plain Node: no electron import.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      [
        ...nodeBuiltins,
        '**/electron/desk/**',
        '**/electron/main/**',
        '**/renderer/**',
        '**/hub/**',
        'better-sqlite3',
        'kysely',
      ],
      'The preload imports only electron and shared/.',
    ),
  },
  {
    files: ['hub/**/*.ts'],
    rules: restrict(
      ['electron', '**/electron/**', '**/renderer/**'],
      'The hub never imports electron/ or renderer/.',
    ),
  },
);
