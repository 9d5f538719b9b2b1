import type { Agreement } from '@saldo/core/offers';
import type { SqlExecutor } from '../../../shared/db/db.js';
import type { Actor } from '../ports.js';
import { appendTimeline } from './sql-timeline-store.js';

/** Who, where and when an agreement is written, inside the caller's transaction. */
export interface AgreementContext {
  orgId: string;
  accountId: string;
  debtorId: string;
  currency: string;
  channel: string | null;
  actor: Actor;
  now: Date;
}

/** A payment plan and its instalment schedule (one row per instalment), with its timeline entry. */
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
  return planId;
}

/**
 * A settlement offer, open until its expiry, or waiting for a person's approval when it is below
 * the policy's approval share; with its timeline entry.
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
