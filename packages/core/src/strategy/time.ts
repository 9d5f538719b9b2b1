import { DAY_MS, isoWeekday, parseCivilDate } from '../calendar/civil.js';
import {
  addCalendarDuration,
  durationOfMillis,
  isPositive,
  parseDuration,
  type CalendarDuration,
} from '../calendar/duration.js';
import { isValidZone as isKnownZone, zoneOf, type Zone } from '../calendar/zone.js';
import type { DurationSpec, TimeWindow } from './definition.js';

/**
 * Time arithmetic of the engine, in the debtor's IANA zone (the calendar module, ADR 0006).
 * Calendar units are local: `P1D` across a DST change is one local day (23 or 25 hours), so "3 days
 * later at the same time" stays at the same wall-clock hour for the debtor.
 */

/**
 * The duration of a spec (ISO 8601 text, or milliseconds), or `null` when the text is invalid.
 *
 * @example
 * toDuration('P3D')?.days; // 3
 * toDuration(60_000)?.milliseconds; // 60000
 */
export function toDuration(spec: DurationSpec): CalendarDuration | null {
  const cached = durations.get(spec);
  if (cached !== undefined) return cached;
  const result = typeof spec === 'number' ? durationOfMillis(spec) : parseDuration(spec);
  if (durations.size > 10_000) durations.clear();
  durations.set(spec, result);
  return result;
}
const durations = new Map<DurationSpec, CalendarDuration | null>();

/**
 * Whether a duration spec is valid and strictly positive (every unit ≥ 0, at least one > 0).
 *
 * @example
 * isPositiveDuration('P3D'); // true
 * isPositiveDuration('PT0S'); // false
 */
export function isPositiveDuration(spec: DurationSpec): boolean {
  const d = toDuration(spec);
  return d !== null && isPositive(d);
}

/**
 * `at` plus a duration, computed in `zone`. Invalid specs add nothing (the validator reports them).
 *
 * @example
 * addDuration(new Date('2026-03-28T10:00:00Z'), 'P1D', 'Europe/Madrid').toISOString(); // '2026-03-29T09:00:00.000Z' (DST)
 */
export function addDuration(at: Date, spec: DurationSpec, zone: string): Date {
  const d = toDuration(spec);
  if (d === null) return at;
  const key = `${at.getTime()}|${zone}|${spec}`;
  const hit = instants.get(key);
  if (hit !== undefined) return new Date(hit);
  const t = addCalendarDuration(at.getTime(), d, safeZone(zone));
  remember(key, t);
  return new Date(t);
}

/**
 * Results of addDuration / nextWindowStart by (instant, zone, spec). A worker batch decides
 * thousands of journeys at one `now`, in a handful of zones and windows: the same question over
 * and over (calendar arithmetic was ≈ 15 % of a worker's CPU). Pure functions, so a memo is exact;
 * bounded by clearing.
 */
const instants = new Map<string, number>();
function remember(key: string, t: number): void {
  if (instants.size > 50_000) instants.clear();
  instants.set(key, t);
}

/**
 * The earliest instant ≥ `at` inside the local window: `at` itself when already inside, else the
 * window start of the next allowed day. A start time that does not exist locally (DST gap) moves
 * forward by the length of the gap.
 *
 * @example
 * // Friday 2026-03-27 15:00 in Madrid → Monday 10:00 CEST (summer time began on Sunday)
 * nextWindowStart(new Date('2026-03-27T14:00:00Z'), { days: 'weekdays', from: '10:00', to: '12:00' }, 'Europe/Madrid').toISOString(); // '2026-03-30T08:00:00.000Z'
 */
export function nextWindowStart(at: Date, window: TimeWindow, zone: string): Date {
  const key = `${at.getTime()}|${zone}|${window.from}|${window.to}|${String(window.days)}`;
  let t = instants.get(key);
  if (t === undefined) {
    t = computeNextWindowStart(at, window, zone).getTime();
    remember(key, t);
  }
  return t === at.getTime() ? at : new Date(t); // inside the window: `at` itself, as documented
}

function computeNextWindowStart(at: Date, window: TimeWindow, zoneName: string): Date {
  const zone = safeZone(zoneName);
  const t = at.getTime();
  const [fh, fm] = hm(window.from);
  const [th, tm] = hm(window.to);
  const today = startOfDay(zone, t);
  for (let d = 0; d <= 7; d++) {
    const day = addCalendarDuration(today, daysDuration(d), zone);
    if (!dayAllowed(isoWeekday(localDay(zone, day)) + 1, window.days)) continue;
    const start = atLocalTime(zone, day, fh, fm);
    const end = atLocalTime(zone, day, th, tm);
    if (t < start) return new Date(start);
    if (t < end) return at;
  }
  // Unreachable with a valid window (some weekday is allowed within 7 days); stay safe anyway.
  return new Date(addCalendarDuration(t, daysDuration(1), zone));
}
/**
 * Start of the local day after `isoDate` (YYYY-MM-DD) in `zone`: a promise "on the 10th" is
 * broken only once the 10th is over for the debtor.
 *
 * @example
 * dayAfter('2026-05-10', 'America/Mexico_City').toISOString(); // '2026-05-11T06:00:00.000Z'
 */
export function dayAfter(isoDate: string, zone: string): Date | null {
  const day = parseCivilDate(isoDate);
  if (day === undefined) return null;
  const z = safeZone(zone);
  const midnight = day * DAY_MS;
  const first = z.fromWall(midnight, z.offset(midnight));
  return new Date(addCalendarDuration(startOfDay(z, first), daysDuration(1), z));
}

/**
 * Whether the IANA zone is known.
 *
 * @example
 * isValidZone('America/Mexico_City'); // true
 */
export function isValidZone(zone: string): boolean {
  return isKnownZone(zone);
}

/** Unknown zones fall back to UTC rather than producing invalid dates (the import validates zones). */
function safeZone(zone: string): Zone {
  let z = zones.get(zone);
  if (z === undefined) {
    z = zoneOf(isKnownZone(zone) ? zone : 'UTC');
    zones.set(zone, z);
  }
  return z;
}
const zones = new Map<string, Zone>();

/** The local day number of instant `t`. */
function localDay(zone: Zone, t: number): number {
  return Math.floor(zone.wall(t) / DAY_MS);
}

/** Local midnight of the day of `t` (a midnight in a DST gap resolves forward, as luxon's startOf('day')). */
function startOfDay(zone: Zone, t: number): number {
  return zone.fromWall(localDay(zone, t) * DAY_MS, zone.offset(t));
}

/** The instant of `hour:minute` local on the day of `t`. */
function atLocalTime(zone: Zone, t: number, hour: number, minute: number): number {
  return zone.fromWall(localDay(zone, t) * DAY_MS + hour * 3_600_000 + minute * 60_000, zone.offset(t));
}

function daysDuration(days: number): CalendarDuration {
  return { ...durationOfMillis(0), days };
}

function hm(s: string): [number, number] {
  const [h, m] = s.split(':');
  return [Number(h ?? 0), Number(m ?? 0)];
}

function dayAllowed(weekday: number, days: TimeWindow['days']): boolean {
  if (days === 'any') return true;
  if (days === 'weekdays') return weekday <= 5;
  return days.includes(weekday);
}
