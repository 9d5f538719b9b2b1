import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCivilDays,
  civilDaysBetween,
  civilFromDays,
  daysFromCivil,
  formatCivilDate,
  isoWeekday,
  parseCivilDate,
} from './civil.js';

describe('civil calendar', () => {
  it('round-trips and agrees with the JS Date for every day of years 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (n) => {
        const { year, month, day } = civilFromDays(n);
        expect(daysFromCivil(year, month, day)).toBe(n);
        expect(formatCivilDate(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses impossible dates', () => {
    expect(parseCivilDate('2026-02-29')).toBeUndefined();
    expect(parseCivilDate('2028-02-29')).toBe(daysFromCivil(2028, 2, 29));
    expect(parseCivilDate('2026-13-01')).toBeUndefined();
    expect(parseCivilDate('26-01-01')).toBeUndefined();
  });
});

describe('calendar-date arithmetic', () => {
  it('adds days and counts days between dates as the UTC clock does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -4000, max: 4000 }),
        (day, n) => {
          const iso = formatCivilDate(day);
          const viaDate = new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(addCivilDays(iso, n)).toBe(viaDate);
          expect(civilDaysBetween(iso, viaDate)).toBe(n);
        },
      ),
    );
  });
  it('refuses what is not a date', () => {
    expect(() => addCivilDays('2026-02-30', 1)).toThrow(RangeError);
    expect(civilDaysBetween('2026-02-30', '2026-03-01')).toBeNaN();
  });
  it('numbers weekdays from Monday', () => {
    expect(isoWeekday(0)).toBe(3);
    expect(isoWeekday(parseCivilDate('2026-11-23')!)).toBe(0);
    expect(isoWeekday(-1)).toBe(2);
  });
});
