import { describe, expect, it } from 'vitest';
import { StateBlockRule, compileStateBlock, describeStateBlock } from './state-block.js';
import { ctxOf } from '../testing.js';
import { PASS, NO_END } from '../rule-base.js';
import { zoneOf } from '../zone.js';
import { debtorFlags } from '../vocab.js';

describe('state_block', () => {
  it.each(debtorFlags)('blocks when %s is set, with no end', (flag) => {
    const check = compileStateBlock(
      StateBlockRule.parse({
        kind: 'state_block',
        id: 'T-STATE',
        citation: 't',
        confidence: 'V1',
        severity: 'hard',
        flag,
      }),
    );
    expect(check(ctxOf({ debtor: { flags: [flag] } }), zoneOf('UTC'), 0)).toBe(NO_END);
    expect(check(ctxOf({ debtor: { flags: [] } }), zoneOf('UTC'), 0)).toBe(PASS);
  });

  it('lets a declared acknowledgement through when the rule exempts it', () => {
    const rule = (exemptIf?: ['acknowledgementOnly']) =>
      compileStateBlock(
        StateBlockRule.parse({
          kind: 'state_block',
          id: 'T',
          citation: 't',
          confidence: 'V1',
          severity: 'hard',
          flag: 'dispute_pending',
          ...(exemptIf ? { exemptIf } : {}),
        }),
      );
    const ack = ctxOf({ debtor: { flags: ['dispute_pending'] }, content: { acknowledgementOnly: true } });
    const plain = ctxOf({ debtor: { flags: ['dispute_pending'] } });
    expect(rule(['acknowledgementOnly'])(ack, zoneOf('UTC'), 0)).toBe(PASS);
    expect(rule(['acknowledgementOnly'])(plain, zoneOf('UTC'), 0)).toBe(NO_END);
    expect(rule()(ack, zoneOf('UTC'), 0)).toBe(NO_END);
  });

  it('lets excepted recipients through (the attorney of a represented debtor)', () => {
    const check = compileStateBlock(
      StateBlockRule.parse({
        kind: 'state_block',
        id: 'T',
        citation: 't',
        confidence: 'V1',
        severity: 'hard',
        flag: 'attorney',
        exceptRecipients: ['attorney'],
      }),
    );
    expect(check(ctxOf({ recipient: 'attorney', debtor: { flags: ['attorney'] } }), zoneOf('UTC'), 0)).toBe(
      PASS,
    );
    expect(check(ctxOf({ recipient: 'debtor', debtor: { flags: ['attorney'] } }), zoneOf('UTC'), 0)).toBe(
      NO_END,
    );
  });

  it('describes itself', () => {
    const r = StateBlockRule.parse({
      kind: 'state_block',
      id: 'T',
      citation: 't',
      confidence: 'V1',
      severity: 'hard',
      flag: 'moratorium',
    });
    expect(describeStateBlock(r).en).toContain('breathing space');
  });
});
