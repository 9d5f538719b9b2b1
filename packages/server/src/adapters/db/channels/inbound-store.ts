import type { OrgInboundEvent } from '../../../ports/channel-provider.js';
import type { Clock } from '../../../ports/clock.js';
import type { SqlExecutor } from '../../../ports/db.js';
import type { InboundStore, StoredInbound } from '../../../ports/inbound-store.js';

type Row = { id: string; payload: OrgInboundEvent; received_at: Date | string; attempts: number; processed_at: Date | string | null; last_error: string | null };

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
 * Durable {@link InboundStore} on `inbound_events`. `storeOnce` is one autocommitted INSERT … ON
 * CONFLICT DO NOTHING: when it resolves the row is on disk, and a provider's redelivery (same
 * org, provider, provider message id) finds the existing row instead of creating a second one.
 * With a clock, `listUnprocessed` skips events whose backoff (`next_attempt_at`) has not elapsed.
 */
export function createSqlInboundStore(db: SqlExecutor, clock?: Clock): InboundStore {
  return {
    async storeOnce(event, receivedAt) {
      const ins = await db.query<{ id: string }>(
        `INSERT INTO inbound_events (org_id, provider, provider_message_id, type, channel, payload, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (org_id, provider, provider_message_id) DO NOTHING RETURNING id`,
        [event.orgId, event.provider, event.providerMessageId, event.type, event.channel, JSON.stringify(event), receivedAt],
      );
      if (ins.rows[0]) return { stored: true, id: ins.rows[0].id };
      const existing = await db.query<{ id: string }>('SELECT id FROM inbound_events WHERE org_id = $1 AND provider = $2 AND provider_message_id = $3', [event.orgId, event.provider, event.providerMessageId]);
      if (!existing.rows[0]) throw new Error(`inbound event ${event.provider}/${event.providerMessageId} neither stored nor found`);
      return { stored: false, id: existing.rows[0].id };
    },

    async markProcessed(id, at) {
      await db.query('UPDATE inbound_events SET processed_at = $2, next_attempt_at = NULL WHERE id = $1 AND processed_at IS NULL', [id, at]);
    },

    async markFailed(id, error, at) {
      const r = await db.query<{ attempts: number }>('UPDATE inbound_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND processed_at IS NULL RETURNING attempts', [id, error.slice(0, 2000)]);
      const attempts = r.rows[0]?.attempts;
      if (attempts !== undefined) await db.query('UPDATE inbound_events SET next_attempt_at = $2 WHERE id = $1', [id, new Date(at.getTime() + retryDelayMs(Number(attempts)))]);
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
      const r = await db.query<Row>('SELECT id, payload, received_at, attempts, processed_at, last_error FROM inbound_events WHERE id = $1', [id]);
      return r.rows[0] ? toStored(r.rows[0]) : null;
    },
  };
}
