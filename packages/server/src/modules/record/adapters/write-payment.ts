import { moveStatus, type PaymentEffect } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import { isoReq } from '../../../shared/db/iso.js';
import type { PaymentStore, RecordedPayment } from '../ports.js';
import type { RecordDomainEvent } from '../record-events.js';
import { appendRecordEvents } from './append-record-events.js';
import type { LockedPaymentTarget } from './payment-reads.js';
import { appendTimeline } from './sql-timeline-store.js';
import { writePlanPayment, writeSettlementPayment } from './write-payment-agreements.js';

type PaymentInput = Parameters<PaymentStore['record']>[0];

/**
 * A decided payment into the record, inside the caller's transaction: the payment row, the new
 * balance and status, the promises it paid or kept, the plan's instalments and the settlement it
 * paid, their timeline entries and domain events.
 */
export async function writePayment(
  tx: SqlExecutor,
  p: PaymentInput,
  a: LockedPaymentTarget,
  effect: PaymentEffect,
): Promise<RecordedPayment> {
  const pay = await tx.query<{ id: string }>(
    `INSERT INTO payments (org_id, account_id, amount_minor, currency, paid_at, method, external_id, source, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.orgId, p.accountId, p.amountMinor, p.currency, p.paidAt, p.method, p.externalId, p.source, p.now],
  );
  const paymentId = pay.rows[0]!.id;
  await tx.query('UPDATE accounts SET balance_minor = $2, status = $3, updated_at = $4 WHERE id = $1', [
    p.accountId,
    effect.balanceMinor,
    moveStatus(a.status, effect.status),
    p.now,
  ]);
  const base = {
    orgId: p.orgId,
    debtorId: a.debtorId,
    accountId: p.accountId,
    occurredAt: isoReq(p.paidAt),
    actorId: null,
    channel: null,
    direction: null,
  } as const;
  await appendTimeline(tx, {
    ...base,
    kind: 'payment',
    actor: p.actor,
    summary: `Payment received`,
    data: {
      paymentId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      method: p.method,
      externalId: p.externalId,
      source: p.source,
      balanceAfter: effect.balanceMinor,
      overpaymentMinor: effect.overpaymentMinor,
    },
  });
  const ids = { orgId: p.orgId, accountId: p.accountId, debtorId: a.debtorId };
  const events: RecordDomainEvent[] = [
    {
      type: 'payment.recorded',
      ...ids,
      paymentId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      balanceAfterMinor: effect.balanceMinor,
      paidAt: isoReq(p.paidAt),
    },
  ];
  const kept: string[] = [];
  for (const u of effect.promiseUpdates) {
    await tx.query(
      `UPDATE promises SET paid_minor = $2, status = $3, resolved_at = CASE WHEN $3 = 'kept' THEN $4::timestamptz ELSE resolved_at END WHERE id = $1`,
      [u.id, u.paidMinor, u.status, p.now],
    );
    if (u.status === 'kept') {
      kept.push(u.id);
      events.push({ type: 'promise.kept', ...ids, promiseId: u.id, paymentId });
      await appendTimeline(tx, {
        ...base,
        kind: 'promise',
        actor: 'system',
        summary: 'Promise kept',
        data: { promiseId: u.id, paymentId, paidMinor: u.paidMinor },
      });
    }
  }
  if (effect.plan) events.push(...(await writePlanPayment(tx, base, ids, paymentId, effect.plan, p.now)));
  if (effect.settlement)
    events.push(
      ...(await writeSettlementPayment(
        tx,
        base,
        { ...ids, currency: p.currency },
        paymentId,
        effect.settlement,
        p.now,
      )),
    );
  if (effect.status !== a.status) {
    await appendTimeline(tx, {
      ...base,
      kind: 'status_change',
      actor: 'system',
      summary: `Status ${a.status} → ${effect.status}`,
      data: { from: a.status, to: effect.status, cause: paymentId },
    });
    events.push({
      type: 'account.status_changed',
      ...ids,
      from: a.status,
      to: effect.status,
      cause: paymentId,
    });
  }
  await appendRecordEvents(tx, events, p.now);
  return {
    paymentId,
    accountId: p.accountId,
    amountMinor: p.amountMinor,
    currency: p.currency,
    paidAt: isoReq(p.paidAt),
    balanceMinor: effect.balanceMinor,
    status: effect.status,
    overpaymentMinor: effect.overpaymentMinor,
    promisesKept: kept,
    duplicate: false,
  };
}
