import type { DeliveryStatus } from '@saldo/core/channels';
import type { NewOutboundMessage } from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';

/** How long a send intent holds its key when the caller gives no lease. */
const DEFAULT_SEND_LEASE_MS = 60_000;

/**
 * The send intent: a `queued` row under (org, idempotencyKey) with a send lease. When the key
 * exists: a row that failed with a retryable error is claimed again; a `queued` row with no
 * provider id whose lease has passed (its sender died mid-send) is resumed under the same id;
 * anything else is a duplicate. Each `UPDATE … WHERE` lets one caller take the row.
 */
export async function insertOnce(
  db: SqlExecutor,
  m: NewOutboundMessage,
): Promise<{ kind: 'inserted' | 'claimed' | 'resumed'; id: string } | { kind: 'duplicate'; id: string }> {
  const leaseUntil = m.leaseUntil ?? new Date(m.at.getTime() + DEFAULT_SEND_LEASE_MS);
  const ins = await db.query<{ id: string }>(
    `INSERT INTO outbound_messages (org_id, debtor_id, account_id, channel, template_id, recipient, provider, idempotency_key, status, requested_by, send_lease_until, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $11, $10, $10)
     ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id`,
    [
      m.orgId,
      m.debtorId,
      m.accountId,
      m.channel,
      m.templateId,
      m.recipient,
      m.provider,
      m.idempotencyKey,
      m.requestedBy,
      m.at,
      leaseUntil,
    ],
  );
  if (ins.rows[0]) return { kind: 'inserted', id: ins.rows[0].id };
  const taken = await takeAgain(db, m, leaseUntil);
  if (taken) return taken;
  const existing = await db.query<{ id: string }>(
    'SELECT id FROM outbound_messages WHERE org_id = $1 AND idempotency_key = $2',
    [m.orgId, m.idempotencyKey],
  );
  return { kind: 'duplicate', id: existing.rows[0]!.id };
}

/**
 * A used key is sent again in two cases only: the provider refused it with a retryable error
 * (rate limit, outage) — `claimed`, with the new provider and recipient; or its sender died
 * between the intent and recording the provider's answer — `resumed`, as it was (same message id,
 * so a provider that already took it recognises the retry).
 */
async function takeAgain(
  db: SqlExecutor,
  m: NewOutboundMessage,
  leaseUntil: Date,
): Promise<{ kind: 'claimed' | 'resumed'; id: string } | null> {
  const claimed = await db.query<{ id: string }>(
    `UPDATE outbound_messages SET status = 'queued', error = NULL, retryable = false, provider = $3, recipient = $4, send_lease_until = $6, updated_at = $5
      WHERE org_id = $1 AND idempotency_key = $2 AND status = 'failed' AND retryable AND provider_message_id IS NULL RETURNING id`,
    [m.orgId, m.idempotencyKey, m.provider, m.recipient, m.at, leaseUntil],
  );
  if (claimed.rows[0]) return { kind: 'claimed', id: claimed.rows[0].id };
  const resumed = await db.query<{ id: string }>(
    `UPDATE outbound_messages SET send_lease_until = $4, updated_at = $3
      WHERE org_id = $1 AND idempotency_key = $2 AND status = 'queued' AND provider_message_id IS NULL
        AND (send_lease_until IS NULL OR send_lease_until <= $3) RETURNING id`,
    [m.orgId, m.idempotencyKey, m.at, leaseUntil],
  );
  return resumed.rows[0] ? { kind: 'resumed', id: resumed.rows[0].id } : null;
}

export async function markSent(
  db: SqlExecutor,
  orgId: string,
  id: string,
  providerMessageId: string,
  status: DeliveryStatus,
  at: Date,
): Promise<void> {
  await db.query(
    'UPDATE outbound_messages SET provider_message_id = $3, status = $4, updated_at = $5 WHERE org_id = $1 AND id = $2',
    [orgId, id, providerMessageId, status, at],
  );
}

export async function markFailed(
  db: SqlExecutor,
  orgId: string,
  id: string,
  error: string,
  retryable: boolean,
  at: Date,
): Promise<void> {
  await db.query(
    "UPDATE outbound_messages SET status = 'failed', error = $3, retryable = $4, updated_at = $5 WHERE org_id = $1 AND id = $2",
    [orgId, id, error.slice(0, 2000), retryable, at],
  );
}
