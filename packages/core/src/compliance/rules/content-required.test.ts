import { describe, expect, it } from 'vitest';
import { ContentRequiredRule, compileContentRequired, describeContentRequired } from './content-required.js';
import { ctxOf } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';

const rule = ContentRequiredRule.parse({
  kind: 'content_required',
  id: 'T-CONTENT',
  citation: 't',
  confidence: 'V1',
  severity: 'hard',
  items: ['optOutInstructions', 'miniMiranda'],
});
const check = compileContentRequired(rule);

describe('content_required', () => {
  it('passes only when every required item is present', () => {
    expect(
      check(
        ctxOf({ channel: 'sms', content: { optOutInstructions: true, miniMiranda: true } }),
        zoneOf('UTC'),
        0,
      ),
    ).toBe(PASS);
    expect(check(ctxOf({ channel: 'sms', content: { optOutInstructions: true } }), zoneOf('UTC'), 0)).toBe(
      NO_END,
    );
    expect(
      check(
        ctxOf({ channel: 'sms', content: { optOutInstructions: true, miniMiranda: false } }),
        zoneOf('UTC'),
        0,
      ),
    ).toBe(NO_END);
    expect(check(ctxOf({ channel: 'sms' }), zoneOf('UTC'), 0)).toBe(NO_END);
  });

  it('passes a message that declares an exemption, whatever else it carries', () => {
    const exempting = compileContentRequired({
      ...rule,
      items: ['miniMiranda'],
      exemptIf: ['noDebtInformation'],
    });
    expect(exempting(ctxOf({ channel: 'sms', content: { noDebtInformation: true } }), zoneOf('UTC'), 0)).toBe(
      PASS,
    );
    expect(
      exempting(ctxOf({ channel: 'sms', content: { noDebtInformation: false } }), zoneOf('UTC'), 0),
    ).toBe(NO_END);
    expect(exempting(ctxOf({ channel: 'sms', content: { miniMiranda: true } }), zoneOf('UTC'), 0)).toBe(PASS);
    // Without `exemptIf` the declaration changes nothing.
    expect(check(ctxOf({ channel: 'sms', content: { noDebtInformation: true } }), zoneOf('UTC'), 0)).toBe(
      NO_END,
    );
  });

  it('describes itself', () => {
    expect(describeContentRequired(rule).en).toContain('opt-out instructions');
  });
});
