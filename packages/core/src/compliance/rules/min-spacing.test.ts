import { describe, expect, it } from 'vitest';
import { MinSpacingRule, compileMinSpacing, describeMinSpacing } from './min-spacing.js';
import { ctxOf, ev, iso } from '../testing.js';
import { PASS } from '../rule-base.js';
import { zoneOf } from '../zone.js';

const rule = {
  kind: 'min_spacing',
  id: 'T-SPACING',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
  hours: 48,
  unit: 'debtor',
  count: { channels: ['sms', 'email'], directions: ['outbound'] },
} as const;

function run(at: string, history: ReturnType<typeof ev>[]): string {
  const o = compileMinSpacing(MinSpacingRule.parse(rule))(
    ctxOf({ at, history, channel: 'sms' }),
    zoneOf('UTC'),
    Date.parse(at),
  );
  return o === PASS ? 'PASS' : iso(o);
}

describe('min_spacing', () => {
  it('refuses before 48 h have passed since the latest counted event, allows at exactly 48 h', () => {
    const h = [
      ev('2026-03-09T10:00:00Z', 'sms', 'delivered'),
      ev('2026-03-10T10:00:00Z', 'email', 'delivered'),
    ];
    expect(run('2026-03-11T10:00:00Z', h)).toBe('2026-03-12T10:00:00Z');
    expect(run('2026-03-12T10:00:00Z', h)).toBe('PASS');
  });

  it('ignores channels it does not count', () => {
    expect(run('2026-03-10T11:00:00Z', [ev('2026-03-10T10:00:00Z', 'call', 'connected')])).toBe('PASS');
  });

  it('describes itself', () => {
    expect(describeMinSpacing(MinSpacingRule.parse(rule)).en).toContain('48 hours');
  });
});
