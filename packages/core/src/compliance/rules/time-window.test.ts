import { describe, expect, it } from 'vitest';
import { TimeWindowRule, compileTimeWindow, describeTimeWindow } from './time-window.js';
import { ctxOf, iso } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';

const base = {
  kind: 'time_window',
  id: 'T-HOURS',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
} as const;
const allDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function run(
  rule: unknown,
  at: string,
  zone = 'America/New_York',
  country = 'US',
): string | 'PASS' | 'NO_END' {
  const r = compileTimeWindow(TimeWindowRule.parse(rule));
  const ctx = ctxOf({ at, debtor: { country, timezone: zone } });
  const o = r(ctx, zoneOf(zone), Date.parse(at));
  return o === PASS ? 'PASS' : o === NO_END ? 'NO_END' : iso(o);
}

describe('time_window', () => {
  const us = { ...base, windows: [{ days: [...allDays], start: '08:00', end: '21:00', endInclusive: true }] };

  it('allows 08:00:00 and 21:00:00, refuses 07:59:59 and 21:00:01 (endInclusive)', () => {
    // 2026-03-03 is EST (UTC-5)
    expect(run(us, '2026-03-03T12:59:59Z')).toBe('2026-03-03T13:00:00Z');
    expect(run(us, '2026-03-03T13:00:00Z')).toBe('PASS');
    expect(run(us, '2026-03-04T02:00:00Z')).toBe('PASS');
    expect(run(us, '2026-03-04T02:00:01Z')).toBe('2026-03-04T13:00:00Z');
  });

  it('refuses the end instant when endInclusive is false', () => {
    const r = {
      ...base,
      windows: [{ days: [...allDays], start: '08:00', end: '21:00', endInclusive: false }],
    };
    expect(run(r, '2026-03-04T01:59:59Z')).toBe('PASS');
    expect(run(r, '2026-03-04T02:00:00Z')).toBe('2026-03-04T13:00:00Z');
  });

  it('computes the next 08:00 across the spring-forward night (EST → EDT)', () => {
    // Sat 2026-03-07 22:00 EST; DST starts Sun 03-08 02:00; 08:00 EDT = 12:00Z
    expect(run(us, '2026-03-08T03:00:00Z')).toBe('2026-03-08T12:00:00Z');
  });

  it('computes the next 08:00 across the fall-back night (EDT → EST)', () => {
    // Sat 2026-10-31 22:00 EDT; DST ends Sun 11-01 02:00; 08:00 EST = 13:00Z
    expect(run(us, '2026-11-01T02:00:00Z')).toBe('2026-11-01T13:00:00Z');
  });

  it('skips closed weekdays and holidays (CO: Sat 08–15, no Sunday, Monday holiday)', () => {
    const co = {
      ...base,
      windows: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '19:00', endInclusive: true },
        { days: ['sat'], start: '08:00', end: '15:00', endInclusive: true },
      ],
      holidays: true,
    };
    // Sat 2026-03-21 15:00:01 Bogotá (UTC-5) → Sun closed, Mon 03-23 San José (moved) → Tue 07:00
    expect(run(co, '2026-03-21T20:00:01Z', 'America/Bogota', 'CO')).toBe('2026-03-24T12:00:00Z');
    expect(run(co, '2026-03-21T20:00:00Z', 'America/Bogota', 'CO')).toBe('PASS');
    expect(run(co, '2026-03-23T15:00:00Z', 'America/Bogota', 'CO')).toBe('2026-03-24T12:00:00Z');
  });

  it('supports several windows a day and returns the next segment start the same day', () => {
    const split = {
      ...base,
      windows: [
        { days: [...allDays], start: '09:00', end: '12:00' },
        { days: [...allDays], start: '14:00', end: '18:00' },
      ],
    };
    expect(run(split, '2026-06-10T13:00:00Z', 'UTC', 'XX')).toBe('2026-06-10T14:00:00Z');
  });

  it('returns NO_END when no window exists at all', () => {
    expect(run({ ...base, windows: [] }, '2026-06-10T13:00:00Z', 'UTC', 'XX')).toBe('NO_END');
  });

  it('rejects a window whose start is not before its end', () => {
    expect(() =>
      TimeWindowRule.parse({ ...base, windows: [{ days: ['mon'], start: '21:00', end: '08:00' }] }),
    ).toThrow();
  });

  it('describes itself in English and Spanish', () => {
    const m = describeTimeWindow(TimeWindowRule.parse(us));
    expect(m.en).toContain('08:00–21:00');
    expect(m.es).toContain('hora local');
  });
});
