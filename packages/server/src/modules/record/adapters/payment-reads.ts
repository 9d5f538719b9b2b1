import type { AccountStatus, PromiseState } from '@saldo/core/record';
import type { SqlExecutor } from '../../../shared/db/db.js';
import { isoReq } from '../../../shared/db/iso.js';
import type { RecordedPayment } from '../ports.js';

/** The payment already recorded under `externalId`, as a duplicate; null when there is none. */
export async function findPriorPayment(
  tx: SqlExecutor,
  orgId: string,
  externalId: string,
): Promise<RecordedPayment | null> {
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
    [orgId, externalId],
  );
  const x = prior.rows[0];
  if (!x) return null;
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

export interface LockedPaymentTarget {
  debtorId: string;
  balanceMinor: number;
  status: AccountStatus;
  currency: string;
  promises: PromiseState[];
}

/**
 * The account and its pending promises, locked: two concurrent payments must not both read the
 * old balance. Null when the account does not exist in the organisation.
 */
export async function lockPaymentTarget(
  tx: SqlExecutor,
  orgId: string,
  accountId: string,
): Promise<LockedPaymentTarget | null> {
  const acc = await tx.query<{
    debtor_id: string;
    balance_minor: number;
    status: AccountStatus;
    currency: string;
  }>(
    'SELECT debtor_id, balance_minor, status, currency FROM accounts WHERE org_id = $1 AND id = $2 FOR UPDATE',
    [orgId, accountId],
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
    [accountId],
  );
  return {
    debtorId: a.debtor_id,
    balanceMinor: Number(a.balance_minor),
    status: a.status,
    currency: a.currency,
    promises: promises.rows.map((r) => ({
      id: r.id,
      amountMinor: Number(r.amount_minor),
      paidMinor: Number(r.paid_minor),
      dueDate: r.due_date,
      status: r.status,
    })),
  };
}
