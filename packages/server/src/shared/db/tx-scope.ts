import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlExecutor } from './db.js';

/**
 * Code inside `db.transaction(fn)` may call `db.query` (not only `tx.query`): an async-local
 * store routes those calls to the open transaction, and nested `transaction` calls join it.
 */
export function txScope(base: SqlExecutor) {
  const store = new AsyncLocalStorage<SqlExecutor>();
  const current = () => store.getStore() ?? base;
  return {
    executor: {
      query: ((sql, params) => current().query(sql, params)) as SqlExecutor['query'],
      exec: (sql: string) => current().exec(sql),
      copyFrom: (sql: string, chunks: Parameters<SqlExecutor['copyFrom']>[1]) =>
        current().copyFrom(sql, chunks),
    },
    /** The transaction already open in this async context, if any. */
    open: () => store.getStore(),
    run: <T>(ex: SqlExecutor, fn: () => Promise<T>) => store.run(ex, fn),
  };
}
