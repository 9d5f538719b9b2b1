import { addCivilDays } from '../calendar/civil.js';
import { zoneOf } from '../calendar/zone.js';
import { canTransition, type AccountStatus } from './account-status.js';
import { lastKeepingDay, PROMISE_GRACE_DAYS } from './promise.js';

/**
 * What happens to an agreement after the offer gate wrote it: the payment plan's instalments paid
 * in order, the settlement paid up, the pause that holds collection. The server's SQL persists
 * these decisions (modules/record/adapters/write-payment.ts, sql-agreement-expiry-store.ts); the
 * rules are these. Grace days are the promises' (`PROMISE_GRACE_DAYS`): a transfer that clears
 * late still counts.
 */

/**
 * Instalment statuses: `pending` until paid in full; `paid` by its last keeping day (due date plus
 * the grace days), `late` after it; `missed` once that day passed unpaid (the sweep), which breaks
 * the plan.
 *
 * @example
 * installmentStatuses.includes('missed'); // true
 */
export const installmentStatuses = ['pending', 'paid', 'late', 'missed'] as const;
/** @example const s: InstallmentStatus = 'late'; */
export type InstallmentStatus = (typeof installmentStatuses)[number];

/** @example const i: InstallmentState = { seq: 1, dueDate: '2026-12-01', amountMinor: 30000, paidMinor: 0, status: 'pending' }; */
export interface InstallmentState {
  seq: number;
  dueDate: string;
  amountMinor: number;
  paidMinor: number;
  status: InstallmentStatus;
}

/** An active plan as the payment rules read it. */
export interface PlanState {
  id: string;
  installments: readonly InstallmentState[];
}

/** What a payment did to one instalment. */
export interface InstallmentUpdate {
  seq: number;
  paidMinor: number;
  status: 'pending' | 'paid' | 'late';
}

/**
 * Allocates a payment to a plan's unpaid instalments in order (a payment larger than the
 * instalment due pays the next ones ahead). The plan is completed when every instalment is paid.
 *
 * @example
 * allocateToInstallments({ id: 'plan_1', installments: [
 *   { seq: 1, dueDate: '2026-12-01', amountMinor: 30000, paidMinor: 0, status: 'pending' },
 *   { seq: 2, dueDate: '2027-01-01', amountMinor: 30000, paidMinor: 0, status: 'pending' }] }, 40000, '2026-11-30');
 * // → { updates: [{ seq: 1, paidMinor: 30000, status: 'paid' }, { seq: 2, paidMinor: 10000, status: 'pending' }], completed: false }
 */
export function allocateToInstallments(
  plan: PlanState,
  amountMinor: number,
  paidOn: string,
): { updates: InstallmentUpdate[]; completed: boolean } {
  let remaining = amountMinor;
  const updates: InstallmentUpdate[] = [];
  const open = [...plan.installments].filter((i) => i.status === 'pending').sort((a, b) => a.seq - b.seq);
  for (const i of open) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, i.amountMinor - i.paidMinor);
    remaining -= take;
    const paidMinor = i.paidMinor + take;
    const status =
      paidMinor < i.amountMinor ? 'pending' : paidOn <= lastKeepingDay(i.dueDate) ? 'paid' : 'late';
    updates.push({ seq: i.seq, paidMinor, status });
  }
  const after = (i: InstallmentState) => updates.find((u) => u.seq === i.seq)?.status ?? i.status;
  const completed = plan.installments.every((i) => after(i) === 'paid' || after(i) === 'late');
  return { updates, completed };
}

/**
 * The account status once a plan is agreed: `active` and `promised` accounts are `in_plan` (the
 * plan replaces the pending promises); any other status stays (a plan on a `legal` account leaves it
 * with the lawyers).
 *
 * @example
 * statusAfterPlan('promised'); // 'in_plan'
 * statusAfterPlan('legal'); // 'legal'
 */
export function statusAfterPlan(status: AccountStatus): AccountStatus {
  return status === 'active' || status === 'promised' ? 'in_plan' : status;
}

/**
 * The status moves the end of a plan causes: completed or broken, an `in_plan` account returns to
 * `active` (a completed plan whose payments cleared the balance is `paid` instead).
 *
 * @example
 * planEnded; // { from: 'in_plan', to: 'active' }
 */
export const planEnded = { from: 'in_plan', to: 'active' } as const satisfies {
  from: AccountStatus;
  to: AccountStatus;
};

/** An accepted settlement as the payment rules read it: pay `amountMinor` by `payBy` (debtor's date). */
export interface SettlementState {
  id: string;
  amountMinor: number;
  paidMinor: number;
  payBy: string;
}

/**
 * A payment towards an accepted settlement: counted when made by the pay-by date plus the grace
 * days (null otherwise: the settlement has lapsed); settled once the payments reach its amount.
 *
 * @example
 * payTowardsSettlement({ id: 'stl_1', amountMinor: 300000, paidMinor: 100000, payBy: '2026-12-10' }, 200000, '2026-12-09');
 * // → { paidMinor: 300000, settled: true }
 */
export function payTowardsSettlement(
  s: SettlementState,
  amountMinor: number,
  paidOn: string,
): { paidMinor: number; settled: boolean } | null {
  if (paidOn > lastKeepingDay(s.payBy)) return null;
  const paidMinor = s.paidMinor + amountMinor;
  return { paidMinor, settled: paidMinor >= s.amountMinor };
}

/** Whether the account may end `settled` from `status` (a bankrupt account is the court's). */
export function canSettle(status: AccountStatus): boolean {
  return canTransition(status, 'settled');
}

/**
 * The sweep's cutoff for settlements on `today`: an accepted settlement whose pay-by date is before
 * it lapses. An offer nobody accepted expires the day after its `expires` date.
 *
 * @example
 * lapsedSettlementCutoff('2026-12-13'); // '2026-12-10'
 */
export function lapsedSettlementCutoff(today: string): string {
  return addCivilDays(today, -PROMISE_GRACE_DAYS);
}

/**
 * When a pause of collection ends: the instant the debtor's calendar reaches `pausedUntil`
 * (collection resumes that day), or null when the account is not paused at `now`.
 *
 * @example
 * pauseEndsAt('2026-12-24', 'America/Mexico_City', Date.parse('2026-12-01T12:00:00Z')); // '2026-12-24T06:00:00.000Z'
 * pauseEndsAt('2026-12-24', 'America/Mexico_City', Date.parse('2026-12-24T07:00:00Z')); // null
 */
export function pauseEndsAt(pausedUntil: string | null, timeZone: string, now: number): string | null {
  if (pausedUntil === null) return null;
  const [y, m, d] = pausedUntil.split('-').map(Number) as [number, number, number];
  const end = zoneOf(timeZone).instant(Date.UTC(y, m - 1, d));
  return end > now ? new Date(end).toISOString() : null;
}
