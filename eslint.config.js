// Lint, and the import rules of ARCHITECTURE.md enforced as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'profiles/**', '.electron-native/**', 'release/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // TypeScript checks names; no-undef only misfires on types and globals.
      'no-undef': 'off',
    },
  },
  {
    // Migrations are written against Kysely<any> on purpose: they must not depend on today's types.
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'antd', 'better-sqlite3', 'kysely', 'fastify', '**/db/**', '**/renderer/**', '**/electron/**', '**/hq/**'],
      'shared/ stays pure: no Node built-ins, electron, React, database or other layers.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely', 'fastify', '**/db/**', '**/electron/**', '**/hq/**'],
      'renderer/ imports shared/ only and talks to the backend through renderer/api/client.ts.',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', '**/hq/**', 'react', 'antd'], 'db/ never imports electron, the renderer or HQ.'),
  },
  {
    files: ['hq/**/*.ts'],
    rules: restrict(['electron', '**/electron/**', '**/renderer/**', '**/db/**', 'react', 'antd'], 'hq/ imports shared/ only.'),
  },
);
