// Lint = correctness rules + the import-direction rules: core is pure and imports nothing outside
// core; console and portal import core only; models imports core; the server's module boundaries are eslint/boundaries.js.
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

const saldoPackages = ['@saldo/core', '@saldo/models', '@saldo/server', '@saldo/console', '@saldo/portal'];
/** Every Saldo package but the allowed ones, with their subpaths. */
function saldoPackagesExcept(...allowed) {
  return saldoPackages.filter((p) => !allowed.includes(p)).flatMap((p) => [p, `${p}/*`]);
}

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
    [...saldoPackagesExcept('@saldo/core'), 'pg', 'fastify', ...nodeBuiltins],
    'core is pure: no I/O, no Node built-ins, no imports of other Saldo packages.',
  ),
  {
    files: ['packages/core/src/**/*.test.ts', 'packages/core/src/**/*.bench.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  layer(
    ['packages/console/src/**/*.ts', 'packages/console/src/**/*.tsx'],
    [...saldoPackagesExcept('@saldo/core'), 'pg', 'fastify', ...nodeBuiltins],
    'the console runs in browsers: it imports @saldo/core only (the server through its HTTP API).',
  ),
  {
    files: ['packages/server/src/**/*.ts'],
    plugins: { saldo: boundaries },
    rules: { 'saldo/boundaries': 'error' },
  },
  layer(
    ['packages/portal/src/**/*.ts', 'packages/portal/src/**/*.tsx'],
    [...saldoPackagesExcept('@saldo/core'), 'pg', 'fastify', ...nodeBuiltins],
    'the portal renders in the server and enhances in browsers: it imports @saldo/core only.',
  ),
  layer(
    ['packages/models/src/**/*.ts'],
    saldoPackagesExcept('@saldo/core', '@saldo/models'),
    'models trains and evaluates on top of @saldo/core; the server uses models, never the reverse.',
  ),
  layer(
    ['packages/models/src/nlu/**/*.ts'],
    [...saldoPackagesExcept('@saldo/core', '@saldo/models'), ...nodeBuiltins],
    'training and evaluation are pure (deterministic, no I/O): reading the corpus is models/src/nlu-corpus.',
  ),
  {
    files: ['packages/models/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
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
