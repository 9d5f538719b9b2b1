import type { Db } from './db.js';

/**
 * DATABASE_URL → a real Postgres; otherwise embedded PGlite in `dataDir` (created on first start).
 * Each driver is imported only when chosen: PGlite's WASM module costs ~40 MB a process that
 * talks to a real server does not need.
 */
export async function openDb(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Db> {
  if (opts.databaseUrl) return (await import('./postgres-db.js')).openPostgresDb(opts.databaseUrl);
  return (await import('./pglite-db.js')).openPgliteDb(opts.dataDir);
}
