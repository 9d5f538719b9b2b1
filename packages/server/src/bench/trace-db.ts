// Per-statement wall time of a Db (bench diagnostics: SALDO_BENCH_TRACE=1 prints it when a bench child ends).
import { performance } from 'node:perf_hooks';
import type { Db, SqlExecutor } from '../shared/db/db.js';

export interface StatementTotals {
  calls: number;
  ms: number;
  rows: number;
}

export function traceDb(db: Db): { db: Db; report(): string } {
  const totals = new Map<string, StatementTotals>();
  const keyOf = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);
  const wrap = <E extends SqlExecutor>(ex: E): E =>
    ({
      ...ex,
      async query(sql: string, params?: readonly unknown[]) {
        const t = performance.now();
        const r = await ex.query(sql, params);
        const k = keyOf(sql);
        const s = totals.get(k) ?? { calls: 0, ms: 0, rows: 0 };
        s.calls++;
        s.ms += performance.now() - t;
        s.rows += r.rowCount;
        totals.set(k, s);
        return r;
      },
    }) as E;
  const traced: Db = {
    ...wrap(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
  return {
    db: traced,
    report: () =>
      [...totals]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(
          ([k, s]) =>
            `${s.ms.toFixed(0).padStart(8)} ms ${String(s.calls).padStart(6)}× ${String(s.rows).padStart(8)} rows  ${k}`,
        )
        .join('\n'),
  };
}
