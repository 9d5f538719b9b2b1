// Lint = correctness rules + the import-direction rules: core is pure and imports nothing outside
// core; web packages import core only; the server's module boundaries are eslint/boundaries.js.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/boundaries.js';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'worker_threads',
  'process',
  'buffer',
];
const deepImports = {
  group: ['@saldo/*/src/*', '**/packages/*/src/*'],
  message: 'Use the package exports map, not deep imports.',
};

function layer(files, forbidden, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepImports, { group: forbidden, message }] }],
    },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', 'coverage/**', '**/dist/**'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Ask the injected clock; Date.now() is only allowed in the composition root and the system clock.',
        },
      ],
    },
  },
  layer(
    ['packages/core/src/**/*.ts'],
    ['@saldo/server', '@saldo/server/*', '@saldo/web', '@saldo/web/*', 'pg', 'fastify', ...nodeBuiltins],
    'core is pure: no I/O, no Node built-ins, no server or web imports.',
  ),
  {
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.bench.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  layer(
    ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    ['@saldo/server', '@saldo/server/*', 'node:*'],
    'web depends on core only.',
  ),
  {
    files: ['packages/server/src/**/*.ts'],
    plugins: { saldo: boundaries },
    rules: { 'saldo/boundaries': 'error' },
  },
  layer(
    ['packages/server/src/modules/*/usecases/**/*.ts', 'packages/server/src/modules/*/ports*'],
    ['pg', '@electric-sql/*', 'fastify'],
    'use cases and ports know no database driver and no HTTP framework.',
  ),
  layer(
    ['packages/server/src/modules/*/routes*'],
    ['pg', '@electric-sql/*'],
    'routes call use cases, never the database.',
  ),
  {
    // Tests may reach into any layer to build fixtures.
    files: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
