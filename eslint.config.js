// Lint = correctness rules + the import-direction rules of the architecture guide:
//   console, portal -> core; models -> core; server/api -> usecases -> core|ports; adapters implement ports;
//   engine -> usecases|ports; cli -> usecases; main.ts (composition root) -> everything; core -> nothing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    ['packages/server/src/api/**/*.ts'],
    ['**/adapters/**', '**/engine/**', '**/cli/**', 'pg', '@electric-sql/*'],
    'api calls usecases, never adapters or the database.',
  ),
  layer(
    ['packages/server/src/usecases/**/*.ts'],
    ['**/adapters/**', '**/api/**', '**/cli/**', '**/engine/**', 'pg', '@electric-sql/*', 'fastify'],
    'usecases depend on core and ports only.',
  ),
  layer(
    ['packages/server/src/ports/**/*.ts'],
    ['**/adapters/**', '**/api/**', '**/cli/**', '**/engine/**', '**/usecases/**'],
    'ports are interfaces over core types.',
  ),
  layer(
    ['packages/server/src/adapters/**/*.ts'],
    ['**/api/**', '**/cli/**', '**/engine/**', '**/usecases/**'],
    'adapters implement ports; they do not call up the stack.',
  ),
  layer(
    ['packages/server/src/engine/**/*.ts'],
    ['**/adapters/**', '**/api/**', '**/cli/**'],
    'engine uses usecases and ports.',
  ),
  layer(
    ['packages/server/src/cli/**/*.ts'],
    ['**/adapters/**', '**/api/**'],
    'cli calls usecases; wiring happens in the composition root (main.ts / compose.ts).',
  ),
  {
    // Tests may reach into any layer to build fixtures.
    files: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
