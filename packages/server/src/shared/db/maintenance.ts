import type { Db } from './db.js';

/**
 * Planner statistics and dead-row clean-up. Postgres has autovacuum, which catches up within
 * minutes; PGlite runs single-user and has none, so without this its tables would keep the
 * statistics of an empty database forever (per-contact queries then pick plans that scan a whole
 * organisation) and every updated row would stay as a dead tuple.
 */

/** The record tables a bulk import rewrites. */
export const RECORD_TABLES = ['debtors', 'accounts', 'contact_points', 'channel_consents'] as const;

/** The tables the engine and channels grow and update all day. */
export const ENGINE_TABLES = [
  'journeys',
  'journey_inbox',
  'outbox',
  'outbox_refusals',
  'outbound_messages',
  'inbound_events',
  'domain_events',
  'timeline_events',
  'compliance_refusals',
  'payments',
  'promises',
] as const;

/** Rows changed by one import after which its tables are analysed at once (rather than when autovacuum gets to them). */
export const ANALYZE_AFTER_ROWS = 1_000;

export async function analyzeTables(db: Pick<Db, 'exec'>, tables: readonly string[]): Promise<void> {
  await db.exec(`ANALYZE ${tables.join(', ')}`);
}

/**
 * Analyses `table` as a process grows it, before autovacuum would: after ANALYZE_AFTER_ROWS added
 * rows, then each time the rows added since the last analysis reach half of those added before it.
 * Stale statistics of a queue table are a planner trap: the outbox analysed while nearly empty
 * made each claim a bitmap scan + sort of every pending contact (≈ 0.5 s per claim at 480k
 * contacts, measured) instead of an ordered index scan that stops at the batch size.
 */
export function growthAnalyzer(db: Pick<Db, 'exec'>, table: string) {
  let analysedAt = 0;
  let added = 0;
  return async (rows: number): Promise<void> => {
    added += rows;
    if (added - analysedAt < Math.max(ANALYZE_AFTER_ROWS, analysedAt / 2)) return;
    analysedAt = added;
    await analyzeTables(db, [table]);
  };
}

/**
 * A periodic job for PGlite only (Postgres's autovacuum does this better): fresh statistics every
 * run, and a VACUUM of the engine tables every `vacuumEvery` runs.
 */
export function pgliteMaintenanceJob(db: Db, o: { everyMs?: number; vacuumEvery?: number } = {}) {
  const vacuumEvery = o.vacuumEvery ?? 6;
  let runs = 0;
  return {
    name: 'pglite-maintenance',
    everyMs: o.everyMs ?? 10 * 60_000,
    async run() {
      runs += 1;
      const vacuum = runs % vacuumEvery === 0;
      await db.exec(
        `${vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${[...RECORD_TABLES, ...ENGINE_TABLES].join(', ')}`,
      );
      return undefined;
    },
  };
}
