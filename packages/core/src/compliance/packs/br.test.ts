// Conformance: Brazil (CDC art. 42/71, market-practice hours) and São Paulo (state law, number to verify).
import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from '../evaluate.js';
import { makeCheck } from '../testing.js';

const engine = createComplianceEngine();
const decide = (over: Parameters<typeof makeCheck>[0]) => engine.check(makeCheck(over));
const sp = { country: 'BR', region: 'BR-SP', timezone: 'America/Sao_Paulo' };

describe('BR / BR-SP (São Paulo UTC-3)', () => {
  it('stacks BR and BR-SP', () => {
    expect(decide({ at: '2026-03-10T15:00:00Z', debtor: sp }).packs).toEqual([
      'BR@2026.05.0',
      'BR-SP@2026.05.0',
    ]);
  });
  it.each([
    ['2026-03-10T10:59:00Z', false, 'Tue 07:59'],
    ['2026-03-10T11:00:00Z', true, 'Tue 08:00'],
    ['2026-03-10T23:00:00Z', false, 'Tue 20:00'],
    ['2026-03-14T16:59:00Z', true, 'Sat 13:59'],
    ['2026-03-14T17:00:00Z', false, 'Sat 14:00'],
    ['2026-03-15T15:00:00Z', false, 'Sunday'],
    ['2026-07-09T15:00:00Z', false, 'Revolução Constitucionalista (SP holiday)'],
    ['2026-11-20T15:00:00Z', false, 'Consciência Negra (national)'],
  ])('%s → %s (%s)', (at, allowed) => {
    expect(decide({ at, debtor: sp }).allowed).toBe(allowed);
  });
  it('SP state rule and the BR default both explain a Saturday-afternoon refusal', () => {
    const d = decide({ at: '2026-03-14T17:00:00Z', debtor: sp });
    expect(d.reasons.map((r) => r.rule)).toEqual(['BR-DEFAULT-HOURS', 'BR-SP-HOURS']);
    expect(d.nextAllowedAt).toBe('2026-03-16T11:00:00Z');
  });
  it('9 July is a holiday in SP but not elsewhere in Brazil', () => {
    expect(
      decide({
        at: '2026-07-09T15:00:00Z',
        debtor: { country: 'BR', region: 'BR-RJ', timezone: 'America/Sao_Paulo' },
      }).allowed,
    ).toBe(true);
  });
});
