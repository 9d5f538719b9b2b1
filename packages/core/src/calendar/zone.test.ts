import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from './civil.js';
import { isValidZone, localDateTime, zoneOf } from './zone.js';

const H = 3_600_000;

describe('zones', () => {
  it('know IANA names, and remember the ones they do not', () => {
    expect(isValidZone('America/Bogota')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidZone('')).toBe(false);
    expect(() => zoneOf('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('agree with Intl on the local date and time of any instant (property)', () => {
    const zones = ['America/Mexico_City', 'Europe/Madrid', 'Asia/Kathmandu', 'America/Santiago', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (t, zone) => {
          const parts = new Intl.DateTimeFormat('en-US', {
            timeZone: zone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }).formatToParts(new Date(t));
          const get = (k: string) => Number(parts.find((p) => p.type === k)?.value);
          expect(localDateTime(zoneOf(zone), t)).toEqual({
            year: get('year'),
            month: get('month'),
            day: get('day'),
            hour: get('hour') % 24,
            minute: get('minute'),
            second: get('second'),
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('resolve a local time as luxon does: the guessed offset when it happens twice, forward over a gap', () => {
    const ny = zoneOf('America/New_York');
    // 2026-11-01 01:30 happens at -04:00 and at -05:00.
    const twice = Date.parse('2026-11-01T01:30:00Z');
    expect(ny.fromWall(twice, -4 * H)).toBe(Date.parse('2026-11-01T05:30:00Z'));
    expect(ny.fromWall(twice, -5 * H)).toBe(Date.parse('2026-11-01T06:30:00Z'));
    // 2026-03-08 02:30 does not exist: it becomes 03:30 EDT (luxon), where `instant` gives 03:00.
    const gap = Date.parse('2026-03-08T02:30:00Z');
    expect(ny.fromWall(gap, -5 * H)).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(ny.instant(gap)).toBe(Date.parse('2026-03-08T07:00:00Z'));
  });

  it('walk local days across a DST change at the same wall time', () => {
    const mad = zoneOf('Europe/Madrid');
    const sat = Date.parse('2026-03-28T10:00:00Z'); // 11:00 CET
    expect(mad.plusLocalDays(sat, 1)).toBe(Date.parse('2026-03-29T09:00:00Z')); // 11:00 CEST
    expect(mad.wall(mad.startOfDay(sat)) % DAY_MS).toBe(0);
  });
});
