import { statusAfterPromise, type AccountStatus } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { RecordDomainEvent } from '../record-events.js';
import type { Actor } from '../ports.js';
import { appendRecordEvents } from './append-record-events.js';
import { appendTimeline } from './sql-timeline-store.js';
import { writeStatusMove } from './write-status-move.js';

export interface PromiseToWrite {
  orgId: string;
  accountId: string;
  debtorId: string;
  /** The account's status before this promise (under the caller's row lock). */
  status: AccountStatus;
  amountMinor: number;
  currency: string;
  dueDate: string;
  channel: string | null;
  actor: Actor;
  now: Date;
}

/**
 * One promise into the record, inside the caller's transaction: the row, its timeline entry, its
 * `promise.made` event and, for an `active` account, the move to `promised`. Only the agreement
 * store calls it, with a promise the offer gate accepted.
 */
export async function writePromise(
  tx: SqlExecutor,
  p: PromiseToWrite,
): Promise<{ id: string; status: AccountStatus }> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO promises (org_id, account_id, amount_minor, currency, due_date, status, channel, actor, created_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8) RETURNING id`,
    [p.orgId, p.accountId, p.amountMinor, p.currency, p.dueDate, p.channel, p.actor, p.now],
  );
  const id = r.rows[0]!.id;
  const ids = { orgId: p.orgId, accountId: p.accountId, debtorId: p.debtorId };
  const events: RecordDomainEvent[] = [
    {
      type: 'promise.made',
      ...ids,
      promiseId: id,
      amountMinor: p.amountMinor,
      currency: p.currency,
      dueDate: p.dueDate,
      channel: p.channel,
      actor: p.actor,
    },
  ];
  const base = {
    ...ids,
    occurredAt: p.now.toISOString(),
    actorId: null,
    channel: null,
    direction: null,
  } as const;
  await appendTimeline(tx, {
    ...base,
    kind: 'promise',
    actor: p.actor,
    summary: 'Promise to pay',
    data: { promiseId: id, amountMinor: p.amountMinor, currency: p.currency, dueDate: p.dueDate },
  });
  const next = statusAfterPromise(p.status);
  events.push(...(await writeStatusMove(tx, { ...ids, from: p.status, to: next, cause: id, now: p.now })));
  await appendRecordEvents(tx, events, p.now);
  return { id, status: next };
}
