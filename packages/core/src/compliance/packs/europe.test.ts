// Conformance: Spain (AEPD / RGPD law pack + the labelled ES-POLICY layer) and the UK (FCA CONC 7, Breathing Space).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { ev, makeCheck } from '../testing.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0]) => engine.check(makeCheck(over));
const rules = (over: Parameters<typeof makeCheck>[0]) => decide(over).reasons.map((r) => r.rule);

describe('ES', () => {
  const es = { country: 'ES', timezone: 'Europe/Madrid' };
  it('stacks the law pack and the company-policy layer', () => {
    expect(decide({ at: '2026-03-10T10:00:00Z', debtor: es }).packs).toEqual([
      'ES@2026.05.0',
      'ES-POLICY@2026.05.0',
    ]);
  });
  it('policy hours Mon–Fri 09:00–21:00, across the March DST change', () => {
    expect(decide({ at: '2026-03-27T07:59:00Z', debtor: es }).allowed).toBe(false); // Fri 08:59 CET
    expect(decide({ at: '2026-03-27T08:00:00Z', debtor: es }).allowed).toBe(true);
    // Fri 2026-03-27 21:00 CET → Sat/Sun closed; DST 03-29 → Mon 09:00 CEST = 07:00Z
    const d = decide({ at: '2026-03-27T20:00:00Z', debtor: es });
    expect(d.reasons.map((r) => r.rule)).toEqual(['ES-POLICY-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-30T07:00:00Z');
  });
  it('national holidays are closed (12 Oct)', () => {
    expect(rules({ at: '2026-10-12T10:00:00Z', debtor: es })).toEqual(['ES-POLICY-HOURS']);
  });
  it('one call per day, three contacts per week', () => {
    expect(
      rules({
        at: '2026-03-10T15:00:00Z',
        history: [ev('2026-03-10T09:00:00Z', 'call', 'no_answer')],
        debtor: es,
      }),
    ).toEqual(['ES-POLICY-CALLS-DAY']);
    const three = [
      ev('2026-03-09T09:00:00Z', 'call'),
      ev('2026-03-10T09:00:00Z', 'sms', 'delivered'),
      ev('2026-03-11T09:00:00Z', 'email', 'delivered'),
    ];
    expect(rules({ at: '2026-03-12T09:00:00Z', channel: 'letter', history: three, debtor: es })).toEqual([
      'ES-POLICY-WEEK',
    ]);
  });
  it('third parties refused (AEPD); GDPR objection honoured', () => {
    expect(rules({ at: '2026-03-10T10:00:00Z', recipient: 'relative', debtor: es })).toEqual(['ES-3P-AEPD']);
    expect(rules({ at: '2026-03-10T10:00:00Z', debtor: { ...es, optOuts: ['call'] } })).toEqual([
      'ES-GDPR-OBJECT',
    ]);
  });
});

describe('GB', () => {
  const gb = { country: 'GB', timezone: 'Europe/London' };
  it('08:00–21:00 London time, BST-aware', () => {
    expect(decide({ at: '2026-07-01T06:59:00Z', debtor: gb }).allowed).toBe(false); // 07:59 BST
    expect(decide({ at: '2026-07-01T07:00:00Z', debtor: gb }).allowed).toBe(true);
    expect(decide({ at: '2026-07-01T19:59:59Z', debtor: gb }).allowed).toBe(true);
    expect(decide({ at: '2026-07-01T20:00:00Z', debtor: gb }).nextAllowedAt).toBe('2026-07-02T07:00:00Z');
  });
  it('breathing space and disputes suspend contact with no end', () => {
    const d = decide({
      at: '2026-07-01T10:00:00Z',
      debtor: { ...gb, flags: ['moratorium', 'dispute_pending'] },
    });
    expect(d.reasons.map((r) => r.rule)).toEqual(['UK-CONC-DISPUTE', 'UK-BREATHING']);
    expect(d.nextAllowedAt).toBeNull();
  });
});
