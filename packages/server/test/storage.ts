// Runs a database test suite on every storage mode: embedded PGlite and a real PostgreSQL.
// Each suite gets its own PGlite instance or its own Postgres schema, and each test creates its
// own organization, so suites run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import type { Db } from '../src/shared/db/db.js';
import { openPgliteDb } from '../src/shared/db/pglite-db.js';
import { openPostgresDb } from '../src/shared/db/postgres-db.js';

export const TEST_PG_URL = process.env.SALDO_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export const pgAvailable = await postgresReachable();
if (!pgAvailable) {
  const msg = `PostgreSQL not reachable at ${TEST_PG_URL}: database tests run on PGlite only (set SALDO_TEST_DATABASE_URL).`;
  if (process.env.SALDO_REQUIRE_POSTGRES === '1')
    throw new Error(`${msg} SALDO_REQUIRE_POSTGRES=1 makes this an error.`);
  console.warn(`SKIPPING postgres storage mode — ${msg}`);
}

export interface StorageMode {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database (a new PGlite, or a new schema on the server). */
  open(): Promise<Db & { drop(): Promise<void> }>;
}

const pglite: StorageMode = {
  name: 'pglite',
  async open() {
    const db = await openPgliteDb();
    return Object.assign(db, { drop: () => db.close() });
  },
};

const postgres: StorageMode = {
  name: 'postgres',
  async open() {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const db = await openPostgresDb(url.toString(), { max: 4 });
    return Object.assign(db, {
      async drop() {
        await db.close();
        const c = new pg.Client({ connectionString: TEST_PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    });
  },
};

export const storageModes: StorageMode[] = pgAvailable ? [pglite, postgres] : [pglite];

/** `describe` once per storage mode, with the mode passed to the body. */
export function describeStorage(name: string, body: (mode: StorageMode) => void) {
  for (const mode of storageModes) describe(`${name} [${mode.name}]`, () => body(mode));
}

let n = 0;
/** A unique organization slug for one test (tenant isolation). */
export function uniqueSlug(prefix = 'org'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${(n++).toString(36)}`;
}
