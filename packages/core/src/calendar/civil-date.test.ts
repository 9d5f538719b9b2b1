import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCivilDate, parseCivilDate } from './civil.js';

describe('civil dates', () => {
  it('parses real dates and rejects impossible ones', () => {
    expect(parseCivilDate('1970-01-01')).toBe(0);
    expect(parseCivilDate('2024-02-29')).toBe(19782);
    expect(parseCivilDate('2025-02-29')).toBeUndefined();
    expect(parseCivilDate('2025-13-01')).toBeUndefined();
    expect(parseCivilDate('2025-6-30')).toBeUndefined();
  });

  it('agrees with the ECMAScript calendar over four centuries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatCivilDate(day)).toBe(iso);
        expect(parseCivilDate(iso)).toBe(day);
      }),
    );
  });
});
