// Conformance: Mexico (CONDUSEF despachos de cobranza), Chile (Ley 19.496 art. 37), Peru (Ley 29571 art. 62).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { ev, makeCheck } from '../testing.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0]) => engine.check(makeCheck(over));
const rules = (over: Parameters<typeof makeCheck>[0]) => decide(over).reasons.map((r) => r.rule);

describe('MX (Mexico City UTC-6, no DST since 2022)', () => {
  const mx = { country: 'MX', timezone: 'America/Mexico_City' };
  it.each([
    ['2026-03-10T12:59:00Z', false, 'Tue 06:59'],
    ['2026-03-10T13:00:00Z', true, 'Tue 07:00'],
    ['2026-03-11T03:59:00Z', true, 'Tue 21:59'],
    ['2026-03-11T04:00:00Z', false, 'Tue 22:00 (end exclusive, conservative)'],
  ])('%s → %s (%s)', (at, allowed) => {
    expect(decide({ at, debtor: mx }).allowed).toBe(allowed);
  });
  it('weekends and holidays are refused by the conservative weekday reading (policy, [?])', () => {
    expect(rules({ at: '2026-03-14T18:00:00Z', debtor: mx })).toEqual(['MX-HOURS-WEEKDAYS']);
    const holiday = decide({ at: '2026-03-16T18:00:00Z', debtor: mx }); // natalicio de Benito Juárez (3rd Monday of March)
    expect(holiday.reasons.map((r) => r.rule)).toEqual(['MX-HOURS-WEEKDAYS']);
    expect(holiday.nextAllowedAt).toBe('2026-03-17T13:00:00Z');
  });
  it('third parties: only co-debtors (obligados solidarios) and guarantors (avales)', () => {
    expect(rules({ at: '2026-03-10T18:00:00Z', recipient: 'reference', debtor: mx })).toEqual(['MX-3P']);
    expect(rules({ at: '2026-03-10T18:00:00Z', recipient: 'co_debtor', debtor: mx })).toEqual([]);
  });
  it("Tijuana follows US DST: hours in the debtor's own zone", () => {
    const tj = { country: 'MX', timezone: 'America/Tijuana' };
    expect(decide({ at: '2026-03-10T13:59:00Z', debtor: tj }).allowed).toBe(false); // 06:59 PDT
    expect(decide({ at: '2026-03-10T14:00:00Z', debtor: tj }).allowed).toBe(true);
  });
});

describe('CL (Santiago)', () => {
  const cl = { country: 'CL', timezone: 'America/Santiago' };
  it.each([
    ['2026-03-10T10:59:00Z', false, 'Tue 07:59 (UTC-3)'],
    ['2026-03-10T11:00:00Z', true, 'Tue 08:00'],
    ['2026-03-10T22:59:59Z', true, 'Tue 19:59:59'],
    ['2026-03-10T23:00:00Z', false, 'Tue 20:00 (end exclusive, conservative)'],
    ['2026-03-15T15:00:00Z', false, 'Sunday'],
    ['2026-05-21T15:00:00Z', false, 'Día de las Glorias Navales'],
  ])('%s → %s (%s)', (at, allowed) => {
    expect(decide({ at, debtor: cl }).allowed).toBe(allowed);
  });
  it('one telephone contact per rolling week, every attempt counting (conservative)', () => {
    const d = decide({
      at: '2026-03-12T15:00:00Z',
      history: [ev('2026-03-10T15:00:00Z', 'call', 'no_answer')],
      debtor: cl,
    });
    expect(d.reasons.map((r) => r.rule)).toEqual(['CL-PHONE-VISIT']);
    expect(d.nextAllowedAt).toBe('2026-03-17T15:00:00Z');
  });
  it('other media: two per week, at least 48 h apart', () => {
    const one = [ev('2026-03-10T15:00:00Z', 'email', 'delivered')];
    expect(rules({ at: '2026-03-11T15:00:00Z', channel: 'sms', history: one, debtor: cl })).toEqual([
      'CL-OTHER-MEDIA-SPACING',
    ]);
    expect(rules({ at: '2026-03-12T15:00:00Z', channel: 'sms', history: one, debtor: cl })).toEqual([]);
    const two = [...one, ev('2026-03-12T15:00:00Z', 'sms', 'delivered')];
    const d = decide({ at: '2026-03-14T15:00:00Z', channel: 'letter', history: two, debtor: cl });
    expect(d.reasons.map((r) => r.rule)).toEqual(['CL-OTHER-MEDIA']);
    expect(d.nextAllowedAt).toBe('2026-03-17T15:00:00Z');
  });
  it('only the debtor may be contacted', () => {
    expect(rules({ at: '2026-03-10T15:00:00Z', recipient: 'guarantor', debtor: cl })).toEqual(['CL-3P']);
  });
  it("the day after Santiago's missing midnight (DST at 24:00) still opens at 08:00", () => {
    // Sat 2026-09-05 20:30 (UTC-4) → Sunday closed → Mon 09-07 08:00 (UTC-3) = 11:00Z
    expect(decide({ at: '2026-09-06T00:30:00Z', debtor: cl }).nextAllowedAt).toBe('2026-09-07T11:00:00Z');
  });
});

describe('PE (Lima UTC-5)', () => {
  const pe = { country: 'PE', timezone: 'America/Lima' };
  it.each([
    ['2026-03-10T11:59:00Z', false, 'Tue 06:59'],
    ['2026-03-10T12:00:00Z', true, 'Tue 07:00'],
    ['2026-03-11T00:59:59Z', true, 'Tue 19:59:59'],
    ['2026-03-11T01:00:00Z', false, 'Tue 20:00'],
    ['2026-03-14T15:00:00Z', false, 'Saturday'],
    ['2026-07-28T15:00:00Z', false, 'Fiestas Patrias'],
  ])('%s → %s (%s)', (at, allowed) => {
    expect(decide({ at, debtor: pe }).allowed).toBe(allowed);
  });
  it('Friday 20:00 → Monday 07:00', () => {
    expect(decide({ at: '2026-03-14T01:00:00Z', debtor: pe }).nextAllowedAt).toBe('2026-03-16T12:00:00Z');
  });
});
