/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), without a clock or a time zone.
 * Howard Hinnant's days_from_civil / civil_from_days, valid for the whole proleptic Gregorian
 * calendar. Shared by compliance (holidays, local days), the demo generator and delinquency.
 */

/** Milliseconds in a day. @example DAY_MS === 86_400_000 */
export const DAY_MS = 86_400_000;

/** @example civilFromDays(0); // { year: 1970, month: 1, day: 1 } */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** @example daysFromCivil(1970, 1, 1); // 0 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** @example daysInMonth(2028, 2); // 29 */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number, or undefined when it is not a real date. @example parseCivilDate('2025-02-30'); // undefined */
export function parseCivilDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** Day number → `YYYY-MM-DD`. @example formatCivilDate(0); // '1970-01-01' */
export function formatCivilDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return formatCivilParts(year, month, day);
}

/**
 * Year, month and day → `YYYY-MM-DD`, as given (no normalisation: see {@link formatCivilDate}).
 *
 * @example
 * formatCivilParts(2026, 3, 9); // '2026-03-09'
 */
export function formatCivilParts(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * ISO weekday index of a day number: 0 = Monday … 6 = Sunday.
 *
 * @example
 * isoWeekday(0); // 3 (1970-01-01 was a Thursday)
 */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * The calendar date `days` after `date` (before, when negative), both `YYYY-MM-DD`. Throws a
 * RangeError for a string that is not a real date.
 *
 * @example
 * addCivilDays('2026-11-24', -30); // '2026-10-25'
 * addCivilDays('2028-02-28', 1); // '2028-02-29'
 */
export function addCivilDays(date: string, days: number): string {
  const d = parseCivilDate(date);
  if (d === undefined) throw new RangeError(`not a calendar date: ${date}`);
  return formatCivilDate(d + days);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier); NaN when either is not a real
 * `YYYY-MM-DD` date.
 *
 * @example
 * civilDaysBetween('2026-10-25', '2026-11-24'); // 30
 */
export function civilDaysBetween(from: string, to: string): number {
  const a = parseCivilDate(from);
  const b = parseCivilDate(to);
  return a === undefined || b === undefined ? Number.NaN : b - a;
}
