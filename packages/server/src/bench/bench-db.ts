// A fresh database for one benchmark child: in-memory PGlite, or a throw-away schema on PostgreSQL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../shared/db/db.js';
import { openPgliteDb } from '../shared/db/pglite-db.js';
import { openPostgresDb } from '../shared/db/postgres-db.js';

export const BENCH_PG_URL =
  process.env.SALDO_BENCH_DATABASE_URL ??
  process.env.SALDO_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

/** The demo portfolio's as-of date, and the instant every benchmark row is written at. */
export const BENCH_AS_OF = '2026-11-24';

export async function freshDb(storage: 'pglite' | 'postgres'): Promise<{ db: Db; drop(): Promise<void> }> {
  if (storage === 'pglite') {
    const db = await openPgliteDb();
    return { db, drop: () => db.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(BENCH_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = await openPostgresDb(url.toString());
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
