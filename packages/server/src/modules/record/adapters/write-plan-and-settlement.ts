import type { Agreement } from '@saldo/core/offers';
import { statusAfterPlan, type AccountStatus } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { Actor } from '../ports.js';
import type { RecordDomainEvent } from '../record-events.js';
import { appendRecordEvents } from './append-record-events.js';
import { appendTimeline } from './sql-timeline-store.js';
import { writeStatusMove } from './write-status-move.js';

/** Who, where and when an agreement is written, inside the caller's transaction. */
export interface AgreementContext {
  orgId: string;
  accountId: string;
  debtorId: string;
  /** The account's status before the agreement (under the caller's row lock). */
  status: AccountStatus;
  currency: string;
  channel: string | null;
  actor: Actor;
  now: Date;
}

/**
 * A payment plan and its instalment schedule (one row per instalment), with its timeline entry and
 * `plan.created` event. The plan replaces the account's pending promises (cancelled, on the
 * timeline) and moves an `active` or `promised` account to `in_plan`.
 */
export async function writePlan(
  tx: SqlExecutor,
  c: AgreementContext,
  plan: Extract<Agreement, { kind: 'plan' }>,
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO payment_plans (org_id, account_id, total_minor, currency, status, actor, frequency, channel, created_at)
     VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8) RETURNING id`,
    [c.orgId, c.accountId, plan.totalMinor, c.currency, c.actor, plan.frequency, c.channel, c.now],
  );
  const planId = r.rows[0]!.id;
  await tx.query(
    `INSERT INTO plan_installments (plan_id, seq, due_date, amount_minor, status)
     SELECT $1, s.seq, s.due_date, s.amount_minor, 'pending'
       FROM unnest($2::int[], $3::date[], $4::bigint[]) AS s(seq, due_date, amount_minor)`,
    [
      planId,
      plan.installments.map((_, i) => i + 1),
      plan.installments.map((i) => i.due),
      plan.installments.map((i) => i.amountMinor),
    ],
  );
  const first = plan.installments[0]!;
  await appendTimeline(tx, {
    ...timelineBase(c),
    kind: 'plan',
    summary: `Payment plan: ${plan.installments.length} ${plan.frequency} instalments`,
    data: {
      planId,
      frequency: plan.frequency,
      installments: plan.installments.length,
      installmentMinor: first.amountMinor,
      totalMinor: plan.totalMinor,
      currency: c.currency,
      firstDue: first.due,
      lastDue: plan.installments[plan.installments.length - 1]!.due,
    },
  });
  const ids = { orgId: c.orgId, accountId: c.accountId, debtorId: c.debtorId };
  const events: RecordDomainEvent[] = [
    {
      type: 'plan.created',
      ...ids,
      planId,
      frequency: plan.frequency,
      installments: plan.installments.length,
      installmentMinor: first.amountMinor,
      totalMinor: plan.totalMinor,
      currency: c.currency,
      firstDue: first.due,
      channel: c.channel,
      actor: c.actor,
    },
  ];
  await cancelPendingPromises(tx, c, planId);
  const to = statusAfterPlan(c.status);
  events.push(...(await writeStatusMove(tx, { ...ids, from: c.status, to, cause: planId, now: c.now })));
  await appendRecordEvents(tx, events, c.now);
  return planId;
}

/** The promises a plan replaces: cancelled, so that neither the sweep breaks them nor a payment keeps them. */
async function cancelPendingPromises(tx: SqlExecutor, c: AgreementContext, planId: string): Promise<void> {
  const r = await tx.query<{ id: string }>(
    `UPDATE promises SET status = 'cancelled', resolved_at = $2 WHERE account_id = $1 AND status = 'pending' RETURNING id`,
    [c.accountId, c.now],
  );
  if (r.rows.length === 0) return;
  await appendTimeline(tx, {
    ...timelineBase(c),
    actor: 'system',
    kind: 'promise',
    summary: `Pending promises replaced by the payment plan (${r.rows.length})`,
    data: { promiseIds: r.rows.map((x) => x.id).sort(), planId },
  });
}

/**
 * A settlement offer, open until its expiry, or waiting for a person's approval when it is below
 * the policy's approval share; with its timeline entry and `settlement.offered` event.
 */
export async function writeSettlementOffer(
  tx: SqlExecutor,
  c: AgreementContext & { balanceMinor: number },
  offer: Extract<Agreement, { kind: 'settlement' }>,
): Promise<{ id: string; status: 'open' | 'pending_approval' }> {
  const status = offer.needsApproval ? 'pending_approval' : 'open';
  const r = await tx.query<{ id: string }>(
    `INSERT INTO settlement_offers (org_id, account_id, amount_minor, balance_minor, currency, expires_on, needs_approval, status, channel, actor, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      c.orgId,
      c.accountId,
      offer.amountMinor,
      c.balanceMinor,
      c.currency,
      offer.expires,
      offer.needsApproval,
      status,
      c.channel,
      c.actor,
      c.now,
    ],
  );
  const id = r.rows[0]!.id;
  await appendTimeline(tx, {
    ...timelineBase(c),
    kind: 'settlement',
    summary: offer.needsApproval ? 'Settlement offer (awaiting approval)' : 'Settlement offer',
    data: {
      settlementOfferId: id,
      amountMinor: offer.amountMinor,
      balanceMinor: c.balanceMinor,
      currency: c.currency,
      expires: offer.expires,
      needsApproval: offer.needsApproval,
    },
  });
  const event: RecordDomainEvent = {
    type: 'settlement.offered',
    orgId: c.orgId,
    accountId: c.accountId,
    debtorId: c.debtorId,
    settlementOfferId: id,
    amountMinor: offer.amountMinor,
    balanceMinor: c.balanceMinor,
    currency: c.currency,
    expires: offer.expires,
    needsApproval: offer.needsApproval,
    channel: c.channel,
    actor: c.actor,
  };
  await appendRecordEvents(tx, [event], c.now);
  return { id, status };
}

function timelineBase(c: AgreementContext) {
  return {
    orgId: c.orgId,
    debtorId: c.debtorId,
    accountId: c.accountId,
    occurredAt: c.now.toISOString(),
    actor: c.actor,
    actorId: null,
    channel: null,
    direction: null,
  } as const;
}
