import { SaldoError } from '../errors/index.js';
import { canTransition, type AccountStatus } from './account-status.js';
import {
  allocateToInstallments,
  canSettle,
  payTowardsSettlement,
  planEnded,
  type InstallmentUpdate,
  type PlanState,
  type SettlementState,
} from './agreements.js';
import {
  allocateToPromises,
  statusAfterKeptPromises,
  type PromiseState,
  type PromiseUpdate,
} from './promise.js';

export interface PaymentEffect {
  balanceMinor: number;
  status: AccountStatus;
  /** The part of the payment above the balance (recorded, flagged for refund/review). */
  overpaymentMinor: number;
  promiseUpdates: PromiseUpdate[];
  /** The active plan's instalments this payment paid, and whether it completed the plan. */
  plan: { id: string; updates: InstallmentUpdate[]; completed: boolean } | null;
  /**
   * The accepted settlement this payment counted towards; once `settled`, the rest of the balance
   * (`waivedMinor`) is forgiven and the balance is zero.
   */
  settlement: { id: string; paidMinor: number; settled: boolean; waivedMinor: number } | null;
}

/** The agreements a payment may pay: the account's active plan and its accepted settlement. */
export interface PaymentAgreements {
  plan?: PlanState | null;
  settlement?: SettlementState | null;
}

/**
 * What a payment does to an account: the balance drops (never below zero), the pending
 * promises it covers — oldest due date first, paid on or before due date + grace — are kept
 * (`allocateToPromises`), and the status follows the state machine: a cleared balance is `paid`;
 * kept promises that leave none pending return `promised` to `active`. The active plan's instalments
 * are paid in order (a completed plan returns `in_plan` to `active`); an accepted settlement paid up
 * within its pay-by date settles the account (the rest is forgiven). Pure: the caller persists the
 * effect in one transaction.
 *
 * @example
 * applyPayment({ balanceMinor: 10000, status: 'promised', currency: 'MXN' },
 *   [{ id: 'ptp_1', amountMinor: 5000, paidMinor: 0, dueDate: '2026-11-27', status: 'pending' }],
 *   { amountMinor: 5000, currency: 'MXN', paidOn: '2026-11-26' })
 * // → { balanceMinor: 5000, status: 'active', overpaymentMinor: 0, promiseUpdates: [{ id: 'ptp_1', paidMinor: 5000, status: 'kept' }], plan: null, settlement: null }
 */
export function applyPayment(
  account: { balanceMinor: number; status: AccountStatus; currency: string },
  promises: readonly PromiseState[],
  payment: { amountMinor: number; currency: string; paidOn: string },
  agreements: PaymentAgreements = {},
): PaymentEffect {
  if (payment.currency !== account.currency) {
    throw new SaldoError(
      'validation',
      `payment currency ${payment.currency} does not match the account currency ${account.currency}`,
      [{ path: 'currency', message: `expected ${account.currency}` }],
    );
  }
  if (!Number.isSafeInteger(payment.amountMinor) || payment.amountMinor <= 0) {
    throw new SaldoError('validation', 'payment amount must be a positive integer in minor units', [
      { path: 'amountMinor', message: 'must be > 0' },
    ]);
  }
  const applied = Math.min(payment.amountMinor, account.balanceMinor);
  const settlement = settlementEffect(account.status, agreements.settlement, applied, payment.paidOn);
  const waived = settlement?.settled ? account.balanceMinor - applied : 0;
  const balanceMinor = account.balanceMinor - applied - waived;
  const plan = agreements.plan
    ? { id: agreements.plan.id, ...allocateToInstallments(agreements.plan, applied, payment.paidOn) }
    : null;
  const promiseUpdates = allocateToPromises(promises, {
    amountMinor: payment.amountMinor,
    paidOn: payment.paidOn,
    balanceCleared: balanceMinor === 0,
  });
  return {
    balanceMinor,
    status: statusAfter(account.status, balanceMinor, {
      settled: waived > 0,
      plan,
      promises,
      promiseUpdates,
    }),
    overpaymentMinor: payment.amountMinor - applied,
    promiseUpdates,
    plan,
    settlement: settlement ? { ...settlement, waivedMinor: waived } : null,
  };
}

function settlementEffect(
  status: AccountStatus,
  s: SettlementState | null | undefined,
  applied: number,
  paidOn: string,
): { id: string; paidMinor: number; settled: boolean } | null {
  if (!s || applied === 0) return null;
  const paid = payTowardsSettlement(s, applied, paidOn);
  if (!paid) return null;
  return { id: s.id, paidMinor: paid.paidMinor, settled: paid.settled && canSettle(status) };
}

/** Cleared by a settlement → settled; cleared → paid; a plan completed → active; else the promises decide. */
function statusAfter(
  status: AccountStatus,
  balanceMinor: number,
  e: {
    settled: boolean;
    plan: { completed: boolean } | null;
    promises: readonly PromiseState[];
    promiseUpdates: readonly PromiseUpdate[];
  },
): AccountStatus {
  if (balanceMinor === 0 && e.settled) return 'settled';
  if (balanceMinor === 0 && canTransition(status, 'paid')) return 'paid';
  if (e.plan?.completed && status === planEnded.from) return planEnded.to;
  return statusAfterKeptPromises(status, e.promises, e.promiseUpdates);
}
