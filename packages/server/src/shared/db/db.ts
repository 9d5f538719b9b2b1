/**
 * The SQL port. Two adapters implement it with the same SQL: PGlite (embedded, default) and
 * node-postgres (DATABASE_URL). Migrations in packages/server/migrations/*.sql run on both.
 */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Run several statements without parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
  /**
   * `COPY <table> (cols) FROM STDIN WITH (FORMAT csv)` from an iterable of CSV chunks.
   * `copySql` is the COPY statement with `FROM STDIN`; adapters rewrite it as needed.
   */
  copyFrom(copySql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number>;
}

export interface Db extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; rolls back if it throws. Nested calls reuse the transaction. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
