import { describe, expect, it } from 'vitest';
import {
  DistinctChannelCapRule,
  compileDistinctChannelCap,
  describeDistinctChannelCap,
} from './distinct-channel-cap.js';
import { ctxOf, ev, iso } from '../testing.js';
import { PASS } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import type { ContactEvent } from '../contact.js';
import type { Channel } from '../vocab.js';

const rule = {
  kind: 'distinct_channel_cap',
  id: 'T-CHANNELS',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
  max: 1,
  window: { type: 'rolling', days: 7 },
  count: { directions: ['outbound'], outcomes: ['connected', 'conversation', 'voicemail', 'delivered'] },
} as const;

function run(r: unknown, at: string, history: ContactEvent[], channel: Channel): string {
  const o = compileDistinctChannelCap(DistinctChannelCapRule.parse(r))(
    ctxOf({ at, history, channel, debtor: { timezone: 'UTC' } }),
    zoneOf('UTC'),
    Date.parse(at),
  );
  return o === PASS ? 'PASS' : iso(o);
}

describe('distinct_channel_cap', () => {
  const callMonday = [ev('2026-03-09T15:00:00Z', 'call', 'conversation')];

  it('allows the same channel again and refuses a second channel within the window', () => {
    expect(run(rule, '2026-03-10T15:00:00Z', callMonday, 'call')).toBe('PASS');
    expect(run(rule, '2026-03-10T15:00:00Z', callMonday, 'sms')).toBe('2026-03-16T15:00:00Z');
    expect(run(rule, '2026-03-16T15:00:00Z', callMonday, 'sms')).toBe('PASS');
  });

  it('ignores events that are not counted (no_answer)', () => {
    expect(run(rule, '2026-03-10T15:00:00Z', [ev('2026-03-09T15:00:00Z', 'call', 'no_answer')], 'sms')).toBe(
      'PASS',
    );
  });

  it('with max 2, clears when the earliest-leaving other channel leaves', () => {
    const h = [
      ev('2026-03-09T15:00:00Z', 'call', 'conversation'),
      ev('2026-03-10T15:00:00Z', 'email', 'delivered'),
      ev('2026-03-11T15:00:00Z', 'call', 'connected'),
    ];
    expect(run({ ...rule, max: 2 }, '2026-03-12T15:00:00Z', h, 'sms')).toBe('2026-03-17T15:00:00Z');
  });

  it('describes itself', () => {
    expect(describeDistinctChannelCap(DistinctChannelCapRule.parse(rule)).en).toContain('1 channel');
  });
});
