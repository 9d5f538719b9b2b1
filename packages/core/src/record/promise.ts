import { addCivilDays, formatCivilDate } from '../calendar/civil.js';
import { twoWayChannels } from '../channels/channel.js';
import { isCurrency, minorUnitExponent } from '../money/index.js';
import type { AccountStatus } from './account-status.js';

/**
 * Promises to pay: the rules every writer follows (recording a promise, a payment keeping it, the
 * sweep breaking it, a promise read in a reply). The server's SQL does the set-based work; the
 * rules and constants are these.
 */

/**
 * Promise statuses: `pending` until kept (paid in full by its due date plus the grace days, or
 * the balance cleared) or broken (that day passed without it).
 *
 * @example
 * promiseStatuses.includes('kept'); // true
 */
export const promiseStatuses = ['pending', 'kept', 'broken', 'cancelled'] as const;
/** @example const s: PromiseStatus = 'broken'; */
export type PromiseStatus = (typeof promiseStatuses)[number];

/**
 * A promise as the payment rules read it.
 *
 * @example
 * const p: PromiseState = { id: 'ptp_1', amountMinor: 5000, paidMinor: 0, dueDate: '2026-11-27', status: 'pending' };
 */
export interface PromiseState {
  id: string;
  amountMinor: number;
  paidMinor: number;
  dueDate: string; // YYYY-MM-DD
  status: PromiseStatus;
}

/**
 * Where a promise was made: a two-way channel (a conversation) or the debtor portal.
 *
 * @example
 * promiseChannels.includes('voicemail'); // false: nobody promises to a voicemail drop
 */
export const promiseChannels = [...twoWayChannels, 'portal'] as const;
/** @example const c: PromiseChannel = 'portal'; */
export type PromiseChannel = (typeof promiseChannels)[number];

/** Days after the due date in which a payment still keeps a promise (bank transfers clear late). */
export const PROMISE_GRACE_DAYS = 3;

/**
 * The last day a payment still keeps a promise due on `dueDate`.
 *
 * @example
 * lastKeepingDay('2026-11-27'); // '2026-11-30'
 */
export function lastKeepingDay(dueDate: string): string {
  return addCivilDays(dueDate, PROMISE_GRACE_DAYS);
}

/**
 * The sweep's cutoff on `today`: a pending promise due before it can no longer be kept, so it is
 * broken.
 *
 * @example
 * brokenPromiseCutoff('2026-11-30'); // '2026-11-27' (a promise due on the 26th is broken, the 27th not yet)
 */
export function brokenPromiseCutoff(today: string): string {
  return addCivilDays(today, -PROMISE_GRACE_DAYS);
}

/**
 * What a payment did to one pending promise.
 *
 * @example
 * const u: PromiseUpdate = { id: 'ptp_1', paidMinor: 5000, status: 'kept' };
 */
export interface PromiseUpdate {
  id: string;
  paidMinor: number;
  status: 'pending' | 'kept';
}

/**
 * Allocates a payment to the pending promises it can keep: oldest due date first, only promises
 * whose last keeping day is on or after `paidOn`. A promise is kept when paid in full, or when the
 * payment cleared the balance (nothing is left to pay).
 *
 * @example
 * allocateToPromises([{ id: 'ptp_1', amountMinor: 5000, paidMinor: 0, dueDate: '2026-11-27', status: 'pending' }],
 *   { amountMinor: 3000, paidOn: '2026-11-26', balanceCleared: false });
 * // → [{ id: 'ptp_1', paidMinor: 3000, status: 'pending' }]
 */
export function allocateToPromises(
  promises: readonly PromiseState[],
  payment: { amountMinor: number; paidOn: string; balanceCleared: boolean },
): PromiseUpdate[] {
  let remaining = payment.amountMinor;
  const updates: PromiseUpdate[] = [];
  const open = promises
    .filter((p) => p.status === 'pending' && payment.paidOn <= lastKeepingDay(p.dueDate))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  for (const p of open) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, p.amountMinor - p.paidMinor);
    remaining -= take;
    const paidMinor = p.paidMinor + take;
    updates.push({
      id: p.id,
      paidMinor,
      status: paidMinor >= p.amountMinor || payment.balanceCleared ? 'kept' : 'pending',
    });
  }
  return updates;
}

/**
 * The status moves promises cause: recording one moves an `active` account to `promised`; once no
 * promise is pending any more (the last one kept, or broken by the sweep) it returns to `active`.
 * Both are transitions of the account state machine (checked in promise.test.ts).
 *
 * @example
 * promiseMade; // { from: 'active', to: 'promised' }
 */
export const promiseMade = { from: 'active', to: 'promised' } as const satisfies {
  from: AccountStatus;
  to: AccountStatus;
};
/** @example noPromisePending; // { from: 'promised', to: 'active' } */
export const noPromisePending = { from: 'promised', to: 'active' } as const satisfies {
  from: AccountStatus;
  to: AccountStatus;
};

