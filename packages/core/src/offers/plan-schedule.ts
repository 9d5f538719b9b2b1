/**
 * A plan's instalments and the most instalments a plan may have. A plan is its frequency, its
 * first due date and its instalment: the count is ⌈balance / instalment⌉ and the last instalment
 * takes what is left, so the schedule adds up to the balance exactly, no cent lost or made.
 */
import { addCivilDays } from '../calendar/civil.js';
import { ceilDiv, ceilShare } from './arithmetic.js';
import { installmentDates, planDurationDays } from './dates.js';
import type { Agreement, PlanFrequency, PlanRules } from './types.js';

/**
 * The plan paying `totalMinor` in instalments of `installmentMinor` from `firstDue`.
 *
 * @example
 * planAgreement('2026-12-01', 'monthly', 200000, 485000).installments;
 * // [{ due: '2026-12-01', amountMinor: 200000 }, { due: '2027-01-01', amountMinor: 200000 }, { due: '2027-02-01', amountMinor: 85000 }]
 */
export function planAgreement(
  firstDue: string,
  frequency: PlanFrequency,
  installmentMinor: number,
  totalMinor: number,
): Extract<Agreement, { kind: 'plan' }> {
  const count = ceilDiv(totalMinor, installmentMinor);
  const dates = installmentDates(firstDue, frequency, count);
  const installments = dates.map((due, k) => ({
    due,
    amountMinor: k < count - 1 ? installmentMinor : totalMinor - (count - 1) * installmentMinor,
  }));
  return { kind: 'plan', frequency, installments, totalMinor };
}

/** The smallest instalment the rules allow on this balance (a share, at least one minor unit). */
export function minInstallmentMinor(rules: PlanRules, balanceMinor: number): number {
  return Math.max(1, ceilShare(balanceMinor, rules.minInstallmentBps));
}

/** The latest first due date the rules allow. */
export function latestFirstDue(rules: PlanRules, today: string): string {
  return addCivilDays(today, rules.firstDueWithinDays);
}

/** The first due date when the debtor names none: the latest the rules allow. */
export function defaultFirstDue(rules: PlanRules, today: string): string {
  return latestFirstDue(rules, today);
}

/**
 * The most instalments a plan of this frequency from `firstDue` may have on this balance: within
 * the count and the duration, each instalment at least the smallest, and the balance splittable
 * into exactly that many (⌈balance / ⌈balance / n⌉⌉ = n). Always at least 1.
 *
 * @example
 * maxInstallmentCount(defaultOfferPolicy.plans, 'monthly', '2026-12-01', 485000); // 12
 */
export function maxInstallmentCount(
  rules: PlanRules,
  frequency: PlanFrequency,
  firstDue: string,
  balanceMinor: number,
): number {
  const min = minInstallmentMinor(rules, balanceMinor);
  for (let n = Math.min(rules.maxInstallments, balanceMinor); n > 1; n--) {
    const installment = ceilDiv(balanceMinor, n);
    if (
      installment >= min &&
      ceilDiv(balanceMinor, installment) === n &&
      planDurationDays(firstDue, frequency, n) <= rules.maxDurationDays
    )
      return n;
  }
  return 1;
}
