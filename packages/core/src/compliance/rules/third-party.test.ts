import { describe, expect, it } from 'vitest';
import { ThirdPartyRule, compileThirdParty, describeThirdParty } from './third-party.js';
import { ctxOf } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import { recipients } from '../vocab.js';

const rule = ThirdPartyRule.parse({
  kind: 'third_party',
  id: 'T-3P',
  citation: 't',
  confidence: 'V1',
  severity: 'hard',
  allowed: ['debtor', 'guarantor', 'co_debtor'],
});
const check = compileThirdParty(rule);

describe('third_party', () => {
  it.each(recipients)('decides %s', (recipient) => {
    const expected = ['debtor', 'guarantor', 'co_debtor'].includes(recipient) ? PASS : NO_END;
    expect(check(ctxOf({ recipient }), zoneOf('UTC'), 0)).toBe(expected);
  });

  it('describes itself', () => {
    expect(describeThirdParty(rule).en).toContain('guarantor');
  });
});
