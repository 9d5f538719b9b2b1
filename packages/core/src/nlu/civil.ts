import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatCivilParts,
  isoWeekday,
} from '../calendar/civil.js';
import { isValidZone, localDateTime, zoneOf } from '../calendar/zone.js';

/**
 * Calendar-date arithmetic on local civil dates (no instants, no zones): dates in replies are
 * days in the debtor's zone, so "mañana" is today's local date + 1 whatever the UTC offset.
 */
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

/** A local reference time: the civil date plus the wall-clock hour and minute. */
export interface LocalNow extends CivilDate {
  hour: number;
  minute: number;
}

/** @example toDayNumber({ y: 1970, m: 1, d: 2 }) // → 1 */
export function toDayNumber(c: CivilDate): number {
  return daysFromCivil(c.y, c.m, c.d);
}

/** @example fromDayNumber(1) // → { y: 1970, m: 1, d: 2 } */
export function fromDayNumber(n: number): CivilDate {
  const { year, month, day } = civilFromDays(n);
  return { y: year, m: month, d: day };
}

/** @example addDays({ y: 2026, m: 11, d: 30 }, 1) // → { y: 2026, m: 12, d: 1 } */
export function addDays(c: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(c) + days);
}

/** 0 = Sunday … 6 = Saturday. @example weekday({ y: 2026, m: 11, d: 22 }) // → 0 */
export function weekday(c: CivilDate): number {
  return (isoWeekday(toDayNumber(c)) + 1) % 7;
}

export { daysInMonth };

/** @example isoDate({ y: 2026, m: 11, d: 24 }) // → '2026-11-24' */
export function isoDate(c: CivilDate): string {
  return formatCivilParts(c.y, c.m, c.d);
}

/**
 * The local wall-clock reference for `now` in `timezone`. A string without offset
 * ("2026-11-24T10:00:00") already is local time; an instant (a `Date`, or a string with `Z`/offset)
 * is converted to the zone with the calendar module.
 *
 * @example
 * localNow('2026-11-24T10:00:00', 'America/Mexico_City') // → { y: 2026, m: 11, d: 24, hour: 10, minute: 0 }
 * localNow('2026-11-24T16:00:00Z', 'America/Mexico_City') // → { y: 2026, m: 11, d: 24, hour: 10, minute: 0 }
 */
export function localNow(now: string | Date, timezone: string): LocalNow | undefined {
  if (typeof now === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      now,
    );
    if (!m) return undefined;
    if (!m[6]) return { y: +m[1]!, m: +m[2]!, d: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0) };
    return localNow(new Date(now), timezone);
  }
  const t = now.getTime();
  if (Number.isNaN(t) || !isValidZone(timezone)) return undefined;
  const l = localDateTime(zoneOf(timezone), t);
  return { y: l.year, m: l.month, d: l.day, hour: l.hour, minute: l.minute };
}
