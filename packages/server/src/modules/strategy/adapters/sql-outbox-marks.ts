import type { SqlExecutor } from '../../../shared/db/db.js';

/** A contact's refusal reasons as one `last_error` text. */
export const refusalText = (reasons: ReadonlyArray<{ rule: string; message: string }>): string =>
  reasons
    .map((x) => `${x.rule}: ${x.message}`)
    .join('; ')
    .slice(0, 2000);

/** Stored for a refusal that came without a reason, so every refusal counts under some rule. */
export const UNKNOWN_REASON = [{ rule: 'unknown', message: 'refused without a reason' }];

// Every mark holds only while the row is this owner's and still in flight: a dispatcher that lost
// its lease (the row was claimed again) writes nothing.

export async function markSent(
  db: SqlExecutor,
  id: number,
  owner: string,
  providerMessageId: string | null,
  at: Date,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE outbox SET status = 'sent', provider_message_id = $3, sent_at = $4, lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = $4
      WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight'`,
    [id, owner, providerMessageId, at],
  );
  return r.rowCount > 0;
}

/** Records the refusal per rule; back to `pending` at `nextAllowedAt`, or `refused` (terminal) when null. */
export async function markRefused(
  db: SqlExecutor,
  id: number,
  owner: string,
  reasons: Array<{ rule: string; message: string }>,
  nextAllowedAt: Date | null,
  at: Date,
): Promise<boolean> {
  const r = await db.query<{ org_id: string }>(
    `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN 'refused' ELSE 'pending' END,
            next_attempt_at = COALESCE($3::timestamptz, next_attempt_at), refusals = refusals + 1,
            attempts = attempts - 1, last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $5
      WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight' RETURNING org_id`,
    [id, owner, nextAllowedAt, refusalText(reasons), at],
  );
  const org = r.rows[0]?.org_id;
  if (org === undefined) return false;
  const list = reasons.length ? reasons : UNKNOWN_REASON;
  await db.query(
    `INSERT INTO outbox_refusals (outbox_id, org_id, rule, message, next_allowed_at, at) SELECT $1, $2, r, m, $5, $6 FROM unnest($3::text[], $4::text[]) AS u(r, m)`,
    [id, org, list.map((x) => x.rule), list.map((x) => x.message), nextAllowedAt, at],
  );
  return true;
}

/** Retry at `retryAt`, or terminal `status` when retryAt is null. */
export async function markFailed(
  db: SqlExecutor,
  id: number,
  owner: string,
  error: string,
  retryAt: Date | null,
  terminal: 'failed' | 'dead',
  at: Date,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE outbox SET status = CASE WHEN $3::timestamptz IS NULL THEN $5 ELSE 'pending' END, next_attempt_at = COALESCE($3::timestamptz, next_attempt_at),
            last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $6
      WHERE id = $1 AND lease_owner = $2 AND status = 'in_flight'`,
    [id, owner, retryAt, error.slice(0, 2000), terminal, at],
  );
  return r.rowCount > 0;
}
