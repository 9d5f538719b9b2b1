import type { Agreement } from '@saldo/core/offers';
import type { SqlExecutor } from '../../../shared/db/db.js';
import { appendRecordEvents } from './append-record-events.js';
import { appendTimeline } from './sql-timeline-store.js';
import type { AgreementContext } from './write-plan-and-settlement.js';

/**
 * A pause of collection (a hardship option the offer gate accepted): the account's collection
 * contact waits until the debtor's date `until` (a longer pause already agreed is kept), with its
 * timeline entry and `collection.paused` event. The send path refuses contacts before that date,
 * except the replies in the debtor's own conversation.
 */
export async function writePause(
  tx: SqlExecutor,
  c: AgreementContext,
  pause: Extract<Agreement, { kind: 'pause' }>,
): Promise<string> {
  const r = await tx.query<{ until: string }>(
    `UPDATE accounts SET collection_paused_until = GREATEST(collection_paused_until, $2::date), updated_at = $3
      WHERE id = $1 RETURNING collection_paused_until::text AS until`,
    [c.accountId, pause.until, c.now],
  );
  const until = r.rows[0]!.until;
  await appendTimeline(tx, {
    orgId: c.orgId,
    debtorId: c.debtorId,
    accountId: c.accountId,
    occurredAt: c.now.toISOString(),
    kind: 'note',
    actor: c.actor,
    actorId: null,
    channel: null,
    direction: null,
    summary: `Collection paused until ${until}`,
    data: { pauseUntil: until, asked: pause.until },
  });
  await appendRecordEvents(
    tx,
    [
      {
        type: 'collection.paused',
        orgId: c.orgId,
        accountId: c.accountId,
        debtorId: c.debtorId,
        until,
        channel: c.channel,
        actor: c.actor,
      },
    ],
    c.now,
  );
  return until;
}
