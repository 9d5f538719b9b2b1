import { defineConfig } from 'vitest/config';

// Two cores: keep parallelism low. PGlite instances are ~0.8 GB and 3-4 s to create, so DB test
// files share one instance per file and isolate by tenant (a fresh organisation per test).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.{ts,tsx}', 'packages/*/test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
