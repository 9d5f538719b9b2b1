import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth } from './civil.js';
import type { Zone } from './zone.js';

/**
 * ISO 8601 durations added in a time zone. Calendar units (years, months, weeks, days) move the
 * local date and keep the wall-clock time (`P1D` across a DST change is 23 or 25 hours); clock
 * units (hours, minutes, seconds) are elapsed time. The arithmetic is luxon's `DateTime.plus`,
 * reproduced step by step (the strategy engine's stored schedules were computed with it, and a
 * property test compares the two): see ADR 0006.
 */

/**
 * A duration by unit. Units absent from the ISO text are 0.
 *
 * @example
 * const d: CalendarDuration = { ...parseDuration('P1DT2H')! }; // days: 1, hours: 2, the rest 0
 */
export interface CalendarDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

const ISO_DURATION =
  /^-?P(?:(?:(-?\d{1,20}(?:\.\d{1,20})?)Y)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20}(?:\.\d{1,20})?)W)?(?:(-?\d{1,20}(?:\.\d{1,20})?)D)?(?:T(?:(-?\d{1,20}(?:\.\d{1,20})?)H)?(?:(-?\d{1,20}(?:\.\d{1,20})?)M)?(?:(-?\d{1,20})(?:[.,](-?\d{1,20}))?S)?)?)$/;

/**
 * Parses an ISO 8601 duration (`P3D`, `PT12H`, `P1M2W`, `-P1D`, `PT1.5S`); null when it is not one.
 * A leading `-` negates every unit.
 *
 * @example
 * parseDuration('P3D')?.days; // 3
 * parseDuration('P3X'); // null
 */
export function parseDuration(text: string): CalendarDuration | null {
  const m = ISO_DURATION.exec(text);
  if (!m) return null;
  const negative = text.startsWith('-');
  // luxon's negation rules: a leading '-' negates every non-zero unit; the fraction of seconds
  // takes the sign of the seconds.
  const value = (s: string | undefined, force = false): number => {
    if (s === undefined || s === '') return 0;
    const v = parseFloat(s);
    return force || (v && negative) ? -v : v;
  };
  const secondText = m[7];
  const fraction = m[8];
  const millis =
    fraction === undefined || fraction === '' ? 0 : Math.floor(parseFloat(`0.${fraction}`) * 1000);
  return {
    years: value(m[1]),
    months: value(m[2]),
    weeks: value(m[3]),
    days: value(m[4]),
    hours: value(m[5]),
    minutes: value(m[6]),
    seconds: value(secondText, secondText === '-0'),
    milliseconds: secondText?.startsWith('-') || (millis && negative) ? -millis : millis,
  };
}

/**
 * A duration of elapsed milliseconds.
 *
 * @example
 * durationOfMillis(60_000).milliseconds; // 60000
 */
export function durationOfMillis(ms: number): CalendarDuration {
  return { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: ms };
}

/**
 * Whether every unit is ≥ 0 and at least one is > 0.
 *
 * @example
 * isPositive(parseDuration('PT0S')!); // false
 */
export function isPositive(d: CalendarDuration): boolean {
  const values = Object.values(d);
  return values.every((v) => v >= 0) && values.some((v) => v > 0);
}

/** Casual lengths of the calendar units, in ms (a year is 365 days, a month 30): luxon's matrix. */
const CASUAL_MS = {
  years: 365 * DAY_MS,
  months: 30 * DAY_MS,
  weeks: 7 * DAY_MS,
  days: DAY_MS,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
} as const;

/**
 * `t` plus `d`, in `zone`: the whole calendar units move the local date (a month-end day is
 * clamped: Jan 31 + P1M = Feb 28/29) and keep the wall time; the fractions of calendar units and
 * the clock units are then added as elapsed time. NaN when the result is not a representable date.
 *
 * @example
 * addCalendarDuration(Date.parse('2026-03-28T10:00:00Z'), parseDuration('P1D')!, zoneOf('Europe/Madrid'));
 * // → Date.parse('2026-03-29T09:00:00Z') (11:00 local both days; summer time began in between)
 */
export function addCalendarDuration(t: number, d: CalendarDuration, zone: Zone): number {
  if (!Number.isFinite(t)) return Number.NaN;
  const offset = zone.offset(t);
  const wall = t + offset;
  const day = Math.floor(wall / DAY_MS);
  const timeOfDay = wall - day * DAY_MS;
  const c = civilFromDays(day);
  const year = c.year + Math.trunc(d.years);
  const month = c.month + Math.trunc(d.months);
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const dom = Math.min(c.day, daysInMonth(y, m)) + Math.trunc(d.days) + Math.trunc(d.weeks) * 7;
  const localWall = (daysFromCivil(y, m, 1) + dom - 1) * DAY_MS + timeOfDay;
  if (!Number.isFinite(localWall) || Math.abs(localWall) > MAX_DATE_MS) return Number.NaN;
  let ts = zone.fromWall(localWall, offset);
  const elapsed = elapsedMs(d);
  if (elapsed !== 0) ts += elapsed;
  return Math.abs(ts) > MAX_DATE_MS ? Number.NaN : ts;
}

/** The largest |epoch ms| a Date can hold (ECMAScript: ±100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

/** Fractions of calendar units plus clock units, in ms, summed in luxon's order of units. */
function elapsedMs(d: CalendarDuration): number {
  let own = 0;
  own += CASUAL_MS.years * (d.years - Math.trunc(d.years));
  own += CASUAL_MS.months * (d.months - Math.trunc(d.months));
  own += CASUAL_MS.weeks * (d.weeks - Math.trunc(d.weeks));
  own += CASUAL_MS.days * (d.days - Math.trunc(d.days));
  own += CASUAL_MS.hours * d.hours;
  own += CASUAL_MS.minutes * d.minutes;
  own += CASUAL_MS.seconds * d.seconds;
  own += d.milliseconds;
  // luxon keeps the integer part and adds the fraction back through a ×1000 round trip.
  const i = Math.trunc(own);
  return i + (own * 1000 - i * 1000) / 1000;
}
