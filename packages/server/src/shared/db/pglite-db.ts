import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult, SqlExecutor } from './db.js';
import { txScope } from './tx-scope.js';
import { rewriteCopyForBlob } from './copy-sql.js';
import { lockDataDir } from './data-dir-lock.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function executor(pg: PgliteLike): SqlExecutor {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const r = await pg.query<R>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async copyFrom(copySql, chunks) {
      // PGlite has no wire-protocol COPY stream; it reads COPY data from a Blob at '/dev/blob'.
      // Chunks are buffered into one Blob per call: callers send bounded batches.
      const parts: string[] = [];
      for await (const c of chunks) parts.push(c);
      const r = await pg.query(rewriteCopyForBlob(copySql), [], { blob: new Blob(parts) });
      return r.affectedRows ?? 0;
    },
  };
}

/**
 * Embedded Postgres (PGlite, PostgreSQL compiled to WASM) in a data directory, or in memory when
 * `dataDir` is undefined. One session: API and workers share it in one process (see ADR 0002).
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  const pg = await PGlite.create(dataDir).catch((e: unknown) => {
    unlock();
    throw e;
  });
  const scope = txScope(executor(pg));
  return {
    kind: 'pglite',
    ...scope.executor,
    async transaction(fn) {
      const current = scope.open();
      if (current) return fn(current);
      return pg.transaction((tx) => {
        const ex = executor(tx);
        return scope.run(ex, () => fn(ex));
      }) as Promise<Awaited<ReturnType<typeof fn>>>;
    },
    async close() {
      await pg.close();
      unlock();
    },
  };
}
