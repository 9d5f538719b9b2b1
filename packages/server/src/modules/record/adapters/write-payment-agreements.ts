import type { PaymentEffect } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { RecordDomainEvent } from '../record-events.js';
import type { NewTimelineEvent } from '../ports.js';
import { appendTimeline } from './sql-timeline-store.js';

/** Who and when, shared by the entries a payment writes (the payment's timeline base). */
type Base = Omit<NewTimelineEvent, 'kind' | 'actor' | 'summary' | 'data'>;
interface Ids {
  orgId: string;
  accountId: string;
  debtorId: string;
}

/**
 * What a payment did to the account's active plan, inside the payment's transaction: the
 * instalments it paid, and the plan completed when it paid the last one. Returns the events.
 */
export async function writePlanPayment(
  tx: SqlExecutor,
  base: Base,
  ids: Ids,
  paymentId: string,
  plan: NonNullable<PaymentEffect['plan']>,
  now: Date,
): Promise<RecordDomainEvent[]> {
  if (plan.updates.length > 0)
    await tx.query(
      `UPDATE plan_installments i SET paid_minor = u.paid_minor, status = u.status
         FROM unnest($2::int[], $3::bigint[], $4::text[]) AS u(seq, paid_minor, status)
        WHERE i.plan_id = $1 AND i.seq = u.seq`,
      [
        plan.id,
        plan.updates.map((u) => u.seq),
        plan.updates.map((u) => u.paidMinor),
        plan.updates.map((u) => u.status),
      ],
    );
  if (!plan.completed) return [];
  await tx.query(`UPDATE payment_plans SET status = 'completed', resolved_at = $2 WHERE id = $1`, [
    plan.id,
    now,
  ]);
  await appendTimeline(tx, {
    ...base,
    kind: 'plan',
    actor: 'system',
    summary: 'Payment plan completed',
    data: { planId: plan.id, paymentId },
  });
  return [{ type: 'plan.completed', ...ids, planId: plan.id, paymentId }];
}

/**
 * What a payment did to the accepted settlement: the payments counted so far, and, once they reach
 * its amount, the settlement `settled` with the part of the balance forgiven. Returns the events.
 */
export async function writeSettlementPayment(
  tx: SqlExecutor,
  base: Base,
  ids: Ids & { currency: string },
  paymentId: string,
  s: NonNullable<PaymentEffect['settlement']>,
  now: Date,
): Promise<RecordDomainEvent[]> {
  await tx.query(
    `UPDATE settlement_offers SET paid_minor = $2,
            status = CASE WHEN $3 THEN 'settled' ELSE status END,
            resolved_at = CASE WHEN $3 THEN $4::timestamptz ELSE resolved_at END
      WHERE id = $1`,
    [s.id, s.paidMinor, s.settled, now],
  );
  if (!s.settled) return [];
  await appendTimeline(tx, {
    ...base,
    kind: 'settlement',
    actor: 'system',
    summary: 'Settled: the settlement amount is paid and the rest of the balance is forgiven',
    data: {
      settlementOfferId: s.id,
      paymentId,
      paidMinor: s.paidMinor,
      waivedMinor: s.waivedMinor,
      currency: ids.currency,
    },
  });
  return [
    {
      type: 'settlement.settled',
      orgId: ids.orgId,
      accountId: ids.accountId,
      debtorId: ids.debtorId,
      settlementOfferId: s.id,
      paidMinor: s.paidMinor,
      waivedMinor: s.waivedMinor,
      currency: ids.currency,
      paymentId,
    },
  ];
}
