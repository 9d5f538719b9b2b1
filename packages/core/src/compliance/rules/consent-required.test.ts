import { describe, expect, it } from 'vitest';
import { ConsentRequiredRule, compileConsentRequired, describeConsentRequired } from './consent-required.js';
import { ctxOf } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import type { Channel } from '../vocab.js';

const rule = {
  kind: 'consent_required',
  id: 'T-CONSENT',
  citation: 'test',
  confidence: 'V1',
  severity: 'hard',
  satisfiedBy: { voicemail: ['voicebot'] },
} as const;

function run(r: unknown, channel: Channel, consents: Partial<Record<Channel, boolean>>): number {
  return compileConsentRequired(ConsentRequiredRule.parse(r))(
    ctxOf({ channel, debtor: { consents } }),
    zoneOf('UTC'),
    0,
  );
}

describe('consent_required', () => {
  it('passes with consent on record, refuses with none (false) and, by default, when unknown', () => {
    expect(run(rule, 'sms', { sms: true })).toBe(PASS);
    expect(run(rule, 'sms', { sms: false })).toBe(NO_END);
    expect(run(rule, 'sms', {})).toBe(NO_END);
  });

  it('can treat unknown as allowed, never false', () => {
    const lenient = { ...rule, unknown: 'allow' };
    expect(run(lenient, 'sms', {})).toBe(PASS);
    expect(run(lenient, 'sms', { sms: false })).toBe(NO_END);
  });

  it('accepts an alternative consent key (voicebot consent covers a voicemail drop)', () => {
    expect(run(rule, 'voicemail', { voicebot: true })).toBe(PASS);
    expect(run(rule, 'voicemail', { call: true })).toBe(NO_END);
  });

  it('describes itself', () => {
    expect(describeConsentRequired(ConsentRequiredRule.parse(rule)).en).toContain('No consent');
  });
});
