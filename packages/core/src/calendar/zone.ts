import { civilFromDays, DAY_MS } from './civil.js';

/**
 * Time zones, the one way: offsets come from a cached Intl.DateTimeFormat per zone and are
 * memoised per UTC hour (a transition splits at most one hour, which is then computed exactly).
 * "Wall" times are epoch milliseconds of the local clock reading taken as if it were UTC, so
 * `Math.floor(wall / DAY_MS)` is the local day number of `calendar/civil.ts`. See ADR 0006.
 */

const HOUR_MS = 3_600_000;
const MAX_CACHE = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * True when `zone` is an IANA zone name this runtime knows.
 *
 * @example
 * isValidZone('America/Bogota'); // true
 * isValidZone('Mars/Olympus'); // false
 */
export function isValidZone(zone: string): boolean {
  if (formatters.has(zone)) return true;
  if (zone.length === 0 || zone.length > 64 || unknown.has(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    // Remembered: an import can ask about the same bad zone on every row.
    if (unknown.size > 10_000) unknown.clear();
    unknown.add(zone);
    return false;
  }
}
const unknown = new Set<string>();

function exactOffset(zone: string, t: number): number {
  const sec = Math.floor(t / 1000) * 1000;
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0,
    bc = false;
  for (const p of formatterFor(zone).formatToParts(new Date(sec))) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  return wall - sec;
}

/**
 * A time zone with a memoised offset function. Get one with {@link zoneOf}.
 *
 * @example
 * const ny = zoneOf('America/New_York');
 * ny.offset(Date.parse('2026-03-09T13:00:00Z')); // -14_400_000 (EDT)
 */
export class Zone {
  private readonly byHour = new Map<number, number>();
  constructor(readonly name: string) {}

  /** Offset (wall − UTC) in ms at instant `t`. @example zoneOf('UTC').offset(0); // 0 */
  offset(t: number): number {
    const hour = Math.floor(t / HOUR_MS);
    const cached = this.byHour.get(hour);
    if (cached !== undefined) return Number.isNaN(cached) ? exactOffset(this.name, t) : cached;
    const a = exactOffset(this.name, hour * HOUR_MS);
    const b = exactOffset(this.name, hour * HOUR_MS + HOUR_MS - 1000);
    if (this.byHour.size > MAX_CACHE) this.byHour.clear();
    this.byHour.set(hour, a === b ? a : Number.NaN);
    return a === b ? a : exactOffset(this.name, t);
  }

  /** Local wall time (ms) at instant `t`. */
  wall(t: number): number {
    return t + this.offset(t);
  }

  /**
   * The earliest instant whose local wall time is `wall`; when `wall` falls in a DST gap, the
   * first instant after the gap (the transition itself).
   */
  instant(wall: number): number {
    const before = this.offset(wall - DAY_MS);
    const after = this.offset(wall + DAY_MS);
    const c1 = wall - before;
    const c2 = wall - after;
    const ok1 = this.wall(c1) === wall;
    const ok2 = this.wall(c2) === wall;
    if (ok1 && ok2) return Math.min(c1, c2);
    if (ok1) return c1;
    if (ok2) return c2;
    // In a gap: binary-search the first instant whose wall time is >= `wall`.
    let lo = Math.min(c1, c2);
    let hi = Math.max(c1, c2);
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
      if (mid <= lo) break;
      if (this.wall(mid) >= wall) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /**
   * The instant whose local wall time is `wall`, as luxon resolves it (the strategy engine's
   * schedules keep luxon's answers): a time that happens twice takes offset `guess` when it can,
   * a time in a DST gap moves forward by the length of the gap.
   */
  fromWall(wall: number, guess: number): number {
    let t = wall - guess;
    const o2 = this.offset(t);
    if (o2 === guess) return t;
    t -= o2 - guess;
    const o3 = this.offset(t);
    if (o2 === o3) return t;
    return wall - Math.min(o2, o3);
  }

  /** Start (instant) of the local calendar day containing `t`. */
  startOfDay(t: number): number {
    return this.instant(Math.floor(this.wall(t) / DAY_MS) * DAY_MS);
  }

  /** The instant `days` local calendar days after `t` at the same wall-clock time. */
  plusLocalDays(t: number, days: number): number {
    return this.instant(this.wall(t) + days * DAY_MS);
  }
}

const zones = new Map<string, Zone>();

/**
 * The memoised {@link Zone} for an IANA name (throws RangeError for an unknown zone).
 *
 * @example
 * zoneOf('Europe/Madrid').wall(Date.parse('2026-07-01T10:00:00Z')); // 12:00 local as ms
 */
export function zoneOf(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    formatterFor(name);
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}

/**
 * The local calendar date and clock time of instant `t` in `zone`.
 *
 * @example
 * localDateTime(zoneOf('America/Mexico_City'), Date.parse('2026-11-24T16:00:00Z'));
 * // → { year: 2026, month: 11, day: 24, hour: 10, minute: 0, second: 0 }
 */
export function localDateTime(
  zone: Zone,
  t: number,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const wall = zone.wall(t);
  const day = Math.floor(wall / DAY_MS);
  const secs = Math.floor((wall - day * DAY_MS) / 1000);
  return {
    ...civilFromDays(day),
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
  };
}
