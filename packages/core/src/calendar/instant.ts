import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth } from './civil.js';

/**
 * ISO-8601 instants ↔ epoch milliseconds, allocation-free on the hot path (the compliance engine
 * reads ~50 history events per check).
 */

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
