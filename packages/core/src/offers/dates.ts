/**
 * The dates an offer is made of: the debtor's "today", and the due dates of a plan's instalments.
 * Dates are `YYYY-MM-DD` civil dates in the debtor's zone (ADR 0006); day numbers are days since
 * 1970-01-01, as in core/calendar.
 */
import {
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  daysInMonth,
  formatCivilDate,
  parseCivilDate,
} from '../calendar/civil.js';
import { zoneOf } from '../calendar/zone.js';
import { assertUnreachable } from '../errors/index.js';
import type { PlanFrequency } from './types.js';

/**
 * The debtor's calendar date at instant `now` (epoch ms) in `timeZone`. Throws a RangeError for
 * an unknown zone (account data is validated when it is written).
 *
 * @example
 * debtorToday(Date.parse('2026-11-25T03:00:00Z'), 'America/Mexico_City'); // '2026-11-24'
 */
export function debtorToday(now: number, timeZone: string): string {
  return formatCivilDate(Math.floor(zoneOf(timeZone).wall(now) / DAY_MS));
}

/**
 * The day number instalment `k` (0 = the first) falls due on. Monthly instalments keep the first
 * one's day of the month, clamped to the end of shorter months (31 Jan → 28 Feb → 31 Mar).
 *
 * @example
 * formatCivilDate(installmentDay(parseCivilDate('2027-01-31')!, 'monthly', 1)); // '2027-02-28'
 */
export function installmentDay(firstDay: number, frequency: PlanFrequency, k: number): number {
  switch (frequency) {
    case 'weekly':
      return firstDay + 7 * k;
    case 'fortnightly':
      return firstDay + 14 * k;
    case 'monthly': {
      const { year, month, day } = civilFromDays(firstDay);
      const months = month - 1 + k;
      const y = year + Math.floor(months / 12);
      const m = (months % 12) + 1;
      return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
    }
    default:
      return assertUnreachable(frequency, 'plan frequency');
  }
}

/**
 * Days from the first instalment's due date to the `count`-th one's (the plan's duration).
 *
 * @example
 * planDurationDays('2026-12-01', 'monthly', 12); // 335
 */
export function planDurationDays(firstDue: string, frequency: PlanFrequency, count: number): number {
  const first = civilDay(firstDue);
  return installmentDay(first, frequency, count - 1) - first;
}

/** The due date of every instalment of a plan of `count` instalments. */
export function installmentDates(firstDue: string, frequency: PlanFrequency, count: number): string[] {
  const first = civilDay(firstDue);
  return Array.from({ length: count }, (_, k) => formatCivilDate(installmentDay(first, frequency, k)));
}

/** A `YYYY-MM-DD` date's day number; RangeError when it is not a real date. */
export function civilDay(date: string): number {
  const d = parseCivilDate(date);
  if (d === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

/** True when `date` is a real `YYYY-MM-DD` date. */
export function isCivilDate(date: unknown): date is string {
  return typeof date === 'string' && parseCivilDate(date) !== undefined;
}

/**
 * Rough days per period, used only to translate a debtor's terms between frequencies ("300 a
 * week" is about 1,285 a month); never to compute a due date.
 */
export const periodDays: Readonly<Record<PlanFrequency, number>> = {
  weekly: 7,
  fortnightly: 14,
  monthly: 30,
};
