import { JourneyCommand } from '@saldo/core/strategy';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { ClaimOptions, OutboxRow } from '../ports.js';

type Row = {
  id: string | number;
  org_id: string;
  account_id: string;
  idempotency_key: string;
  command: unknown;
  attempts: number;
  refusals: number;
  journey_exited: boolean;
};

/**
 * Leases due contacts. Pending and due, or in flight with an expired lease (its dispatcher died): the
 * same idempotency key is tried again, so a contact the provider already took is a duplicate.
 * A journey stopped early (paid, dispute, opt-out, escalation, un-enrolment) sends nothing more:
 * its contacts are cancelled instead.
 */
export async function claimContacts(
  db: SqlExecutor,
  { owner, now, leaseMs, limit }: ClaimOptions,
): Promise<OutboxRow[]> {
  // `= ANY(ARRAY(…))`: primary-key probes for the claimed ids, as in the journey claim.
  const r = await db.query<Row>(
    `WITH due AS (
       SELECT id FROM outbox
        WHERE kind = 'contact' AND next_attempt_at <= $1
          AND (status = 'pending' OR (status = 'in_flight' AND lease_until <= $1))
        ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
     UPDATE outbox o SET status = 'in_flight', lease_owner = $2, lease_until = $3, attempts = o.attempts + 1, updated_at = $1
      WHERE o.id = ANY(ARRAY(SELECT id FROM due))
     RETURNING o.id, o.org_id, o.account_id, o.idempotency_key, o.command, o.attempts, o.refusals,
       EXISTS (SELECT 1 FROM journeys j WHERE j.account_id = o.account_id AND j.status = 'exited') AS journey_exited`,
    [now, owner, new Date(now.getTime() + leaseMs), limit],
  );
  const rows = r.rows.map((x) => ({
    id: Number(x.id),
    orgId: x.org_id,
    accountId: x.account_id,
    idempotencyKey: x.idempotency_key,
    command: JourneyCommand.parse(typeof x.command === 'string' ? JSON.parse(x.command) : x.command),
    attempts: x.attempts,
    refusals: x.refusals,
    exited: x.journey_exited,
  }));
  // A journey stopped early (paid, dispute, opt-out, escalation, un-enrolment) sends nothing more.
  const stopped = rows.filter((x) => x.exited).map((x) => x.id);
  if (stopped.length)
    await db.query(
      `UPDATE outbox SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = $2 WHERE id = ANY($1::bigint[])`,
      [stopped, now],
    );
  return rows
    .filter((x) => !x.exited)
    .sort((a, b) => a.id - b.id)
    .map(({ exited: _e, ...rest }) => rest);
}
