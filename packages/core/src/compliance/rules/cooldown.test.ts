import { describe, expect, it } from 'vitest';
import { CooldownRule, compileCooldown, describeCooldown } from './cooldown.js';
import { ctxOf, ev, iso } from '../testing.js';
import { PASS } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import type { ContactEvent } from '../contact.js';

const conv = {
  kind: 'cooldown',
  id: 'T-CONV',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
  after: { channels: ['call'], outcomes: ['conversation'] },
  unit: 'debt',
  duration: { localDays: 7 },
} as const;

function run(
  rule: unknown,
  at: string,
  history: ContactEvent[],
  zone = 'America/New_York',
  debtId = 'A',
): string {
  const o = compileCooldown(CooldownRule.parse(rule))(
    ctxOf({ at, history, debtId, debtor: { timezone: zone } }),
    zoneOf(zone),
    Date.parse(at),
  );
  return o === PASS ? 'PASS' : iso(o);
}

describe('cooldown', () => {
  // Monday 2026-03-02 10:00 EST conversation → blocked until Monday 2026-03-09 00:00 EDT (04:00Z, DST began 03-08)
  const monday = [ev('2026-03-02T15:00:00Z', 'call', 'conversation')];

  it('counts the conversation day as day 1 and clears at the next-week same weekday local midnight (DST-correct)', () => {
    expect(run(conv, '2026-03-08T23:00:00Z', monday)).toBe('2026-03-09T04:00:00Z');
    expect(run(conv, '2026-03-09T03:59:59Z', monday)).toBe('2026-03-09T04:00:00Z');
    expect(run(conv, '2026-03-09T04:00:00Z', monday)).toBe('PASS');
  });

  it('counts inbound conversations', () => {
    expect(
      run(conv, '2026-03-05T15:00:00Z', [ev('2026-03-02T15:00:00Z', 'call', 'conversation', 'inbound')]),
    ).toBe('2026-03-09T04:00:00Z');
  });

  it('uses the latest matching event', () => {
    const h = [...monday, ev('2026-03-04T15:00:00Z', 'call', 'conversation')];
    expect(run(conv, '2026-03-05T15:00:00Z', h)).toBe('2026-03-11T04:00:00Z');
  });

  it('ignores other debts and non-conversation outcomes', () => {
    expect(run(conv, '2026-03-05T15:00:00Z', monday, 'America/New_York', 'B')).toBe('PASS');
    expect(run(conv, '2026-03-05T15:00:00Z', [ev('2026-03-02T15:00:00Z', 'call', 'connected')])).toBe('PASS');
  });

  it('supports elapsed hours', () => {
    expect(run({ ...conv, duration: { hours: 24 } }, '2026-03-03T14:00:00Z', monday)).toBe(
      '2026-03-03T15:00:00Z',
    );
  });

  it('describes itself', () => {
    expect(describeCooldown(CooldownRule.parse(conv)).es).toContain('día 1');
  });
});
