import { addCivilDays } from '../calendar/civil.js';
import { SaldoError } from '../errors/index.js';
import { canTransition, type AccountStatus } from './account-status.js';

export interface PromiseState {
  id: string;
  amountMinor: number;
  paidMinor: number;
  dueDate: string; // YYYY-MM-DD
  status: 'pending' | 'kept' | 'broken' | 'cancelled';
}

export interface PaymentEffect {
  balanceMinor: number;
  status: AccountStatus;
  /** The part of the payment above the balance (recorded, flagged for refund/review). */
  overpaymentMinor: number;
  promiseUpdates: { id: string; paidMinor: number; status: 'pending' | 'kept' }[];
}

/** Days after the due date in which a payment still keeps a promise (bank transfers clear late). */
export const PROMISE_GRACE_DAYS = 3;

/**
 * What a payment does to an account: the balance drops (never below zero), the pending
 * promises it covers — oldest due date first, paid on or before due date + grace — are kept,
 * and the status follows: a cleared balance is `paid`; a kept promise returns `promised` to
 * `active`. Pure: the caller persists the effect in one transaction.
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
  let remaining = payment.amountMinor;
  const promiseUpdates: PaymentEffect['promiseUpdates'] = [];
  const open = promises
    .filter((p) => p.status === 'pending' && payment.paidOn <= addCivilDays(p.dueDate, PROMISE_GRACE_DAYS))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const p of open) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, p.amountMinor - p.paidMinor);
    remaining -= take;
    const paidMinor = p.paidMinor + take;
    promiseUpdates.push({
      id: p.id,
      paidMinor,
      status: paidMinor >= p.amountMinor || balanceMinor === 0 ? 'kept' : 'pending',
    });
  }
  let status = account.status;
  if (balanceMinor === 0 && canTransition(status, 'paid')) status = 'paid';
  else if (
    status === 'promised' &&
    promiseUpdates.some((u) => u.status === 'kept') &&
    !promises.some(
      (p) => p.status === 'pending' && !promiseUpdates.find((u) => u.id === p.id && u.status === 'kept'),
    )
  )
    status = 'active';
  return { balanceMinor, status, overpaymentMinor: payment.amountMinor - applied, promiseUpdates };
}
