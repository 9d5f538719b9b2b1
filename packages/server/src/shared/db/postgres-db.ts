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

/** What a lost connection is reported as: one line, then the pool opens a new one on next use. */
const reportLostConnection = (err: Error) =>
  process.stderr.write(
    `saldo: a PostgreSQL connection was lost (${err.message}); the next query opens a new one\n`,
  );

/**
 * A real PostgreSQL server (DATABASE_URL). A server that restarts or drops connections does not
 * bring the process down: an error on a connection that is idle in the pool, or checked out between
 * two queries, is reported (`onConnectionError`) and that connection discarded; the queries that were
 * running fail as usual, and the jobs that ran them try again on their next tick.
 */
export async function openPostgresDb(
  url: string,
  opts: { max?: number; onConnectionError?: (err: Error) => void } = {},
): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  const onConnectionError = opts.onConnectionError ?? reportLostConnection;
  // Without a listener, an idle client's 'error' (the server terminated it) is an unhandled
  // 'error' event: it would kill the process.
  pool.on('error', onConnectionError);
  await pool.query('select 1'); // fail at boot, not at the first request
  const scope = txScope(executor(pool));
  return {
    kind: 'postgres',
    ...scope.executor,
    async transaction(fn) {
      const current = scope.open();
      if (current) return fn(current);
      const client = await pool.connect();
      // Checked out, the client is no longer the pool's to watch: the connection may drop between
      // two statements of this transaction. The next statement fails; the error must not be unhandled.
      client.on('error', onConnectionError);
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
        client.off('error', onConnectionError);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
