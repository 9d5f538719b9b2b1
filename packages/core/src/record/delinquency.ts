import { addCivilDays, civilDaysBetween } from '../calendar/civil.js';

/** DPD buckets as collection agencies report them: current, then 30-day bands, then 90+. */
export const buckets = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type Bucket = (typeof buckets)[number];

/**
 * Days past due on `asOf` (a YYYY-MM-DD calendar date) for an account delinquent since
 * `delinquentSince` (YYYY-MM-DD, or null when current). Pure calendar arithmetic in UTC.
 *
 * @example daysPastDue('2026-10-25', '2026-11-24') // 30
 */
export function daysPastDue(delinquentSince: string | null, asOf: string): number {
  if (!delinquentSince) return 0;
  return Math.max(0, civilDaysBetween(delinquentSince, asOf));
}

/** @example bucketOf(45) // '31-60' */
export function bucketOf(dpd: number): Bucket {
  if (dpd <= 0) return 'current';
  if (dpd <= 30) return '1-30';
  if (dpd <= 60) return '31-60';
  if (dpd <= 90) return '61-90';
  return '90+';
}

/** The DPD range of a bucket, inclusive (max null = unbounded). @example bucketRange('31-60') // { min: 31, max: 60 } */
export function bucketRange(b: Bucket): { min: number; max: number | null } {
  switch (b) {
    case 'current':
      return { min: 0, max: 0 };
    case '1-30':
      return { min: 1, max: 30 };
    case '31-60':
      return { min: 31, max: 60 };
    case '61-90':
      return { min: 61, max: 90 };
    case '90+':
      return { min: 91, max: null };
  }
}

/** The calendar date `days` before `asOf`. @example shiftDate('2026-11-24', -30) // '2026-10-25' */
export function shiftDate(date: string, days: number): string {
  return addCivilDays(date, days);
}
