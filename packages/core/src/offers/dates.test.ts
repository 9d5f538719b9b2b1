import { describe, expect, it } from 'vitest';
import { debtorToday, installmentDates, planDurationDays } from './dates.js';

describe('debtorToday', () => {
  it.each([
    ['2026-11-25T03:00:00Z', 'America/Mexico_City', '2026-11-24'],
    ['2026-11-25T06:00:00Z', 'America/Mexico_City', '2026-11-25'],
    ['2026-11-24T23:30:00Z', 'Europe/Madrid', '2026-11-25'],
    ['2026-11-25T04:30:00Z', 'America/New_York', '2026-11-24'],
  ])('at %s in %s is %s', (now, zone, today) => {
    expect(debtorToday(Date.parse(now), zone)).toBe(today);
  });

  it('refuses an unknown zone', () => {
    expect(() => debtorToday(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('installmentDates', () => {
  it('monthly keeps the day of the month, clamped to the end of shorter months', () => {
    expect(installmentDates('2027-01-31', 'monthly', 4)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
    ]);
    expect(installmentDates('2027-12-29', 'monthly', 3)).toEqual(['2027-12-29', '2028-01-29', '2028-02-29']);
  });

  it('weekly and fortnightly step by 7 and 14 days', () => {
    expect(installmentDates('2026-12-28', 'weekly', 3)).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
    expect(installmentDates('2026-12-28', 'fortnightly', 3)).toEqual([
      '2026-12-28',
      '2027-01-11',
      '2027-01-25',
    ]);
  });

  it('a plan lasts from the first due date to the last', () => {
    expect(planDurationDays('2026-12-01', 'monthly', 12)).toBe(335);
    expect(planDurationDays('2026-12-01', 'monthly', 1)).toBe(0);
    expect(planDurationDays('2026-12-01', 'weekly', 53)).toBe(364);
  });
});
