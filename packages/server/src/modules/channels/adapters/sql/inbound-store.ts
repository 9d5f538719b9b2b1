import type { OrgInboundEvent } from '../../ports/channel-provider.js';
import type { Clock } from '../../../../shared/clock/clock.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
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
        [
          event.orgId,
          event.provider,
          event.providerMessageId,
          event.type,
          event.channel,
          JSON.stringify(event),
          receivedAt,
        ],
      );
      if (ins.rows[0]) return { stored: true, id: ins.rows[0].id };
      const existing = await db.query<{ id: string }>(
        'SELECT id FROM inbound_events WHERE org_id = $1 AND provider = $2 AND provider_message_id = $3',
        [event.orgId, event.provider, event.providerMessageId],
      );
      if (!existing.rows[0])
        throw new Error(
          `inbound event ${event.provider}/${event.providerMessageId} neither stored nor found`,
        );
      return { stored: false, id: existing.rows[0].id };
    },

    async storeMany(events, receivedAt) {
      if (events.length === 0) return [];
      const key = (org: string, provider: string, pmid: string) => `${org}\u0000${provider}\u0000${pmid}`;
      // Rows go in input order (ids from a sequence, as in simulations, follow it); ON CONFLICT also skips a second copy within the call.
      const ins = await db.query<{
        id: string;
        org_id: string;
        provider: string;
        provider_message_id: string;
      }>(
        `INSERT INTO inbound_events (org_id, provider, provider_message_id, type, channel, payload, received_at)
         SELECT o, p, m, t, c, j::jsonb, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(o, p, m, t, c, j, n) ORDER BY n
         ON CONFLICT (org_id, provider, provider_message_id) DO NOTHING RETURNING id, org_id, provider, provider_message_id`,
        [
          events.map((e) => e.orgId),
          events.map((e) => e.provider),
          events.map((e) => e.providerMessageId),
          events.map((e) => e.type),
          events.map((e) => e.channel),
          events.map((e) => JSON.stringify(e)),
          receivedAt,
        ],
      );
      const fresh = new Map(ins.rows.map((r) => [key(r.org_id, r.provider, r.provider_message_id), r.id]));
      const missing = events.filter((e) => !fresh.has(key(e.orgId, e.provider, e.providerMessageId)));
      const existing = new Map<string, string>();
      if (missing.length > 0) {
        const r = await db.query<{
          id: string;
          org_id: string;
          provider: string;
          provider_message_id: string;
        }>(
          `SELECT e.id, e.org_id, e.provider, e.provider_message_id FROM inbound_events e
             JOIN unnest($1::text[], $2::text[], $3::text[]) AS u(o, p, m) ON e.org_id = u.o AND e.provider = u.p AND e.provider_message_id = u.m`,
          [
            missing.map((e) => e.orgId),
            missing.map((e) => e.provider),
            missing.map((e) => e.providerMessageId),
          ],
        );
        for (const x of r.rows) existing.set(key(x.org_id, x.provider, x.provider_message_id), x.id);
      }
      return events.map((e) => {
        const k = key(e.orgId, e.provider, e.providerMessageId);
        const id = fresh.get(k);
        if (id !== undefined) {
          fresh.delete(k); // a second copy in this call is a duplicate of the first
          existing.set(k, id);
          return { stored: true, id };
        }
        const old = existing.get(k);
        if (old === undefined)
          throw new Error(`inbound event ${e.provider}/${e.providerMessageId} neither stored nor found`);
        return { stored: false, id: old };
      });
    },

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
