import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { Db, QueryResult, SqlExecutor } from './db.js';
import { txScope } from './tx-scope.js';

// int8 (bigint) columns hold money in minor units: parse them as JS numbers. Values beyond
// 2^53 would lose precision, so refuse them loudly rather than round silently.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${v} exceeds the safe integer range`);
  return n;
});
// `date` columns stay as 'YYYY-MM-DD' strings (no time zone shift), as PGlite returns them too.
pg.types.setTypeParser(1082, (v: string) => v);

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const r = await client.query(sql, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyFrom(copySql, chunks) {
      const conn = 'release' in client ? client : await (client as pg.Pool).connect();
      try {
        const stream = conn.query(copyFromStream(copySql));
        await pipeline(Readable.from(chunks as AsyncIterable<string>), stream);
        return stream.rowCount ?? 0;
      } finally {
        if (conn !== client) (conn as pg.PoolClient).release();
      }
    },
  };
}

/** A real PostgreSQL server (DATABASE_URL). */
export async function openPostgresDb(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  await pool.query('select 1'); // fail at boot, not at the first request
  const scope = txScope(executor(pool));
  return {
    kind: 'postgres',
    ...scope.executor,
    async transaction(fn) {
      const current = scope.open();
      if (current) return fn(current);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const ex = executor(client);
        const out = await scope.run(ex, () => fn(ex));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
