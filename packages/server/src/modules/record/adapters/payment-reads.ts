import type {
  AccountStatus,
  InstallmentState,
  PlanState,
  PromiseState,
  SettlementState,
} from '@saldo/core/record';
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
  /** The account's active plan with its instalments, if any. */
  plan: PlanState | null;
  /** The settlement the debtor accepted and is paying, if any. */
  settlement: SettlementState | null;
}

/**
 * The account, its pending promises, its active plan and its accepted settlement, locked: two
 * concurrent payments must not both read the old balance. Null when the account does not exist in
 * the organisation.
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
    plan: await lockActivePlan(tx, accountId),
    settlement: await lockAcceptedSettlement(tx, accountId),
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

async function lockActivePlan(tx: SqlExecutor, accountId: string): Promise<PlanState | null> {
  const r = await tx.query<{
    plan_id: string;
    seq: number;
    due_date: string;
    amount_minor: number;
    paid_minor: number;
    status: InstallmentState['status'];
  }>(
    `SELECT i.plan_id, i.seq, i.due_date::text AS due_date, i.amount_minor, i.paid_minor, i.status
       FROM payment_plans p JOIN plan_installments i ON i.plan_id = p.id
      WHERE p.account_id = $1 AND p.status = 'active'
      ORDER BY p.created_at DESC, p.id, i.seq FOR UPDATE OF p, i`,
    [accountId],
  );
  const first = r.rows[0];
  if (!first) return null;
  return {
    id: first.plan_id,
    installments: r.rows
      .filter((x) => x.plan_id === first.plan_id)
      .map((x) => ({
        seq: x.seq,
        dueDate: x.due_date,
        amountMinor: Number(x.amount_minor),
        paidMinor: Number(x.paid_minor),
        status: x.status,
      })),
  };
}

async function lockAcceptedSettlement(tx: SqlExecutor, accountId: string): Promise<SettlementState | null> {
  const r = await tx.query<{ id: string; amount_minor: number; paid_minor: number; expires_on: string }>(
    `SELECT id, amount_minor, paid_minor, expires_on::text AS expires_on FROM settlement_offers
      WHERE account_id = $1 AND status = 'accepted' ORDER BY resolved_at DESC, id LIMIT 1 FOR UPDATE`,
    [accountId],
  );
  const s = r.rows[0];
  if (!s) return null;
  return {
    id: s.id,
    amountMinor: Number(s.amount_minor),
    paidMinor: Number(s.paid_minor),
    payBy: s.expires_on,
  };
}
