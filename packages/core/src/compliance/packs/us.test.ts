// Conformance suite for the US federal pack, written from the citations (12 CFR 1006; 47 CFR 64.1200).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { ev, makeCheck, series } from '../testing.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0]) => engine.check(makeCheck(over));
const rules = (over: Parameters<typeof makeCheck>[0]) => decide(over).reasons.map((r) => r.rule);

describe('US pack — 12 CFR 1006.6(b)(1)(i) inconvenient hours', () => {
  it.each([
    ['2026-03-03T12:59:00Z', false, '07:59 EST'],
    ['2026-03-03T13:00:00Z', true, '08:00 EST'],
    ['2026-03-04T02:00:00Z', true, '21:00 EST'],
    ['2026-03-04T02:01:00Z', false, '21:01 EST'],
    ['2026-07-01T11:59:59Z', false, '07:59:59 EDT'],
    ['2026-07-01T12:00:00Z', true, '08:00 EDT'],
  ])('%s (%s → allowed %s)', (at, allowed) => {
    expect(decide({ at }).allowed).toBe(allowed);
  });

  it('evening refusal → next 08:00 local, across the DST change (Sat 03-07 21:01 EST → Sun 08:00 EDT)', () => {
    expect(decide({ at: '2026-03-08T02:01:00Z' }).nextAllowedAt).toBe('2026-03-08T12:00:00Z');
    expect(decide({ at: '2026-10-31T01:01:00Z' }).nextAllowedAt).toBe('2026-10-31T12:00:00Z');
    expect(decide({ at: '2026-11-01T01:01:00Z' }).nextAllowedAt).toBe('2026-11-01T13:00:00Z');
  });

  it('applies to every channel, also in Hawaii (no DST)', () => {
    for (const channel of ['call', 'sms', 'email', 'letter'] as const) {
      const d = decide({
        at: '2026-03-03T17:59:00Z',
        channel,
        debtor: { timezone: 'Pacific/Honolulu', consents: { sms: true, email: true } },
        content: { optOutInstructions: true, miniMiranda: true },
      });
      expect(d.reasons.map((r) => r.rule)).toEqual(['US-REGF-HOURS']);
      expect(d.nextAllowedAt).toBe('2026-03-03T18:00:00Z');
    }
  });
});

describe('US pack — 1006.14(b)(2)(i)(A) 7 calls in 7 days, per debt', () => {
  const seven = series('2026-02-24T15:00:00Z', 7, 24);
  it('the 8th placed call about the same debt within 7 days is refused', () => {
    expect(rules({ at: '2026-03-03T13:59:00Z', history: seven })).toEqual(['US-REGF-7IN7']);
    expect(rules({ at: '2026-03-03T13:59:00Z', history: seven.slice(1) })).toEqual([]);
  });
  it('voicemails, voicebot calls and voicemail drops count and are capped', () => {
    const mixed = [
      ...series('2026-02-24T15:00:00Z', 3, 24, 'voicebot'),
      ...series('2026-02-27T15:00:00Z', 2, 24, 'voicemail', 'voicemail'),
      ...series('2026-03-01T15:00:00Z', 2, 24, 'call', 'voicemail'),
    ];
    for (const channel of ['call', 'voicebot', 'voicemail'] as const) {
      expect(
        rules({
          at: '2026-03-03T13:59:00Z',
          channel,
          history: mixed,
          debtor: { consents: { voicebot: true } },
        }),
      ).toEqual(['US-REGF-7IN7']);
    }
  });
  it('texts and emails have no numeric cap', () => {
    const d = decide({
      at: '2026-03-03T13:59:00Z',
      channel: 'email',
      history: seven,
      debtor: { consents: { email: true } },
      content: { optOutInstructions: true, miniMiranda: true },
    });
    expect(d.allowed).toBe(true);
  });
  it('busy and not-connected calls are excluded; other debts do not count', () => {
    const h = [
      ...seven.slice(0, 5),
      ev('2026-03-01T16:00:00Z', 'call', 'busy'),
      ev('2026-03-01T17:00:00Z', 'call', 'not_connected'),
      ev('2026-03-01T18:00:00Z', 'call', 'no_answer', 'outbound', 'B'),
    ];
    expect(rules({ at: '2026-03-03T13:59:00Z', history: h })).toEqual([]);
  });
  it("calls to the debtor's attorney are not capped", () => {
    expect(rules({ at: '2026-03-03T13:59:00Z', history: seven, recipient: 'attorney' })).toEqual([]);
  });
});

