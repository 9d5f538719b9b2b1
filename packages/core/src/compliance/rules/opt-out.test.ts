import { describe, expect, it } from 'vitest';
import { OptOutRule, compileOptOut, describeOptOut } from './opt-out.js';
import { ctxOf } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';

const check = compileOptOut(
  OptOutRule.parse({ kind: 'opt_out', id: 'T-OPTOUT', citation: 'test', confidence: 'V1', severity: 'hard' }),
);

describe('opt_out', () => {
  it('blocks the opted-out channel only, with no end', () => {
    expect(check(ctxOf({ channel: 'sms', debtor: { optOuts: ['sms'] } }), zoneOf('UTC'), 0)).toBe(NO_END);
    expect(check(ctxOf({ channel: 'email', debtor: { optOuts: ['sms'] } }), zoneOf('UTC'), 0)).toBe(PASS);
  });

  it('blocks every channel for "all"', () => {
    expect(check(ctxOf({ channel: 'letter', debtor: { optOuts: ['all'] } }), zoneOf('UTC'), 0)).toBe(NO_END);
  });

  it('lets the one reply that confirms the opt-out through, and nothing else', () => {
    const optedOut = { channel: 'sms' as const, debtor: { optOuts: ['sms' as const] } };
    expect(check(ctxOf({ ...optedOut, content: { optOutConfirmation: true } }), zoneOf('UTC'), 0)).toBe(PASS);
    expect(check(ctxOf({ ...optedOut, content: { acknowledgementOnly: true } }), zoneOf('UTC'), 0)).toBe(
      NO_END,
    );
  });

  it('describes itself', () => {
    expect(
      describeOptOut(
        OptOutRule.parse({ kind: 'opt_out', id: 'X', citation: 'c', confidence: 'K', severity: 'policy' }),
      ).es,
    ).toContain('canal');
  });
});
