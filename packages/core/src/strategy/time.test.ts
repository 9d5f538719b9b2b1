import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TimeWindow } from './definition.js';
import {
  addDuration,
  dayAfter,
  isPositiveDuration,
  isValidZone,
  nextWindowStart,
  toDuration,
} from './time.js';

const weekdayMorning: TimeWindow = { days: 'weekdays', from: '10:00', to: '12:00' };
const iso = (d: Date): string => d.toISOString();

describe('nextWindowStart', () => {
  it('Madrid, across the spring DST change: Friday afternoon → Monday 10:00 CEST (08:00Z, was 09:00Z)', () => {
    // Summer time began Sunday 2026-03-29 02:00 CET.
    expect(iso(nextWindowStart(new Date('2026-03-27T14:00:00Z'), weekdayMorning, 'Europe/Madrid'))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(iso(nextWindowStart(new Date('2026-03-20T14:00:00Z'), weekdayMorning, 'Europe/Madrid'))).toBe(
      '2026-03-23T09:00:00.000Z',
    );
  });

  it('Madrid, across the autumn DST change: Friday → Monday 10:00 CET (09:00Z)', () => {
    // Winter time began Sunday 2026-10-25 03:00 CEST.
    expect(iso(nextWindowStart(new Date('2026-10-23T13:00:00Z'), weekdayMorning, 'Europe/Madrid'))).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('Mexico City keeps UTC−6 all year (DST abolished in 2022), even on the old April change date', () => {
    // Mexico used to switch on the first Sunday of April (2026-04-05).
    expect(
      iso(nextWindowStart(new Date('2026-04-03T20:00:00Z'), weekdayMorning, 'America/Mexico_City')),
    ).toBe('2026-04-06T16:00:00.000Z');
    expect(
      iso(nextWindowStart(new Date('2026-03-27T20:00:00Z'), weekdayMorning, 'America/Mexico_City')),
    ).toBe('2026-03-30T16:00:00.000Z');
  });

  it('returns the instant itself when already inside the window', () => {
    const inside = new Date('2026-05-05T16:30:00Z'); // Tuesday 10:30 in Mexico City
    expect(nextWindowStart(inside, weekdayMorning, 'America/Mexico_City')).toBe(inside);
  });

  it('before the window on an allowed day → the same day at from; at the end → next allowed day', () => {
    expect(
      iso(nextWindowStart(new Date('2026-05-05T13:00:00Z'), weekdayMorning, 'America/Mexico_City')),
    ).toBe('2026-05-05T16:00:00.000Z');
    expect(
      iso(nextWindowStart(new Date('2026-05-05T18:00:00Z'), weekdayMorning, 'America/Mexico_City')),
    ).toBe('2026-05-06T16:00:00.000Z');
  });

  it('honours explicit ISO weekdays and "any"', () => {
    const saturdays: TimeWindow = { days: [6], from: '09:00', to: '10:00' };
    expect(iso(nextWindowStart(new Date('2026-05-05T18:00:00Z'), saturdays, 'Europe/Madrid'))).toBe(
      '2026-05-09T07:00:00.000Z',
    );
    const any: TimeWindow = { days: 'any', from: '09:00', to: '10:00' };
    expect(iso(nextWindowStart(new Date('2026-05-09T18:00:00Z'), any, 'Europe/Madrid'))).toBe(
      '2026-05-10T07:00:00.000Z',
    );
  });

  it('uses the debtor zone: the same instant is after hours in Madrid but before hours in Mexico City', () => {
    const at = new Date('2026-05-05T12:00:00Z'); // 14:00 Madrid, 06:00 Mexico City
    expect(iso(nextWindowStart(at, weekdayMorning, 'Europe/Madrid'))).toBe('2026-05-06T08:00:00.000Z');
    expect(iso(nextWindowStart(at, weekdayMorning, 'America/Mexico_City'))).toBe('2026-05-05T16:00:00.000Z');
  });
});

describe('durations', () => {
  it('adds calendar days in the debtor zone: P1D over the Madrid spring change is 23 hours', () => {
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), 'P1D', 'Europe/Madrid'))).toBe(
      '2026-03-29T09:00:00.000Z',
    );
    expect(iso(addDuration(new Date('2026-03-28T10:00:00Z'), 86_400_000, 'Europe/Madrid'))).toBe(
      '2026-03-29T10:00:00.000Z',
    );
  });

  it('rejects invalid and non-positive durations', () => {
    expect(toDuration('P3X')).toBeNull();
    expect(isPositiveDuration('P3D')).toBe(true);
    expect(isPositiveDuration('PT0S')).toBe(false);
    expect(isPositiveDuration(0)).toBe(false);
    expect(isPositiveDuration('nonsense')).toBe(false);
  });

  it('dayAfter is the start of the next local day', () => {
    expect(iso(dayAfter('2026-05-10', 'America/Mexico_City') as Date)).toBe('2026-05-11T06:00:00.000Z');
    expect(dayAfter('2026-13-40', 'Europe/Madrid')).toBeNull();
  });
});

describe('zones', () => {
  it('knows IANA zones and falls back to UTC for unknown ones rather than producing invalid dates', () => {
    expect(isValidZone('America/Bogota')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(addDuration(new Date('2026-05-04T15:00:00Z'), 'P1D', 'Mars/Olympus_Mons').toISOString()).toBe(
      '2026-05-05T15:00:00.000Z',
    );
  });
});

describe('memoised zone offsets', () => {
  it('give exactly what plain luxon gives, across DST changes in many zones', () => {
    const zones = [
      'Europe/Madrid',
      'America/Mexico_City',
      'America/New_York',
      'America/Santiago',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/Argentina/Buenos_Aires',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2032, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom('P1D', 'P3D', 'PT12H', 'P1M', 'P1W', 'PT90M'),
        (ts, zone, spec) => {
          const expected = DateTime.fromMillis(ts, { zone }).plus(Duration.fromISO(spec)).toMillis();
          expect(addDuration(new Date(ts), spec, zone).getTime()).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('memoised calendar arithmetic', () => {
  it('answers a repeated question the same, and keys on zone, window and spec', () => {
    const at = new Date('2026-05-05T13:00:00Z');
    const w = { days: 'weekdays' as const, from: '10:00', to: '12:00' };
    const first = nextWindowStart(at, w, 'America/Mexico_City').toISOString();
    expect(nextWindowStart(at, w, 'America/Mexico_City').toISOString()).toBe(first);
    expect(nextWindowStart(at, w, 'Europe/Madrid').toISOString()).not.toBe(first);
    expect(nextWindowStart(at, { ...w, from: '11:00' }, 'America/Mexico_City').toISOString()).not.toBe(first);
    // A returned Date mutated by a caller does not change later answers.
    nextWindowStart(at, w, 'America/Mexico_City').setTime(0);
    expect(nextWindowStart(at, w, 'America/Mexico_City').toISOString()).toBe(first);
    expect(addDuration(at, 'P1D', 'Europe/Madrid').toISOString()).toBe('2026-05-06T13:00:00.000Z');
    expect(addDuration(at, 'PT1H', 'Europe/Madrid').toISOString()).toBe('2026-05-05T14:00:00.000Z');
  });
});
