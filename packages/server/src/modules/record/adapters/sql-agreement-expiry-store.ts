import { debtorToday } from '@saldo/core/offers';
import {
  brokenPromiseCutoff,
  lapsedSettlementCutoff,
  planEnded,
  type AccountStatus,
} from '@saldo/core/record';
import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { AgreementExpiryStore } from '../ports.js';
import type { RecordDomainEvent } from '../record-events.js';
import { appendRecordEvents } from './append-record-events.js';
import { appendTimeline } from './sql-timeline-store.js';
import { writeStatusMove } from './write-status-move.js';

/** Rows one sweep takes at most; the next run takes the rest. */
const BATCH = 500;
const DAY_MS = 86_400_000;

interface Owner {
  org_id: string;
  account_id: string;
  debtor_id: string;
  timezone: string;
}

/**
 * The sweep of agreements whose date passed, in the debtor's calendar: plans with an instalment
 * unpaid past its due date plus the grace days are broken (the instalment `missed`, an `in_plan`
 * account back to `active`); settlement offers nobody accepted by their date expire; accepted
 * settlements not paid by their date plus the grace days lapse. Rows another transaction holds are
 * skipped (SKIP LOCKED, never waiting: a payment in flight decides first) and taken by the next run.
 */
export function createSqlAgreementExpiryStore(db: Db): AgreementExpiryStore {
  return {
    breakMissedPlans: (now) => db.transaction((tx) => breakMissedPlans(tx, now)),
    endExpiredSettlements: (now) => db.transaction((tx) => endExpiredSettlements(tx, now)),
  };
}

/** The UTC date of the day after `now`: every debtor's today is on or before it. */
const latestToday = (now: Date) => new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);

async function breakMissedPlans(tx: SqlExecutor, now: Date): Promise<number> {
  const r = await tx.query<Owner & { plan_id: string; status: AccountStatus; seq: number; due_date: string }>(
    `SELECT p.id AS plan_id, a.org_id, a.id AS account_id, a.debtor_id, a.status, d.timezone, i.seq, i.due_date
       FROM payment_plans p
       JOIN accounts a ON a.id = p.account_id
       JOIN debtors d ON d.id = a.debtor_id
       -- Instalments are paid in order: the first one unpaid is the one missed.
       CROSS JOIN LATERAL (
         SELECT j.seq, j.due_date::text AS due_date FROM plan_installments j
          WHERE j.plan_id = p.id AND j.status = 'pending' ORDER BY j.seq LIMIT 1) i
      WHERE p.status = 'active' AND i.due_date < $1
        AND p.id IN (SELECT plan_id FROM plan_installments WHERE status = 'pending' AND due_date < $1::date)
      ORDER BY p.id
      LIMIT ${BATCH} FOR UPDATE OF a, p SKIP LOCKED`,
    [brokenPromiseCutoff(latestToday(now))],
  );
  let broken = 0;
  for (const x of r.rows) {
    const cutoff = brokenPromiseCutoff(debtorToday(now.getTime(), x.timezone));
    if (x.due_date >= cutoff) continue;
    await breakPlan(tx, x, cutoff, now);
    broken += 1;
  }
  return broken;
}

async function breakPlan(
  tx: SqlExecutor,
  x: Owner & { plan_id: string; status: AccountStatus; seq: number; due_date: string },
  cutoff: string,
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE plan_installments SET status = 'missed' WHERE plan_id = $1 AND status = 'pending' AND due_date < $2::date`,
    [x.plan_id, cutoff],
  );
  await tx.query(`UPDATE payment_plans SET status = 'broken', resolved_at = $2 WHERE id = $1`, [
    x.plan_id,
    now,
  ]);
  const ids = { orgId: x.org_id, accountId: x.account_id, debtorId: x.debtor_id };
  await appendTimeline(tx, {
    ...ids,
    occurredAt: now.toISOString(),
    kind: 'plan',
    actor: 'system',
    actorId: null,
    channel: null,
    direction: null,
    summary: `Payment plan broken: instalment ${x.seq} (due ${x.due_date}) was not paid`,
    data: { planId: x.plan_id, missedSeq: x.seq, dueDate: x.due_date },
  });
  const events: RecordDomainEvent[] = [
    { type: 'plan.broken', ...ids, planId: x.plan_id, missedSeq: x.seq, dueDate: x.due_date },
  ];
  if (x.status === planEnded.from)
    events.push(
      ...(await writeStatusMove(tx, { ...ids, from: x.status, to: planEnded.to, cause: 'plan_broken', now })),
    );
  await appendRecordEvents(tx, events, now);
}

async function endExpiredSettlements(tx: SqlExecutor, now: Date): Promise<number> {
  const r = await tx.query<Owner & { id: string; status: string; expires_on: string }>(
    `SELECT s.id, s.status, s.expires_on::text AS expires_on, s.org_id, s.account_id, a.debtor_id, d.timezone
       FROM settlement_offers s JOIN accounts a ON a.id = s.account_id JOIN debtors d ON d.id = a.debtor_id
      WHERE s.status IN ('pending_approval', 'open', 'accepted') AND s.expires_on < $1::date
      ORDER BY s.expires_on, s.id
      LIMIT ${BATCH} FOR UPDATE OF s SKIP LOCKED`,
    [latestToday(now)],
  );
  const events: RecordDomainEvent[] = [];
  for (const x of r.rows) {
    const today = debtorToday(now.getTime(), x.timezone);
    const accepted = x.status === 'accepted';
    if (x.expires_on >= (accepted ? lapsedSettlementCutoff(today) : today)) continue;
    const to = accepted ? 'lapsed' : 'expired';
    await tx.query(`UPDATE settlement_offers SET status = $2, resolved_at = $3 WHERE id = $1`, [
      x.id,
      to,
      now,
    ]);
    const ids = { orgId: x.org_id, accountId: x.account_id, debtorId: x.debtor_id };
    await appendTimeline(tx, {
      ...ids,
      occurredAt: now.toISOString(),
      kind: 'settlement',
      actor: 'system',
      actorId: null,
      channel: null,
      direction: null,
      summary: accepted
        ? `Settlement lapsed: not paid by ${x.expires_on}`
        : `Settlement offer expired on ${x.expires_on}`,
      data: { settlementOfferId: x.id, expires: x.expires_on },
    });
    events.push({
      type: accepted ? 'settlement.lapsed' : 'settlement.expired',
      ...ids,
      settlementOfferId: x.id,
      expires: x.expires_on,
    });
  }
  await appendRecordEvents(tx, events, now);
  return events.length;
}
