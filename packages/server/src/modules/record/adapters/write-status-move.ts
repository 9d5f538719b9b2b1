import { moveStatus, type AccountStatus } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { RecordDomainEvent } from '../record-events.js';
import { appendTimeline } from './sql-timeline-store.js';

/**
 * An account's status move caused by an agreement, inside the caller's transaction (the account's
 * row locked): checked by the status machine, stored, on the timeline; returns its event, or none
 * when the status does not change.
 */
export async function writeStatusMove(
  tx: SqlExecutor,
  m: {
    orgId: string;
    accountId: string;
    debtorId: string;
    from: AccountStatus;
    to: AccountStatus;
    /** The agreement, payment or sweep behind the move. */
    cause: string;
    now: Date;
  },
): Promise<RecordDomainEvent[]> {
  if (m.from === m.to) return [];
  await tx.query(`UPDATE accounts SET status = $3, updated_at = $2 WHERE id = $1`, [
    m.accountId,
    m.now,
    moveStatus(m.from, m.to),
  ]);
  await appendTimeline(tx, {
    orgId: m.orgId,
    debtorId: m.debtorId,
    accountId: m.accountId,
    occurredAt: m.now.toISOString(),
    kind: 'status_change',
    actor: 'system',
    actorId: null,
    channel: null,
    direction: null,
    summary: `Status ${m.from} → ${m.to}`,
    data: { from: m.from, to: m.to, cause: m.cause },
  });
  const ids = { orgId: m.orgId, accountId: m.accountId, debtorId: m.debtorId };
  return [{ type: 'account.status_changed', ...ids, from: m.from, to: m.to, cause: m.cause }];
}
