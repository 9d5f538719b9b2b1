import { moveStatus, statusAfterPromise, type AccountStatus, type PromiseState } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { PaymentStore, RecordedPayment } from '../ports.js';
import { isoReq } from '../../../shared/db/iso.js';
import { appendTimeline } from './sql-timeline-store.js';
import { appendRecordEvents } from './append-record-events.js';
import type { RecordDomainEvent } from '../record-events.js';

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

export function createSqlPaymentStore(db: Db): PaymentStore {
  /** One attempt: lock the account, decide, persist everything in one transaction. */
  const recordOnce: PaymentStore['record'] = (p, decide) =>
    db.transaction(async (tx): Promise<RecordedPayment | null> => {
      if (p.externalId) {
        const prior = await tx.query<{
          id: string;
          account_id: string;
          amount_minor: number;
          currency: string;
          paid_at: Date;
          balance_minor: number;
          status: AccountStatus;
        }>(
          `SELECT y.id, y.account_id, y.amount_minor, y.currency, y.paid_at, a.balance_minor, a.status FROM payments y JOIN accounts a ON a.id = y.account_id
            WHERE y.org_id = $1 AND y.external_id = $2`,
          [p.orgId, p.externalId],
        );
        const x = prior.rows[0];
        if (x) {
          return {
            paymentId: x.id,
            accountId: x.account_id,
            amountMinor: Number(x.amount_minor),
            currency: x.currency,
            paidAt: isoReq(x.paid_at),
            balanceMinor: Number(x.balance_minor),
            status: x.status,
            overpaymentMinor: 0,
            promisesKept: [],
            duplicate: true,
          };
        }
      }
      // Lock the account: two concurrent payments must not both read the old balance.
      const acc = await tx.query<{
        debtor_id: string;
        balance_minor: number;
        status: AccountStatus;
        currency: string;
      }>(
        'SELECT debtor_id, balance_minor, status, currency FROM accounts WHERE org_id = $1 AND id = $2 FOR UPDATE',
        [p.orgId, p.accountId],
      );
      const a = acc.rows[0];
      if (!a) return null;
      const promises = await tx.query<{
        id: string;
        amount_minor: number;
        paid_minor: number;
        due_date: string;
        status: PromiseState['status'];
      }>(
        `SELECT id, amount_minor, paid_minor, due_date::text AS due_date, status FROM promises WHERE account_id = $1 AND status = 'pending' FOR UPDATE`,
        [p.accountId],
      );
      const effect = decide(
        { balanceMinor: Number(a.balance_minor), status: a.status, currency: a.currency },
        promises.rows.map((r) => ({
          id: r.id,
          amountMinor: Number(r.amount_minor),
          paidMinor: Number(r.paid_minor),
          dueDate: r.due_date,
          status: r.status,
        })),
      );
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
        debtorId: a.debtor_id,
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
      const ids = { orgId: p.orgId, accountId: p.accountId, debtorId: a.debtor_id };
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
    });

  return {
    async record(p, decide) {
      // Two requests with one new externalId race to the unique index: the loser runs again and
      // finds the winner's payment (a duplicate, or a conflict if it differs).
      return recordOnce(p, decide).catch((e: unknown) => {
        if (!p.externalId || !isUniqueViolation(e)) throw e;
        return recordOnce(p, decide);
      });
    },
    async createPromise(p) {
      return db.transaction(async (tx) => {
        const acc = await tx.query<{ debtor_id: string; status: AccountStatus }>(
          'SELECT debtor_id, status FROM accounts WHERE org_id = $1 AND id = $2 FOR UPDATE',
          [p.orgId, p.accountId],
        );
        const a = acc.rows[0];
        if (!a) return null;
        const r = await tx.query<{ id: string }>(
          `INSERT INTO promises (org_id, account_id, amount_minor, currency, due_date, status, channel, actor, created_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8) RETURNING id`,
          [p.orgId, p.accountId, p.amountMinor, p.currency, p.dueDate, p.channel, p.actor, p.now],
        );
        const id = r.rows[0]!.id;
        const ids = { orgId: p.orgId, accountId: p.accountId, debtorId: a.debtor_id };
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
        await appendTimeline(tx, {
          orgId: p.orgId,
          debtorId: a.debtor_id,
          accountId: p.accountId,
          occurredAt: p.now.toISOString(),
          kind: 'promise',
          actor: p.actor,
          actorId: null,
          channel: null,
          direction: null,
          summary: 'Promise to pay',
          data: { promiseId: id, amountMinor: p.amountMinor, currency: p.currency, dueDate: p.dueDate },
        });
        const next = statusAfterPromise(a.status);
        if (next !== a.status) {
          await tx.query(`UPDATE accounts SET status = $3, updated_at = $2 WHERE id = $1`, [
            p.accountId,
            p.now,
            moveStatus(a.status, next),
          ]);
          await appendTimeline(tx, {
            orgId: p.orgId,
            debtorId: a.debtor_id,
            accountId: p.accountId,
            occurredAt: p.now.toISOString(),
            kind: 'status_change',
            actor: 'system',
            actorId: null,
            channel: null,
            direction: null,
            summary: `Status ${a.status} → ${next}`,
            data: { from: a.status, to: next, cause: id },
          });
          events.push({ type: 'account.status_changed', ...ids, from: a.status, to: next, cause: id });
        }
        await appendRecordEvents(tx, events, p.now);
        return { id };
      });
    },
  };
}
