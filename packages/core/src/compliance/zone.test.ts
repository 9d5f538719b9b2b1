import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  formatInstant,
  isValidTimeZone,
  isoWeekday,
  parseInstant,
  parseValidInstant,
  zoneOf,
} from './zone.js';

const H = 3_600_000;

describe('zone arithmetic', () => {
  it('gives offsets on both sides of a DST change', () => {
    const ny = zoneOf('America/New_York');
    expect(ny.offset(Date.parse('2026-03-08T06:59:59Z'))).toBe(-5 * H);
    expect(ny.offset(Date.parse('2026-03-08T07:00:00Z'))).toBe(-4 * H);
    expect(zoneOf('Asia/Kathmandu').offset(Date.parse('2026-01-01T00:00:00Z'))).toBe(5.75 * H);
  });

  it('maps a local time in a spring-forward gap to the first instant after it', () => {
    const ny = zoneOf('America/New_York');
    expect(formatInstant(ny.instant(Date.parse('2026-03-08T02:30:00Z')))).toBe('2026-03-08T07:00:00Z');
  });

  it('maps an ambiguous fall-back local time to its earliest instant', () => {
    const ny = zoneOf('America/New_York');
    expect(formatInstant(ny.instant(Date.parse('2026-11-01T01:30:00Z')))).toBe('2026-11-01T05:30:00Z');
  });

  it('finds the start of a day whose midnight does not exist (Santiago, DST starts at 24:00)', () => {
    const scl = zoneOf('America/Santiago');
    // 2026-09-06: clocks go from 00:00 to 01:00 (UTC-4 → UTC-3)
    const noon = Date.parse('2026-09-06T15:00:00Z');
    const start = scl.startOfDay(noon);
    expect(scl.wall(start) % 86_400_000).toBe(H);
    expect(formatInstant(start)).toBe('2026-09-06T04:00:00Z');
  });

  it('validates IANA names', () => {
    expect(isValidTimeZone('America/Bogota')).toBe(true);
    expect(isValidTimeZone('Nowhere/Land')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('parses and formats instants', () => {
    expect(parseInstant('2026-03-03T13:59:00Z')).toBe(Date.UTC(2026, 2, 3, 13, 59));
    expect(parseInstant('2026-03-03T13:59:00.250Z')).toBe(Date.UTC(2026, 2, 3, 13, 59, 0, 250));
    expect(parseInstant('2026-03-03T08:59:00-05:00')).toBe(Date.UTC(2026, 2, 3, 13, 59));
    expect(Number.isNaN(parseInstant('2026-02-30T00:00:00Z'))).toBe(true);
    expect(formatInstant(Date.UTC(2026, 2, 9, 13))).toBe('2026-03-09T13:00:00Z');
  });

  it('converts day numbers to civil dates and weekdays', () => {
    expect(civilFromDays(Date.UTC(2026, 6, 13) / 86_400_000)).toEqual({ year: 2026, month: 7, day: 13 });
    expect(isoWeekday(Date.UTC(2026, 6, 13) / 86_400_000)).toBe(0); // Monday
  });
});

describe('parseValidInstant', () => {
  it('agrees with Date.parse on validated shapes', () => {
    for (const s of [
      '2026-03-03T13:59:00Z',
      '2024-02-29T23:59:59Z',
      '1999-12-31T00:00:00Z',
      '2026-03-03T13:59:00.5Z',
      '2026-03-03T08:59:00-05:00',
    ]) {
      expect(parseValidInstant(s)).toBe(Date.parse(s));
    }
  });
});
