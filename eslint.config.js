// Lint = correctness rules + the import-direction rules between layers:
//   web -> core; server/api -> usecases -> core|ports; adapters implement ports;
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