/**
 * Statuses in which a promise to pay can be recorded.
 *
 * @example
 * promisableStatuses.includes('disputed'); // false
 */
export const promisableStatuses = ['active', 'promised', 'legal'] as const satisfies readonly AccountStatus[];

/**
 * Whether a promise can be recorded on an account in `status`.
 *
 * @example
 * canRecordPromise('legal'); // true
 * canRecordPromise('paid'); // false
 */
export function canRecordPromise(status: AccountStatus): boolean {
  return (promisableStatuses as readonly string[]).includes(status);
}

/**
 * The account status once a promise is recorded: `active` becomes `promised`, any other status
 * stays (a promise on a `legal` account leaves it with the lawyers).
 *
 * @example
 * statusAfterPromise('active'); // 'promised'
 * statusAfterPromise('legal'); // 'legal'
 */
export function statusAfterPromise(status: AccountStatus): AccountStatus {
  return status === promiseMade.from ? promiseMade.to : status;
}

/**
 * The account status after a payment's promise updates: a `promised` account whose kept promises
 * leave none pending returns to `active`.
 *
 * @example
 * statusAfterKeptPromises('promised', [{ id: 'ptp_1', amountMinor: 5000, paidMinor: 0, dueDate: '2026-11-27', status: 'pending' }],
 *   [{ id: 'ptp_1', paidMinor: 5000, status: 'kept' }]); // 'active'
 */
export function statusAfterKeptPromises(
  status: AccountStatus,
  promises: readonly PromiseState[],
  updates: readonly PromiseUpdate[],
): AccountStatus {
  const kept = (id: string) => updates.some((u) => u.id === id && u.status === 'kept');
  if (
    status === noPromisePending.from &&
    updates.some((u) => u.status === 'kept') &&
    !promises.some((p) => p.status === 'pending' && !kept(p.id))
  )
    return noPromisePending.to;
  return status;
}

/**
 * The due date of a promise made in a reply: the date the reply names when it is not before the
 * reply's (UTC) day, else `days` after the reply.
 *
 * @example
 * replyPromiseDueDate('2026-11-24T16:00:00Z', '2026-11-27', 7); // '2026-11-27'
 * replyPromiseDueDate('2026-11-24T16:00:00Z', undefined, 7); // '2026-12-01'
 */
export function replyPromiseDueDate(repliedAt: string, named: string | undefined, days: number): string {
  if (named !== undefined && named >= repliedAt.slice(0, 10)) return named;
  const t = Date.parse(repliedAt);
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${repliedAt}`);
  return formatCivilDate(Math.floor(t / 86_400_000) + days);
}

/**
 * How a promise named in a reply is spread over the debtor's accounts with a balance: the amount
 * named goes to the oldest debt first (most days past due, then id) and only to accounts in that
 * debt's currency; with no amount, or one in another currency, each balance is promised in full.
 *
 * @example
 * allocateReplyPromise(
 *   [{ id: 'acct_a', dpd: 10, balanceMinor: 30000, currency: 'MXN' }, { id: 'acct_b', dpd: 40, balanceMinor: 20000, currency: 'MXN' }],
 *   { value: 300 },
 * ); // → [{ accountId: 'acct_b', amountMinor: 20000 }, { accountId: 'acct_a', amountMinor: 10000 }]
 */
export function allocateReplyPromise(
  accounts: readonly { id: string; dpd: number; balanceMinor: number; currency: string }[],
  named: { value: number; currency?: string } | undefined,
): { accountId: string; amountMinor: number }[] {
  const open = accounts
    .filter((a) => a.balanceMinor > 0)
    .sort((a, b) => b.dpd - a.dpd || (a.id < b.id ? -1 : 1));
  const currency = open[0]?.currency;
  let left = namedMinor(named, currency);
  const out: { accountId: string; amountMinor: number }[] = [];
  for (const a of open) {
    if (left !== null && a.currency !== currency) continue; // a named amount is in one currency
    const amountMinor = left === null ? a.balanceMinor : Math.min(left, a.balanceMinor);
    if (amountMinor <= 0) break;
    if (left !== null) left -= amountMinor;
    out.push({ accountId: a.id, amountMinor });
  }
  return out;
}

/** A named amount in minor units of `currency`; null when none is named or it is in another currency. */
function namedMinor(amount: { value: number; currency?: string } | undefined, currency: string | undefined) {
  if (!amount || currency === undefined || !isCurrency(currency)) return null;
  if (amount.currency !== undefined && amount.currency !== currency) return null;
  const minor = Math.round(amount.value * 10 ** minorUnitExponent(currency));
  return minor > 0 ? minor : null;
}
