import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatCivilDate, parseCivilDate } from './civil.js';

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
