// Conformance: Massachusetts (940 CMR 7.04(1)(f); 209 CMR 18.16(1)(d)) and NYC (6 RCNY 5-77 as amended).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { ev, makeCheck, series } from '../testing.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0]) => engine.check(makeCheck(over));
const rules = (over: Parameters<typeof makeCheck>[0]) => decide(over).reasons.map((r) => r.rule);

describe('US-MA', () => {
  const ma = { region: 'US-MA', consents: { sms: true } };
  it('a 3rd telephone communication (call, text or voicemail) in 7 days about one debt is refused', () => {
    const h = [
      ev('2026-03-02T15:00:00Z', 'call', 'connected'),
      ev('2026-03-03T15:00:00Z', 'sms', 'delivered'),
    ];
    const d = decide({ at: '2026-03-05T15:00:00Z', history: h, debtor: ma });
    expect(d.reasons.map((r) => r.rule)).toEqual(['US-MA-2IN7']);
    expect(d.nextAllowedAt).toBe('2026-03-09T15:00:00Z');
  });
  it('unreached attempts without a message do not count (AG guidance)', () => {
    const h = series('2026-03-02T15:00:00Z', 4, 12, 'call', 'no_answer');
    expect(rules({ at: '2026-03-05T15:00:00Z', history: h, debtor: ma })).toEqual([]);
  });
  it('counts per debt', () => {
    const h = series('2026-03-02T15:00:00Z', 2, 24, 'call', 'voicemail', 'B');
    expect(rules({ at: '2026-03-05T15:00:00Z', history: h, debtor: ma })).toEqual([]);
    expect(rules({ at: '2026-03-05T15:00:00Z', history: h, debtId: 'B', debtor: ma })).toEqual([
      'US-MA-2IN7',
    ]);
  });
});

describe('US-NYC (in force 2026-09-01 00:00 New York)', () => {
  const nyc = { region: 'US-NYC', consents: { email: true, sms: true } };
  const content = { optOutInstructions: true, miniMiranda: true };
  it('a 4th contact or attempt in 7 days across all channels is refused, whatever the outcome', () => {
    const h = [
      ev('2026-09-08T15:00:00Z', 'call', 'busy'),
      ev('2026-09-09T15:00:00Z', 'email', 'delivered'),
      ev('2026-09-10T15:00:00Z', 'sms', 'failed'),
    ];
    const d = decide({ at: '2026-09-11T15:00:00Z', channel: 'letter', history: h, debtor: nyc, content });
    expect(d.reasons.map((r) => r.rule)).toEqual(['US-NYC-3IN7']);
    expect(d.nextAllowedAt).toBe('2026-09-15T15:00:00Z');
  });
  it('boundary: 03:59:59Z on 1 Sep is before the effective date, 04:00:00Z is after', () => {
    const h = series('2026-08-29T14:00:00Z', 3, 24, 'call', 'busy');
    // 23:59:59 / 00:00 New York is outside Reg F hours, so look at the pack list only
    expect(decide({ at: '2026-09-01T03:59:59Z', history: h, debtor: nyc }).packs).toEqual(['US@2026.05.0']);
    expect(decide({ at: '2026-09-01T04:00:00Z', history: h, debtor: nyc }).packs).toEqual([
      'US@2026.05.0',
      'US-NYC@2026.05.0',
    ]);
  });
  it('electronic messages need written consent and a one-word opt-out', () => {
    expect(
      rules({
        at: '2026-09-11T15:00:00Z',
        channel: 'email',
        debtor: { region: 'US-NYC' },
        content: { miniMiranda: true },
      }),
    ).toEqual(['US-REGF-EOPTOUT', 'US-REGF-EMAIL-SAFEHARBOR', 'US-NYC-ECONSENT', 'US-NYC-EOPTOUT']);
  });
});
