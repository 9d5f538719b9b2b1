// Conformance: Colombia, Ley 2300 de 2023 art. 3; SFC Concepto 2023080946-002-000; festivos (Ley 51 de 1983, Ley 2578 de 2026).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { ev, makeCheck } from '../testing.js';

const engine = createComplianceEngine();
const co = {
  country: 'CO',
  timezone: 'America/Bogota',
  consents: { call: true, sms: true, whatsapp: true, email: true },
};
const decide = (over: NonNullable<Parameters<typeof makeCheck>[0]>) =>
  engine.check(makeCheck({ ...over, debtor: { ...co, ...over.debtor } }));
const rules = (over: NonNullable<Parameters<typeof makeCheck>[0]>) => decide(over).reasons.map((r) => r.rule);

describe('CO-HOURS (Bogotá is UTC-5, no DST)', () => {
  it.each([
    ['2026-03-10T11:59:00Z', false, 'Tue 06:59'],
    ['2026-03-10T12:00:00Z', true, 'Tue 07:00'],
    ['2026-03-11T00:00:00Z', true, 'Tue 19:00'],
    ['2026-03-11T00:01:00Z', false, 'Tue 19:01'],
    ['2026-03-14T12:59:00Z', false, 'Sat 07:59'],
    ['2026-03-14T13:00:00Z', true, 'Sat 08:00'],
    ['2026-03-14T20:00:00Z', true, 'Sat 15:00'],
    ['2026-03-14T20:01:00Z', false, 'Sat 15:01'],
    ['2026-03-15T15:00:00Z', false, 'Sunday'],
    ['2026-03-23T15:00:00Z', false, 'Mon 23 Mar: San José moved to Monday'],
    ['2026-03-19T15:00:00Z', true, 'Thu 19 Mar: the original date is a working day'],
    ['2026-07-13T15:00:00Z', false, 'Mon 13 Jul: Virgen de Chiquinquirá (Ley 2578 de 2026)'],
    ['2026-04-02T15:00:00Z', false, 'Jueves Santo'],
  ])('%s → allowed %s (%s)', (at, allowed) => {
    expect(decide({ at }).allowed).toBe(allowed);
  });

  it('a Friday-evening refusal before a Monday holiday goes to Saturday 08:00; Saturday afternoon goes to Tuesday 07:00', () => {
    expect(decide({ at: '2026-03-21T00:30:00Z' }).nextAllowedAt).toBe('2026-03-21T13:00:00Z');
    expect(decide({ at: '2026-03-21T20:30:00Z' }).nextAllowedAt).toBe('2026-03-24T12:00:00Z');
    expect(decide({ at: '2026-07-11T21:00:00Z' }).nextAllowedAt).toBe('2026-07-14T12:00:00Z');
  });
});

describe('CO channels, frequency and third parties', () => {
  it('contact only through an authorised channel (unknown = not authorised)', () => {
    expect(rules({ at: '2026-03-10T15:00:00Z', channel: 'voicebot' })).toEqual(['CO-CHANNELS']);
    expect(
      rules({ at: '2026-03-10T15:00:00Z', channel: 'call', debtor: { consents: { call: false } } }),
    ).toEqual(['CO-CHANNELS']);
  });

  it('at most one contact per local day; the next is allowed from 07:00 the next working day', () => {
    const h = [ev('2026-03-10T14:00:00Z', 'call', 'conversation')];
    const d = decide({ at: '2026-03-10T20:00:00Z', history: h });
    expect(d.reasons.map((r) => r.rule)).toEqual(['CO-FREQ-DAY']);
    expect(d.nextAllowedAt).toBe('2026-03-11T12:00:00Z');
  });

  it('an unanswered call is not a contact', () => {
    expect(
      rules({ at: '2026-03-10T20:00:00Z', history: [ev('2026-03-10T14:00:00Z', 'call', 'no_answer')] }),
    ).toEqual([]);
  });

  it('no second channel within 7 days of a contact', () => {
    const h = [ev('2026-03-09T14:00:00Z', 'call', 'conversation')]; // Mon 09:00
    const d = decide({ at: '2026-03-11T15:00:00Z', channel: 'sms', history: h });
    expect(d.reasons.map((r) => r.rule)).toEqual(['CO-FREQ-CHANNELS']);
    expect(d.nextAllowedAt).toBe('2026-03-16T14:00:00Z');
    expect(rules({ at: '2026-03-11T15:00:00Z', channel: 'call', history: h })).toEqual([]);
  });

  it('references, relatives and employers are refused; co-debtors and guarantors allowed within hours', () => {
    for (const recipient of ['reference', 'relative', 'employer'] as const)
      expect(rules({ at: '2026-03-10T15:00:00Z', recipient })).toEqual(['CO-3P']);
    for (const recipient of ['guarantor', 'co_debtor'] as const)
      expect(rules({ at: '2026-03-10T15:00:00Z', recipient })).toEqual([]);
    expect(rules({ at: '2026-03-15T15:00:00Z', recipient: 'guarantor' })).toEqual(['CO-HOURS']);
  });

  it('state blocks are Saldo policy rules with no end', () => {
    const d = decide({ at: '2026-03-10T15:00:00Z', debtor: { flags: ['dispute_pending'] } });
    expect(d.reasons[0]).toMatchObject({ rule: 'CO-POLICY-DISPUTE-PENDING', severity: 'policy' });
    expect(d.nextAllowedAt).toBeNull();
  });
});
