import { debtorToday } from '@saldo/core/offers';
import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import { isoReq } from '../../../shared/db/iso.js';
import type { SettlementOffer, SettlementOfferStore } from '../ports.js';
import { appendRecordEvents } from './append-record-events.js';
import { appendTimeline } from './sql-timeline-store.js';

type Row = {
  id: string;
  account_id: string;
  debtor_id: string;
  amount_minor: number;
  balance_minor: number;
  current_balance_minor: number;
  currency: string;
  expires_on: string;
  needs_approval: boolean;
  status: SettlementOffer['status'];
  timezone: string;
  created_at: Date;
};

const toOffer = (r: Row): SettlementOffer => ({
  id: r.id,
  accountId: r.account_id,
  amountMinor: Number(r.amount_minor),
  balanceMinor: Number(r.balance_minor),
  currency: r.currency,
  expires: r.expires_on,
  needsApproval: r.needs_approval,
  status: r.status,
  createdAt: isoReq(r.created_at),
});

/** The offer, its account's balance now and the debtor's zone, with the offer and the account locked. */
async function lockOffer(tx: SqlExecutor, orgId: string, offerId: string): Promise<Row | null> {
  const r = await tx.query<Row>(
    `SELECT s.id, s.account_id, a.debtor_id, s.amount_minor, s.balance_minor, a.balance_minor AS current_balance_minor,
            s.currency, s.expires_on::text AS expires_on, s.needs_approval, s.status, d.timezone, s.created_at
       FROM settlement_offers s JOIN accounts a ON a.id = s.account_id JOIN debtors d ON d.id = a.debtor_id
      WHERE s.org_id = $1 AND s.id = $2 FOR UPDATE OF s, a`,
    [orgId, offerId],
  );
  return r.rows[0] ?? null;
}

/**
 * Settlement offers after the gate wrote them: a person approves one that waits for approval; the
 * debtor accepts an open one while it is open and the balance is the one it was made on. Every
 * move is one transaction with its timeline entry; a move the offer's state does not allow
 * writes nothing and answers why.
 */
export function createSqlSettlementOfferStore(db: Db): SettlementOfferStore {
  return {
    approve: (p) =>
      db.transaction(async (tx) => {
        const row = await lockOffer(tx, p.orgId, p.offerId);
        if (!row) return null;
        if (row.status !== 'pending_approval')
          return { refused: `the offer is ${row.status}, not awaiting approval` };
        await tx.query(`UPDATE settlement_offers SET status = 'open' WHERE id = $1`, [row.id]);
        await appendTimeline(tx, {
          orgId: p.orgId,
          debtorId: row.debtor_id,
          accountId: row.account_id,
          occurredAt: p.now.toISOString(),
          kind: 'settlement',
          actor: 'agent',
          actorId: p.by,
          channel: null,
          direction: null,
          summary: 'Settlement offer approved',
          data: { settlementOfferId: row.id, amountMinor: Number(row.amount_minor), currency: row.currency },
        });
        return { offer: toOffer({ ...row, status: 'open' }) };
      }),

    accept: (p) =>
      db.transaction(async (tx) => {
        const row = await lockOffer(tx, p.orgId, p.offerId);
        if (!row) return null;
        if (row.status !== 'open') return { refused: `the offer is ${row.status}, not open` };
        if (row.expires_on < debtorToday(p.now.getTime(), row.timezone))
          return { refused: `the offer expired on ${row.expires_on}` };
        if (Number(row.current_balance_minor) !== Number(row.balance_minor))
          return { refused: 'the balance changed since the offer was made; make a new offer' };
        await tx.query(`UPDATE settlement_offers SET status = 'accepted', resolved_at = $2 WHERE id = $1`, [
          row.id,
          p.now,
        ]);
        await appendTimeline(tx, {
          orgId: p.orgId,
          debtorId: row.debtor_id,
          accountId: row.account_id,
          occurredAt: p.now.toISOString(),
          kind: 'settlement',
          actor: p.actor,
          actorId: null,
          channel: null,
          direction: null,
          summary: 'Settlement agreed',
          data: {
            settlementOfferId: row.id,
            amountMinor: Number(row.amount_minor),
            currency: row.currency,
            payBy: row.expires_on,
            channel: p.channel,
          },
        });
        const ids = { orgId: p.orgId, accountId: row.account_id, debtorId: row.debtor_id };
        await appendRecordEvents(
          tx,
          [
            {
              type: 'settlement.accepted',
              ...ids,
              settlementOfferId: row.id,
              amountMinor: Number(row.amount_minor),
              currency: row.currency,
              payBy: row.expires_on,
            },
          ],
          p.now,
        );
        return { offer: toOffer({ ...row, status: 'accepted' }) };
      }),
  };
}
