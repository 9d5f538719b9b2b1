import { civilFromDays, daysFromCivil, daysInMonth } from '../calendar/civil.js';

/** Re-exported for the compliance modules that used them from here. */
export { civilFromDays, daysFromCivil };
/**
 * Time-zone arithmetic for the hot path, without luxon: offsets come from a cached
 * Intl.DateTimeFormat per zone and are memoised per UTC hour (a transition splits at most one
 * hour, which is then computed exactly). "Wall" times are epoch milliseconds of the local
 * clock reading taken as if it were UTC.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
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
 * isValidTimeZone('America/Bogota'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 */
export function isValidTimeZone(zone: string): boolean {
  if (formatters.has(zone)) return true;
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

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

  /** Offset (wall − UTC) in ms at instant `t`. */
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
 * ISO weekday index (0 = Monday … 6 = Sunday) of a day number.
 *
 * @example
 * isoWeekday(0); // 3 (1970-01-01 was a Thursday)
 */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * Parses an ISO-8601 instant with `Z` or a numeric offset to epoch ms (NaN when invalid).
 * Allocation-free fast path for `YYYY-MM-DDTHH:MM:SS(.f…)Z` (the hot path: 50 events per check).
 *
 * @example
 * parseInstant('2026-03-03T13:59:00Z'); // 1772546340000
 */
export function parseInstant(s: string): number {
  const n = s.length;
  if (
    n < 20 ||
    n > 30 ||
    s.charCodeAt(n - 1) !== 90 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  ) {
    return Date.parse(s);
  }
  const y0 = s.charCodeAt(0) - 48,
    y1 = s.charCodeAt(1) - 48,
    y2 = s.charCodeAt(2) - 48,
    y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48,
    m1 = s.charCodeAt(6) - 48,
    d0 = s.charCodeAt(8) - 48,
    d1 = s.charCodeAt(9) - 48;
  const h0 = s.charCodeAt(11) - 48,
    h1 = s.charCodeAt(12) - 48,
    i0 = s.charCodeAt(14) - 48,
    i1 = s.charCodeAt(15) - 48;
  const s0 = s.charCodeAt(17) - 48,
    s1 = s.charCodeAt(18) - 48;
  // One unsigned comparison per digit: a non-digit becomes > 9.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  )
    return Number.NaN;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || i0 >>> 0 > 9 || i1 >>> 0 > 9 || s0 >>> 0 > 9 || s1 >>> 0 > 9)
    return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3,
    mo = m0 * 10 + m1,
    d = d0 * 10 + d1,
    h = h0 * 10 + h1,
    mi = i0 * 10 + i1,
    se = s0 * 10 + s1;
  let ms = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46) return Number.NaN;
    let scale = 100;
    for (let i = 20; i < n - 1; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c >>> 0 > 9) return Number.NaN;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.round(ms);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) return Number.NaN;
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + se * 1000 + ms;
}

/**
 * {@link parseInstant} for strings already validated as ISO instants (zod `z.iso.datetime`):
 * the common `YYYY-MM-DDTHH:MM:SSZ` shape is converted without re-validating its digits.
 *
 * @example
 * parseValidInstant('2026-03-03T13:59:00Z'); // 1772546340000
 */
export function parseValidInstant(s: string): number {
  if (s.length !== 20 || s.charCodeAt(19) !== 90) return parseInstant(s);
  const y =
    (s.charCodeAt(0) - 48) * 1000 +
    (s.charCodeAt(1) - 48) * 100 +
    (s.charCodeAt(2) - 48) * 10 +
    (s.charCodeAt(3) - 48);
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const secs =
    ((s.charCodeAt(11) - 48) * 10 + (s.charCodeAt(12) - 48)) * 3600 +
    ((s.charCodeAt(14) - 48) * 10 + (s.charCodeAt(15) - 48)) * 60 +
    (s.charCodeAt(17) - 48) * 10 +
    (s.charCodeAt(18) - 48);
  return daysFromCivil(y, mo, d) * DAY_MS + secs * 1000;
}

/**
 * Formats an instant as ISO UTC without milliseconds (callers round up first).
 *
 * @example
 * formatInstant(Date.parse('2026-03-09T13:00:00Z')); // '2026-03-09T13:00:00Z'
 */
export function formatInstant(t: number): string {
  const day = Math.floor(t / DAY_MS);
  const { year, month, day: d } = civilFromDays(day);
  if (year < 0 || year > 9999) return new Date(t).toISOString().slice(0, 19) + 'Z';
  const secs = Math.floor((t - day * DAY_MS) / 1000);
  const h = Math.floor(secs / 3600),
    mi = Math.floor((secs % 3600) / 60),
    s = secs % 60;
  return `${String(year).padStart(4, '0')}-${p2(month)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(s)}Z`;
}

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
