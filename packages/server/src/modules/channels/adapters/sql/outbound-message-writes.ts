import type { DeliveryStatus } from '@saldo/core/channels';
import type { NewOutboundMessage } from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';

/**
 * Inserts a `queued` row under (org, idempotencyKey). When the key exists: a row that failed with a
 * retryable error is claimed again; anything else is a duplicate.
 */
export async function insertOnce(
  db: SqlExecutor,
  m: NewOutboundMessage,
): Promise<{ kind: 'inserted' | 'claimed'; id: string } | { kind: 'duplicate'; id: string }> {
  const ins = await db.query<{ id: string }>(
    `INSERT INTO outbound_messages (org_id, debtor_id, account_id, channel, template_id, recipient, provider, idempotency_key, status, requested_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10, $10)
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
    ],
  );
  if (ins.rows[0]) return { kind: 'inserted', id: ins.rows[0].id };
  // Only a send the provider refused with a retryable error (rate limit, outage) is tried again
  // under the same key; the UPDATE … WHERE status = 'failed' lets one caller claim it.
  const claimed = await db.query<{ id: string }>(
    `UPDATE outbound_messages SET status = 'queued', error = NULL, retryable = false, provider = $3, recipient = $4, updated_at = $5
      WHERE org_id = $1 AND idempotency_key = $2 AND status = 'failed' AND retryable AND provider_message_id IS NULL RETURNING id`,
    [m.orgId, m.idempotencyKey, m.provider, m.recipient, m.at],
  );
  if (claimed.rows[0]) return { kind: 'claimed', id: claimed.rows[0].id };
  const existing = await db.query<{ id: string }>(
    'SELECT id FROM outbound_messages WHERE org_id = $1 AND idempotency_key = $2',
    [m.orgId, m.idempotencyKey],
  );
  return { kind: 'duplicate', id: existing.rows[0]!.id };
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
