import type { Db } from '../../../shared/db/db.js';
import { webhookEventId } from '../webhook-event-types.js';
import type { ClaimedDelivery, DeliveryStatus, DeliveryStore, WebhookDelivery } from '../ports.js';

interface DeliveryRow {
  id: string;
  subscription_id: string;
  event_seq: string | number;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string;
  last_attempt_at: Date | string | null;
  last_status: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: Date | string | null;
  created_at: Date | string;
}

const COLUMNS =
  'id, subscription_id, event_seq, event_type, status, attempts, next_attempt_at, last_attempt_at, last_status, last_error, last_duration_ms, delivered_at, created_at';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    eventId: webhookEventId(Number(r.event_seq)),
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastAttemptAt: iso(r.last_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms,
    deliveredAt: iso(r.delivered_at),
    createdAt: iso(r.created_at)!,
  };
}

interface ClaimRow {
  id: string;
  org_id: string;
  subscription_id: string;
  attempts: number;
  event_seq: string | number;
  url: string;
  secret_enc: string;
  previous_secret_enc: string | null;
  previous_secret_expires_at: Date | string | null;
  type: string | null;
  recorded_at: Date | string | null;
  payload: unknown;
}

function toClaimed(r: ClaimRow): ClaimedDelivery {
  const payload = typeof r.payload === 'string' ? (JSON.parse(r.payload) as unknown) : r.payload;
  return {
    id: r.id,
    orgId: r.org_id,
    subscriptionId: r.subscription_id,
    attempts: r.attempts,
    url: r.url,
    secretEnc: r.secret_enc,
    previousSecretEnc: r.previous_secret_enc,
    previousSecretExpiresAt:
      r.previous_secret_expires_at === null ? null : new Date(r.previous_secret_expires_at),
    event:
      r.type === null || r.recorded_at === null
        ? null
        : {
            seq: Number(r.event_seq),
            type: r.type,
            recordedAt: new Date(r.recorded_at),
            payload: payload as Record<string, unknown>,
          },
  };
}

export function createSqlDeliveryStore(db: Db): DeliveryStore {
  return {
    async fanOut(e, at) {
      const r = await db.query(
        `INSERT INTO webhook_deliveries (org_id, subscription_id, event_seq, event_type, status, attempts, next_attempt_at, created_at)
         SELECT s.org_id, s.id, $3, $2, 'pending', 0, $4, $4
           FROM webhook_subscriptions s
          WHERE s.org_id = $1 AND s.enabled AND $2 = ANY(s.events)
          ORDER BY s.id
         ON CONFLICT (subscription_id, event_seq) DO NOTHING`,
        [e.orgId, e.type, e.seq, at],
      );
      return r.rowCount;
    },

    // Leased rows are committed at once (like the domain-event claim): the HTTP calls that follow
    // must not hold a transaction open. The event is joined within its organisation.
    async claim(o) {
      const r = await db.query<ClaimRow>(
        `WITH due AS (
           SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
            WHERE d.status = 'pending' AND s.enabled AND d.next_attempt_at <= $3
              AND (d.lease_until IS NULL OR d.lease_until <= $3)
            ORDER BY d.next_attempt_at, d.id LIMIT $4 FOR UPDATE OF d SKIP LOCKED
         ), claimed AS (
           UPDATE webhook_deliveries d SET lease_owner = $1, lease_until = $2 FROM due WHERE d.id = due.id
           RETURNING d.id, d.org_id, d.subscription_id, d.attempts, d.event_seq, d.next_attempt_at
         )
         SELECT c.id, c.org_id, c.subscription_id, c.attempts, c.event_seq, s.url, s.secret_enc,
                s.previous_secret_enc, s.previous_secret_expires_at, e.type, e.recorded_at, e.payload
           FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id
           LEFT JOIN domain_events e ON e.seq = c.event_seq AND e.org_id = c.org_id
          ORDER BY c.next_attempt_at, c.id`,
        [o.owner, new Date(o.now.getTime() + o.leaseMs), o.now, o.limit],
      );
      return r.rows.map(toClaimed);
    },

    async recordAttempt(owner, id, a) {
      await db.query(
        `UPDATE webhook_deliveries
            SET attempts = attempts + 1,
                status = CASE WHEN $3::boolean THEN 'delivered' WHEN $8::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_at = coalesce($8::timestamptz, next_attempt_at),
                last_attempt_at = $4, last_status = $5, last_error = $6, last_duration_ms = $7,
                delivered_at = CASE WHEN $3::boolean THEN $4 ELSE delivered_at END,
                lease_owner = NULL, lease_until = NULL
          WHERE id = $2 AND lease_owner = $1`,
        [owner, id, a.delivered, a.at, a.status, a.error, a.durationMs, a.retryAt],
      );
    },

    async list(orgId, subscriptionId, f) {
      const r = await db.query<DeliveryRow>(
        `SELECT ${COLUMNS} FROM webhook_deliveries
          WHERE org_id = $1 AND subscription_id = $2 AND ($3::text IS NULL OR status = $3)
            AND ($4::bigint IS NULL OR event_seq < $4)
          ORDER BY event_seq DESC LIMIT $5`,
        [orgId, subscriptionId, f.status ?? null, f.beforeSeq ?? null, f.limit],
      );
      return r.rows.map(toDelivery);
    },

    async replay(orgId, deliveryId, at) {
      const r = await db.query<DeliveryRow>(
        `UPDATE webhook_deliveries
            SET status = 'pending', attempts = 0, next_attempt_at = $3, lease_owner = NULL, lease_until = NULL
          WHERE org_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [orgId, deliveryId, at],
      );
      return r.rows[0] ? toDelivery(r.rows[0]) : null;
    },

    async replaySince(orgId, sub, since, at) {
      const r = await db.query(
        `INSERT INTO webhook_deliveries (org_id, subscription_id, event_seq, event_type, status, attempts, next_attempt_at, created_at)
         SELECT e.org_id, $2, e.seq, e.type, 'pending', 0, $5, $5
           FROM domain_events e
          WHERE e.org_id = $1 AND e.type = ANY($3::text[]) AND e.recorded_at >= $4
          ORDER BY e.seq
         ON CONFLICT (subscription_id, event_seq) DO UPDATE
            SET status = 'pending', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at,
                lease_owner = NULL, lease_until = NULL`,
        [orgId, sub.id, sub.events, since, at],
      );
      return r.rowCount;
    },
  };
}
