import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addCalendarDuration, durationOfMillis, isPositive, parseDuration } from './duration.js';
import { zoneOf } from './zone.js';

describe('ISO 8601 durations', () => {
  it('parse like luxon (units, fractions, signs) and refuse what is not one', () => {
    const texts = [
      'P3D',
      'PT12H',
      'P1Y2M3W4DT5H6M7.25S',
      'PT1,5S',
      '-P1D',
      'P-2D',
      'P',
      'PT',
      'P0.5M',
      'PT-0.5S',
    ];
    for (const t of texts) {
      const d = parseDuration(t);
      const l = Duration.fromISO(t);
      expect(d, t).not.toBeNull();
      for (const u of [
        'years',
        'months',
        'weeks',
        'days',
        'hours',
        'minutes',
        'seconds',
        'milliseconds',
      ] as const)
        expect(d![u], `${t} ${u}`).toBe(l[u]);
    }
    for (const t of ['P3X', '3D', 'nonsense', 'P1H', 'P1D2']) expect(parseDuration(t), t).toBeNull();
  });

  it('are positive when no unit is negative and one is not zero', () => {
    expect(isPositive(parseDuration('P3D')!)).toBe(true);
    expect(isPositive(parseDuration('PT0S')!)).toBe(false);
    expect(isPositive(parseDuration('P1DT-1H')!)).toBe(false);
    expect(isPositive(durationOfMillis(1))).toBe(true);
  });

  it('add in a zone as luxon adds them (property)', () => {
    const zones = ['Europe/Madrid', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const specs = ['P1D', 'P1M', 'PT36H', 'P1Y1M1DT1H1M1S', 'P0.75D', 'P2W'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        fc.constantFrom(...specs),
        (t, zone, spec) => {
          const expected = DateTime.fromMillis(t, { zone }).plus(Duration.fromISO(spec)).toMillis();
          expect(addCalendarDuration(t, parseDuration(spec)!, zoneOf(zone))).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('give NaN past the representable dates', () => {
    expect(addCalendarDuration(0, parseDuration('P999999999Y')!, zoneOf('UTC'))).toBeNaN();
    expect(addCalendarDuration(Number.NaN, parseDuration('P1D')!, zoneOf('UTC'))).toBeNaN();
  });
});
