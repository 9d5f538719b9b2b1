import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from './evaluate.js';
import { compileOrgPolicy } from './org-policy.js';
import { checkLine, checkRaw } from './check-json.js';
import { makeCheck, series, ev } from './testing.js';
import { usPack } from './packs/us.js';
import { isSaldoError } from '../errors/index.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0], org?: Parameters<typeof engine.check>[1]) =>
  engine.check(makeCheck(over), org);
const rules = (d: { reasons: { rule: string }[] }) => d.reasons.map((r) => r.rule);

describe('engine', () => {
  it('issue example: 7 outbound calls about debt A in 7 days → refused by US-REGF-7IN7 with a computed nextAllowedAt', () => {
    const d = decide({ at: '2026-03-03T13:59:00Z', history: series('2026-02-24T15:00:00Z', 7, 24) });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toMatchObject({ rule: 'US-REGF-7IN7', citation: '12 CFR 1006.14(b)(2)' });
    expect(d.nextAllowedAt).toBe('2026-03-03T15:00:00Z');
    expect(decide({ at: d.nextAllowedAt!, history: series('2026-02-24T15:00:00Z', 7, 24) }).allowed).toBe(
      true,
    );
  });

  it('output keys come in the interface order', () => {
    expect(Object.keys(decide({}))).toEqual(['id', 'allowed', 'reasons', 'nextAllowedAt', 'packs']);
    const refused = decide({ at: '2026-03-03T03:00:00Z' });
    expect(Object.keys(refused.reasons[0]!).slice(0, 3)).toEqual(['rule', 'citation', 'message']);
  });

  it('allowed → reasons [] and nextAllowedAt null, with pack versions', () => {
    expect(decide({})).toEqual({
      id: 'c1',
      allowed: true,
      reasons: [],
      nextAllowedAt: null,
      packs: ['US@2026.05.0'],
    });
  });

  it('stacks state and federal packs: the strictest wins (US-MA 2 in 7 before Reg F 7 in 7)', () => {
    const h = series('2026-03-01T15:00:00Z', 2, 24, 'call', 'connected');
    const d = decide({ at: '2026-03-03T15:00:00Z', history: h, debtor: { region: 'US-MA' } });
    expect(d.packs).toEqual(['US@2026.05.0', 'US-MA@2026.05.0']);
    expect(rules(d)).toEqual(['US-MA-2IN7']);
    expect(d.nextAllowedAt).toBe('2026-03-08T15:00:00Z');
    expect(decide({ at: '2026-03-03T15:00:00Z', history: h }).allowed).toBe(true);
  });

  it('multiple candidate zones: allowed only when allowed in every zone', () => {
    const both = { timezone: 'America/New_York', timezones: ['America/Los_Angeles'] };
    const d = decide({ at: '2026-03-03T14:00:00Z', debtor: both }); // 09:00 NY, 06:00 LA
    expect(d.allowed).toBe(false);
    expect(d.nextAllowedAt).toBe('2026-03-03T16:00:00Z'); // 08:00 LA
    expect(decide({ at: d.nextAllowedAt!, debtor: both }).allowed).toBe(true);
    // evening: 21:00 NY is allowed, 21:00:01 NY is not even though LA is 18:00
    expect(decide({ at: '2026-03-04T02:00:01Z', debtor: both }).nextAllowedAt).toBe('2026-03-04T16:00:00Z');
  });

  it('iterates until every rule clears (CO evening refusal before a holiday weekend, with the day cap)', () => {
    // Fri 2026-03-20 18:00 Bogotá, already reached by call today → day cap until midnight, Sat 08:00 allowed
    const co = { country: 'CO', timezone: 'America/Bogota', consents: { call: true } };
    const d = decide({
      at: '2026-03-20T23:00:00Z',
      history: [ev('2026-03-20T15:00:00Z', 'call', 'conversation')],
      debtor: co,
    });
    expect(rules(d)).toEqual(['CO-FREQ-DAY']);
    expect(d.nextAllowedAt).toBe('2026-03-21T13:00:00Z');
    // Sat 15:00:01 → Sun closed, Mon 03-23 holiday → Tue 07:00
    expect(decide({ at: '2026-03-21T20:00:01Z', debtor: co }).nextAllowedAt).toBe('2026-03-24T12:00:00Z');
  });

  it('returns null when a blocking rule has no end', () => {
    const d = decide({ at: '2026-03-03T03:00:00Z', debtor: { flags: ['cease_requested'] } });
    expect(rules(d)).toEqual(['US-REGF-HOURS', 'US-REGF-CEASE']);
    expect(d.nextAllowedAt).toBeNull();
  });

  it('NYC rules apply from their effective date only', () => {
    const h = series('2026-08-25T15:00:00Z', 3, 24, 'call', 'no_answer');
    const before = decide({ at: '2026-08-28T15:00:00Z', history: h, debtor: { region: 'US-NYC' } });
    expect(before.allowed).toBe(true);
    expect(before.packs).toEqual(['US@2026.05.0']);
    const h2 = series('2026-09-01T15:00:00Z', 3, 24, 'call', 'no_answer');
    const after = decide({ at: '2026-09-04T15:00:00Z', history: h2, debtor: { region: 'US-NYC' } });
    expect(rules(after)).toEqual(['US-NYC-3IN7']);
    expect(after.packs).toEqual(['US@2026.05.0', 'US-NYC@2026.05.0']);
  });

  it('a pack that becomes effective later is taken into account by nextAllowedAt', () => {
    // Refused at 2026-08-31 23:00 NY by hours; at 09-01 08:00 NYC is in force and its cap blocks
    const h = series('2026-08-29T12:00:00Z', 3, 24, 'call', 'no_answer');
    const d = decide({ at: '2026-09-01T03:00:00Z', history: h, debtor: { region: 'US-NYC' } });
    expect(rules(d)).toEqual(['US-REGF-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-09-05T12:00:00Z');
  });

  it('unknown country → the global baseline pack, Mon–Sat 08:00–20:00', () => {
    const d = decide({ at: '2026-03-08T12:00:00Z', debtor: { country: 'ZZ', timezone: 'UTC' } }); // Sunday
    expect(d.packs).toEqual(['GLOBAL@2026.05.0']);
    expect(rules(d)).toEqual(['BASE-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-09T08:00:00Z');
  });

  it('an organisation layer can only tighten', () => {
    const org = compileOrgPolicy(
      {
        quietHours: [
          { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '19:00', end: '09:00' },
        ],
        weeklyCaps: { call: 2 },
      },
      'acme',
    );
    // 08:30 NY: law allows, org refuses until 09:00
    const d = decide({ at: '2026-03-03T13:30:00Z' }, org);
    expect(rules(d)).toEqual(['ORG-QUIET-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-03T14:00:00Z');
    expect(d.packs).toEqual(['US@2026.05.0', 'ORG:acme@1']);
    // 22:00 NY: both refuse; the later clear time wins
    expect(rules(decide({ at: '2026-03-04T03:00:00Z' }, org))).toEqual(['US-REGF-HOURS', 'ORG-QUIET-HOURS']);
    expect(decide({ at: '2026-03-04T03:00:00Z' }, org).nextAllowedAt).toBe('2026-03-04T14:00:00Z');
    // A permissive-looking org policy cannot re-allow what the law refuses
    const lax = compileOrgPolicy({
      contactHours: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '24:00' },
      ],
    });
    expect(decide({ at: '2026-03-04T03:00:00Z' }, lax).allowed).toBe(false);
    // weekly cap
    const h = series('2026-03-01T15:00:00Z', 2, 24, 'call', 'no_answer');
    expect(rules(decide({ at: '2026-03-03T15:00:00Z', history: h }, org))).toEqual(['ORG-WEEKLY-CAP-CALL']);
  });

  it('validates packs and policies eagerly', () => {
    const broken = { ...usPack, rules: [{ ...usPack.rules[0]!, id: 'lower-case' }] };
    expect(() => createComplianceEngine({ packs: [broken] })).toThrow(/invalid compliance pack US/);
    try {
      compileOrgPolicy({ weeklyCaps: { pigeon: 2 } });
    } catch (e) {
      expect(isSaldoError(e) && e.kind).toBe('validation');
    }
    expect(() => compileOrgPolicy({ weeklyCaps: { pigeon: 2 } })).toThrow();
  });

  it('reports SALDO-NO-WINDOW when no instant is found within the bound', () => {
    const never = {
      code: 'XX',
      version: '1',
      kind: 'law',
      title: 'never',
      effectiveFrom: '2020-01-01T00:00:00Z',
      jurisdiction: { country: 'XX' },
      rules: [
        {
          kind: 'time_window',
          id: 'XX-A',
          citation: 'c',
          confidence: 'K',
          severity: 'policy',
          windows: [{ days: ['mon'], start: '08:00', end: '09:00' }],
        },
        {
          kind: 'time_window',
          id: 'XX-B',
          citation: 'c',
          confidence: 'K',
          severity: 'policy',
          windows: [{ days: ['tue'], start: '08:00', end: '09:00' }],
        },
      ],
    };
    const e = createComplianceEngine({ packs: [never] });
    const d = e.check(makeCheck({ debtor: { country: 'XX', timezone: 'UTC' } }));
    expect(d.nextAllowedAt).toBeNull();
    expect(rules(d)).toContain('SALDO-NO-WINDOW');
  });

  it('JSON boundary helpers: malformed → {id: null, error}, blank → null', () => {
    expect(checkLine(engine, '   ')).toBeNull();
    expect(checkLine(engine, '{nope')).toMatchObject({
      id: null,
      error: expect.stringContaining('invalid JSON'),
    });
    expect(checkRaw(engine, [1])).toEqual({ id: null, error: 'expected a JSON object' });
    expect(checkRaw(engine, { id: 'x' })).toMatchObject({ id: null });
  });
});
