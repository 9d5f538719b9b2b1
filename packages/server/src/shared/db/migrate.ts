import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies packages/server/migrations/NNNN_*.sql in order, each in its own transaction, and
 * records them in schema_migrations. An advisory lock serialises concurrent migrators (several
 * workers booting against one Postgres). `appliedAt` comes from the injected clock.
 */
export async function migrate(db: Db, appliedAt: Date, dir = migrationsDir): Promise<MigrationResult> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL)`,
  );
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  let already = 0;
  for (const file of files) {
    const version = file.replace(/\.sql$/, '');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (seen.rows.length > 0) return true;
      await tx.exec(readFileSync(`${dir}/${file}`, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        version,
        appliedAt,
      ]);
      return false;
    });
    if (done) already++;
    else applied.push(version);
  }
  return { applied, alreadyApplied: already };
}