describe('US pack — 1006.14(b)(2)(i)(B) 7 days after a telephone conversation', () => {
  const conv = [ev('2026-03-02T15:00:00Z', 'call', 'conversation')]; // Monday 10:00 EST
  it('blocks calls about that debt until the next Monday 00:00 local (day 1 = conversation day)', () => {
    const d = decide({ at: '2026-03-06T15:00:00Z', history: conv });
    expect(d.reasons.map((r) => r.rule)).toEqual(['US-REGF-7DAY-CONV']);
    // midnight is outside 08:00–21:00 → first allowed instant is Monday 08:00 EDT
    expect(d.nextAllowedAt).toBe('2026-03-09T12:00:00Z');
  });
  it('an inbound conversation counts; a text is still allowed', () => {
    const inbound = [ev('2026-03-02T15:00:00Z', 'call', 'conversation', 'inbound')];
    expect(rules({ at: '2026-03-06T15:00:00Z', history: inbound })).toEqual(['US-REGF-7DAY-CONV']);
    expect(
      rules({
        at: '2026-03-06T15:00:00Z',
        channel: 'sms',
        history: inbound,
        debtor: { consents: { sms: true } },
        content: { optOutInstructions: true, miniMiranda: true },
      }),
    ).toEqual([]);
  });
});

describe('US pack — TCPA consent, opt-outs, content, third parties, states', () => {
  it('voicebot needs prior express consent (FCC 24-17); unknown = none', () => {
    expect(rules({ channel: 'voicebot' })).toEqual(['US-TCPA-AI-VOICE']);
    expect(rules({ channel: 'voicebot', debtor: { consents: { voicebot: false } } })).toEqual([
      'US-TCPA-AI-VOICE',
    ]);
    expect(rules({ channel: 'voicebot', debtor: { consents: { voicebot: true } } })).toEqual([]);
  });
  it('texts need consent, opt-out instructions and the collector disclosure; opt-outs are honoured', () => {
    expect(rules({ channel: 'sms' })).toEqual([
      'US-REGF-EOPTOUT',
      'US-REGF-MIRANDA',
      'US-TCPA-MOBILE-CONSENT',
    ]);
    const ok = {
      channel: 'sms',
      debtor: { consents: { sms: true } },
      content: { optOutInstructions: true, miniMiranda: true },
    } as const;
    expect(rules(ok)).toEqual([]);
    const d = decide({ ...ok, debtor: { ...ok.debtor, optOuts: ['sms'] } });
    expect(d.reasons.map((r) => r.rule)).toEqual(['US-REGF-MEDIUM-OPTOUT', 'US-TCPA-REVOKE']);
    expect(d.nextAllowedAt).toBeNull();
  });
  it('a text declared to convey no debt information (an identity check) needs no disclosure, but still the opt-out (1006.2(d), 1006.6(e))', () => {
    const identityCheck = {
      channel: 'sms',
      debtor: { consents: { sms: true } },
      content: { optOutInstructions: true, noDebtInformation: true },
    } as const;
    expect(rules(identityCheck)).toEqual([]);
    expect(rules({ ...identityCheck, content: { noDebtInformation: true } })).toEqual(['US-REGF-EOPTOUT']);
    // Every other message — a reply after verification — still needs the disclosure.
    expect(rules({ ...identityCheck, content: { optOutInstructions: true } })).toEqual(['US-REGF-MIRANDA']);
    expect(
      rules({ ...identityCheck, content: { optOutInstructions: true, noDebtInformation: false } }),
    ).toEqual(['US-REGF-MIRANDA']);
    expect(rules({ channel: 'letter', content: { noDebtInformation: true } })).toEqual([]);
  });
  it('a manual call needs no consent; a letter needs the disclosure only', () => {
    expect(rules({ channel: 'call', debtor: { consents: { call: false } } })).toEqual([]);
    expect(rules({ channel: 'letter' })).toEqual(['US-REGF-MIRANDA']);
  });
  it('third parties: references, relatives and employers refused; guarantor and co-debtor allowed', () => {
    for (const recipient of ['reference', 'relative', 'employer'] as const)
      expect(rules({ recipient })).toEqual(['US-REGF-3P']);
    for (const recipient of ['guarantor', 'co_debtor', 'attorney'] as const)
      expect(rules({ recipient })).toEqual([]);
  });
  it.each([
    ['dispute_pending', 'US-REGF-DISPUTE'],
    ['cease_requested', 'US-REGF-CEASE'],
    ['attorney', 'US-REGF-ATTY'],
    ['bankruptcy', 'US-BANKRUPTCY-STAY'],
    ['deceased', 'US-REGF-DECEASED'],
    ['moratorium', 'US-POLICY-MORATORIUM'],
  ] as const)('%s blocks with no end (%s)', (flag, rule) => {
    const d = decide({ debtor: { flags: [flag] } });
    expect(d.reasons.map((r) => r.rule)).toEqual([rule]);
    expect(d.nextAllowedAt).toBeNull();
  });
  it("an attorney-represented debtor's attorney may be called", () => {
    expect(rules({ recipient: 'attorney', debtor: { flags: ['attorney'] } })).toEqual([]);
  });
});
