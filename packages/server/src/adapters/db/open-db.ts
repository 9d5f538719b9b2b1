import type { Db } from '../../ports/db.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

/** DATABASE_URL → a real Postgres; otherwise embedded PGlite in `dataDir` (created on first start). */
export async function openDb(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  if (opts.databaseUrl) return openPostgresDb(opts.databaseUrl);
  return openPgliteDb(opts.dataDir);
}
