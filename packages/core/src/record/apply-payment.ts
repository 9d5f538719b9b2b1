import { SaldoError } from '../errors/index.js';
import { canTransition, type AccountStatus } from './account-status.js';
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
}

/**
 * What a payment does to an account: the balance drops (never below zero), the pending
 * promises it covers — oldest due date first, paid on or before due date + grace — are kept
 * (`allocateToPromises`), and the status follows the state machine: a cleared balance is `paid`;
 * kept promises that leave none pending return `promised` to `active`. Pure: the caller persists
 * the effect in one transaction.
 *
 * @example
 * applyPayment({ balanceMinor: 10000, status: 'promised', currency: 'MXN' },
 *   [{ id: 'ptp_1', amountMinor: 5000, paidMinor: 0, dueDate: '2026-11-27', status: 'pending' }],
 *   { amountMinor: 5000, currency: 'MXN', paidOn: '2026-11-26' })
 * // → { balanceMinor: 5000, status: 'active', overpaymentMinor: 0, promiseUpdates: [{ id: 'ptp_1', paidMinor: 5000, status: 'kept' }] }
 */
export function applyPayment(
  account: { balanceMinor: number; status: AccountStatus; currency: string },
  promises: readonly PromiseState[],
  payment: { amountMinor: number; currency: string; paidOn: string },
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
  const balanceMinor = account.balanceMinor - applied;
  const promiseUpdates = allocateToPromises(promises, {
    amountMinor: payment.amountMinor,
    paidOn: payment.paidOn,
    balanceCleared: balanceMinor === 0,
  });
  const status =
    balanceMinor === 0 && canTransition(account.status, 'paid')
      ? 'paid'
      : statusAfterKeptPromises(account.status, promises, promiseUpdates);
  return { balanceMinor, status, overpaymentMinor: payment.amountMinor - applied, promiseUpdates };
}
