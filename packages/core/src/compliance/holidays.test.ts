import { describe, expect, it } from 'vitest';
import { holidayCalendar } from './holidays.js';

/** Gregorian Easter Sunday (anonymous algorithm), as a UTC date. */
function easter(y: number): Date {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(y, month - 1, day));
}
const ymd = (d: Date): string => d.toISOString().slice(0, 10);
const plus = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
/** Ley Emiliani: moved to the following Monday unless it already is one. */
const nextMonday = (d: Date): Date => plus(d, (8 - d.getUTCDay()) % 7);

/** Colombia's festivos computed independently from Ley 51 de 1983 (+ Ley 2578 de 2026 from 2026). */
function colombia(y: number): string[] {
  const fixed = ['01-01', '05-01', '07-20', '08-07', '12-08', '12-25'].map(
    (md) => new Date(`${y}-${md}T00:00:00Z`),
  );
  const moved = [
    '01-06',
    '03-19',
    '06-29',
    '08-15',
    '10-12',
    '11-01',
    '11-11',
    ...(y >= 2026 ? ['07-09'] : []),
  ].map((md) => nextMonday(new Date(`${y}-${md}T00:00:00Z`)));
  const e = easter(y);
  const easterBased = [
    plus(e, -3),
    plus(e, -2),
    nextMonday(plus(e, 39)),
    nextMonday(plus(e, 60)),
    nextMonday(plus(e, 68)),
  ];
  return [...new Set([...fixed, ...moved, ...easterBased].map(ymd))].sort();
}

describe('holiday calendars', () => {
  it('CO 2026 is the official list: 19 days, no Easter Sunday, Chiquinquirá on 13 July', () => {
    const list = holidayCalendar('CO')
      .list(2026)
      .map((s) => s.slice(0, 10));
    expect(list).toEqual([
      '2026-01-01',
      '2026-01-12',
      '2026-03-23',
      '2026-04-02',
      '2026-04-03',
      '2026-05-01',
      '2026-05-18',
      '2026-06-08',
      '2026-06-15',
      '2026-06-29',
      '2026-07-13',
      '2026-07-20',
      '2026-08-07',
      '2026-08-17',
      '2026-10-12',
      '2026-11-02',
      '2026-11-16',
      '2026-12-08',
      '2026-12-25',
    ]);
    expect(list).not.toContain('2026-04-05');
  });

  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])(
    'CO %i matches an independent Ley Emiliani computation',
    (y) => {
      expect(
        holidayCalendar('CO')
          .list(y)
          .map((s) => s.slice(0, 10)),
      ).toEqual(colombia(y));
    },
  );

  it('isHolidayDay works on local day numbers', () => {
    const co = holidayCalendar('CO');
    expect(co.isHolidayDay(Date.UTC(2026, 2, 23) / 86_400_000)).toBe(true); // San José moved to Monday
    expect(co.isHolidayDay(Date.UTC(2026, 2, 19) / 86_400_000)).toBe(false); // the original Thursday
  });

  it('a region calendar is the union of country and region lists (BR-SP keeps national 20 Nov)', () => {
    const sp = holidayCalendar('BR', 'BR-SP')
      .list(2026)
      .map((s) => s.slice(0, 10));
    expect(sp).toContain('2026-07-09'); // Revolução Constitucionalista (SP)
    expect(sp).toContain('2026-11-20'); // Consciência Negra (national since Lei 14.759/2023)
  });

  it('an unknown country has no holidays; an unknown region falls back to the country', () => {
    expect(holidayCalendar('ZZ').list(2026)).toEqual([]);
    expect(holidayCalendar('US', 'US-NYC').list(2026).length).toBe(holidayCalendar('US').list(2026).length);
  });
});
