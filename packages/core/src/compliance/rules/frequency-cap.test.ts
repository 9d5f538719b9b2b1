import { describe, expect, it } from 'vitest';
import { FrequencyCapRule, compileFrequencyCap, describeFrequencyCap } from './frequency-cap.js';
import { ctxOf, ev, iso, series } from '../testing.js';
import { PASS } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import type { ContactEvent } from '../contact.js';

const sevenInSeven = {
  kind: 'frequency_cap',
  id: 'T-7IN7',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
  max: 7,
  window: { type: 'rolling', days: 7 },
  unit: 'debt',
  count: {
    channels: ['call'],
    directions: ['outbound'],
    outcomes: ['no_answer', 'voicemail', 'connected', 'conversation'],
  },
} as const;

function run(
  rule: unknown,
  at: string,
  history: ContactEvent[],
  extra: { debtId?: string; channel?: 'call' | 'sms'; zone?: string } = {},
): string {
  const zone = extra.zone ?? 'America/New_York';
  const check = compileFrequencyCap(FrequencyCapRule.parse(rule));
  const ctx = ctxOf({
    at,
    history,
    debtId: extra.debtId ?? 'A',
    channel: extra.channel ?? 'call',
    debtor: { timezone: zone },
  });
  const o = check(ctx, zoneOf(zone), Date.parse(at));
  return o === PASS ? 'PASS' : iso(o);
}

describe('frequency_cap', () => {
  const seven = series('2026-02-24T15:00:00Z', 7, 24); // Feb 24 … Mar 2, 15:00Z

  it('allows the 7th call and refuses the 8th within 7 days; clears when the oldest leaves', () => {
    expect(run(sevenInSeven, '2026-03-02T16:00:00Z', seven.slice(0, 6))).toBe('PASS');
    expect(run(sevenInSeven, '2026-03-03T13:59:00Z', seven)).toBe('2026-03-03T15:00:00Z');
    expect(run(sevenInSeven, '2026-03-03T15:00:00Z', seven)).toBe('PASS');
  });

  it('excludes calls that did not connect (busy, not_connected) and inbound calls', () => {
    const h = [
      ...seven.slice(0, 5),
      ev('2026-03-01T16:00:00Z', 'call', 'busy'),
      ev('2026-03-01T17:00:00Z', 'call', 'not_connected'),
      ev('2026-03-01T18:00:00Z', 'call', 'conversation', 'inbound'),
    ];
    expect(run(sevenInSeven, '2026-03-03T13:59:00Z', h)).toBe('PASS');
  });

  it('counts per debt: calls about debt B do not count for debt A', () => {
    const h = series('2026-02-24T15:00:00Z', 7, 24, 'call', 'no_answer', 'B');
    expect(run(sevenInSeven, '2026-03-03T13:59:00Z', h, { debtId: 'A' })).toBe('PASS');
    expect(run(sevenInSeven, '2026-03-03T13:59:00Z', h, { debtId: 'B' })).toBe('2026-03-03T15:00:00Z');
  });

  it('counts an event with no debt id for every debt (conservative)', () => {
    const h = seven.map((e) => ({ ...e, debtId: undefined }));
    expect(run(sevenInSeven, '2026-03-03T13:59:00Z', h, { debtId: 'Z' })).toBe('2026-03-03T15:00:00Z');
  });

  it('clears when enough old events leave, not just the oldest', () => {
    // 9 calls in the window, cap 7 → the 3rd oldest must leave
    const h = series('2026-02-24T15:00:00Z', 9, 12);
    expect(run(sevenInSeven, '2026-02-28T16:00:00Z', h)).toBe(
      iso(Date.parse('2026-02-25T15:00:00Z') + 7 * 86_400_000),
    );
  });

  it('rolling window is never shorter than 7 local days across a DST change', () => {
    // Call at Sun 2026-03-01 01:30 EST (06:30Z); 7 local days later = 03-08 01:30 EST = 06:30Z; 168 h later = 06:30Z too;
    // but the fall-back week: 2026-10-26 01:30 EDT (05:30Z) → +7 local days = 11-02 01:30 EST = 06:30Z (169 h)
    const h = [ev('2026-10-26T05:30:00Z'), ...series('2026-10-27T15:00:00Z', 6, 24)];
    expect(run(sevenInSeven, '2026-11-02T06:00:00Z', h)).toBe('2026-11-02T06:30:00Z');
  });

  it('calendar_day counts the local day and clears at local midnight', () => {
    const daily = {
      ...sevenInSeven,
      max: 1,
      window: { type: 'calendar_day' },
      unit: 'debtor',
      count: { directions: ['outbound'] },
    };
    // Bogotá UTC-5: 10:00 local call; at 18:00 local refused until next midnight 05:00Z
    const h = [ev('2026-03-10T15:00:00Z')];
    expect(run(daily, '2026-03-10T23:00:00Z', h, { zone: 'America/Bogota' })).toBe('2026-03-11T05:00:00Z');
    expect(run(daily, '2026-03-11T05:00:00Z', h, { zone: 'America/Bogota' })).toBe('PASS');
  });

  it('calendar_week clears on Monday 00:00 local', () => {
    const weekly = {
      ...sevenInSeven,
      max: 1,
      window: { type: 'calendar_week' },
      unit: 'debtor',
      count: { directions: ['outbound'] },
    };
    const h = [ev('2026-03-10T15:00:00Z')]; // Tue
    expect(run(weekly, '2026-03-13T15:00:00Z', h, { zone: 'UTC' })).toBe('2026-03-16T00:00:00Z');
  });

  it('unit channel counts only the contact channel', () => {
    const perChannel = { ...sevenInSeven, max: 1, unit: 'channel', count: { directions: ['outbound'] } };
    const h = [ev('2026-03-10T15:00:00Z', 'sms', 'delivered')];
    expect(run(perChannel, '2026-03-11T15:00:00Z', h, { channel: 'call' })).toBe('PASS');
    expect(run(perChannel, '2026-03-11T15:00:00Z', h, { channel: 'sms' })).toBe('2026-03-17T15:00:00Z');
  });

  it('ignores events after the checked instant', () => {
    expect(run(sevenInSeven, '2026-02-24T14:00:00Z', seven)).toBe('PASS');
  });

  it('describes itself', () => {
    expect(describeFrequencyCap(FrequencyCapRule.parse(sevenInSeven)).en).toContain('Limit of 7');
  });
});
