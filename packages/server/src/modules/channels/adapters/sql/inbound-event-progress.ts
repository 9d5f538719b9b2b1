import type { Clock } from '../../../../shared/clock/clock.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { OrgInboundEvent } from '../../ports/channel-provider.js';
import type { InboundStore, StoredInbound } from '../../ports/inbound-store.js';

type Row = {
  id: string;
  payload: OrgInboundEvent;
  received_at: Date | string;
  attempts: number;
  processed_at: Date | string | null;
  last_error: string | null;
};

const toStored = (r: Row): StoredInbound => ({
  id: r.id,
  event: r.payload,
  receivedAt: new Date(r.received_at),
  attempts: Number(r.attempts),
  processedAt: r.processed_at === null ? null : new Date(r.processed_at),
  lastError: r.last_error,
});

/** Backoff after the n-th failure: 10 s, 20 s, 40 s… capped at 15 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(15 * 60_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Processing state of stored inbound events: processed marks, failures with their backoff, and
 * the reads of what is left. With a clock, `listUnprocessed` skips events whose backoff
 * (`next_attempt_at`) has not elapsed.
 */
export function createSqlInboundEventProgress(
  db: SqlExecutor,
  clock?: Clock,
): Required<
  Pick<InboundStore, 'markProcessedMany' | 'markProcessed' | 'markFailed' | 'listUnprocessed' | 'get'>
> {
  return {
    async markProcessedMany(ids, at) {
      if (ids.length > 0)
        await db.query(
          'UPDATE inbound_events SET processed_at = $2, next_attempt_at = NULL WHERE id = ANY($1::text[]) AND processed_at IS NULL',
          [ids, at],
        );
    },

    async markProcessed(id, at) {
      await db.query(
        'UPDATE inbound_events SET processed_at = $2, next_attempt_at = NULL WHERE id = $1 AND processed_at IS NULL',
        [id, at],
      );
    },

    async markFailed(id, error, at) {
      const r = await db.query<{ attempts: number }>(
        'UPDATE inbound_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND processed_at IS NULL RETURNING attempts',
        [id, error.slice(0, 2000)],
      );
      const attempts = r.rows[0]?.attempts;
      if (attempts !== undefined)
        await db.query('UPDATE inbound_events SET next_attempt_at = $2 WHERE id = $1', [
          id,
          new Date(at.getTime() + retryDelayMs(Number(attempts))),
        ]);
    },

    async listUnprocessed(limit, maxAttempts = 10) {
      const params: unknown[] = [maxAttempts, limit];
      let due = '';
      if (clock) {
        params.push(clock.now());
        due = 'AND (next_attempt_at IS NULL OR next_attempt_at <= $3)';
      }
      const r = await db.query<Row>(
        `SELECT id, payload, received_at, attempts, processed_at, last_error FROM inbound_events
          WHERE processed_at IS NULL AND attempts < $1 ${due} ORDER BY received_at, id LIMIT $2`,
        params,
      );
      return r.rows.map(toStored);
    },

    async get(id) {
      const r = await db.query<Row>(
        'SELECT id, payload, received_at, attempts, processed_at, last_error FROM inbound_events WHERE id = $1',
        [id],
      );
      return r.rows[0] ? toStored(r.rows[0]) : null;
    },
  };
}
