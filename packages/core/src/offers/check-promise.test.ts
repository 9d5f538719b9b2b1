import { describe, expect, it } from 'vitest';
import { checkProposal } from './check-proposal.js';
import { OFFER_NOW, offerAccount, offerPolicy } from './testing.js';
import type { PromisePart, ProposalCheck } from './types.js';

// Today in Mexico City is 2026-11-24; the latest promise date is 2026-12-24; the balance is
// 4,850.00 MXN, so the smallest partial payment (4 %) is 194.00.
const check = (parts: PromisePart[], account = offerAccount()): ProposalCheck =>
  checkProposal(account, { kind: 'promise', parts }, offerPolicy(), OFFER_NOW);

const codes = (c: ProposalCheck) => (c.accepted ? [] : c.refusals.map((r) => [r.code, r.limit]));

describe('checkProposal: promises', () => {
  it.each<[string, PromisePart[]]>([
    ['the whole balance on Friday', [{ date: '2026-11-27', amountMinor: 485000 }]],
    ['a payment today', [{ date: '2026-11-24', amountMinor: 485000 }]],
    ['a payment on the latest day', [{ date: '2026-12-24', amountMinor: 485000 }]],
    ['a partial payment of exactly the smallest', [{ date: '2026-11-27', amountMinor: 19400 }]],
    [
      '200 on Friday and the rest next month',
      [
        { date: '2026-12-20', amountMinor: 465000 },
        { date: '2026-11-27', amountMinor: 20000 },
      ],
    ],
    [
      'a small last part that clears the balance',
      [
        { date: '2026-11-27', amountMinor: 480000 },
        { date: '2026-12-20', amountMinor: 5000 },
      ],
    ],
  ])('accepts %s, parts in date order', (_, parts) => {
    const result = check(parts);
    expect(result.accepted).toBe(true);
    if (!result.accepted || result.agreement.kind !== 'promise') throw new Error('unreachable');
    const dates = result.agreement.parts.map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
    expect(result.agreement.parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(
      parts.reduce((s, p) => s + p.amountMinor, 0),
    );
  });

  it.each<[string, PromisePart[], unknown[], PromisePart[]]>([
    [
      'a date 45 days out → the latest allowed date',
      [{ date: '2027-01-08', amountMinor: 485000 }],
      [['date_too_far', '2026-12-24']],
      [{ date: '2026-12-24', amountMinor: 485000 }],
    ],
    [
      'yesterday → today',
      [{ date: '2026-11-23', amountMinor: 100000 }],
      [['date_in_past', '2026-11-24']],
      [{ date: '2026-11-24', amountMinor: 100000 }],
    ],
    [
      'a token payment → the smallest partial',
      [{ date: '2026-11-27', amountMinor: 100 }],
      [['amount_too_small', 19400]],
      [{ date: '2026-11-27', amountMinor: 19400 }],
    ],
    [
      'a small first part → raised, the rest reduced to what is left',
      [
        { date: '2026-11-27', amountMinor: 5000 },
        { date: '2026-12-20', amountMinor: 480000 },
      ],
      [['amount_too_small', 19400]],
      [
        { date: '2026-11-27', amountMinor: 19400 },
        { date: '2026-12-20', amountMinor: 465600 },
      ],
    ],
    [
      'a small last part that does not clear the balance',
      [
        { date: '2026-11-27', amountMinor: 100000 },
        { date: '2026-12-01', amountMinor: 1000 },
      ],
      [['amount_too_small', 19400]],
      [
        { date: '2026-11-27', amountMinor: 100000 },
        { date: '2026-12-01', amountMinor: 19400 },
      ],
    ],
    [
      'parts above the balance → cut where they reach it',
      [
        { date: '2026-11-27', amountMinor: 300000 },
        { date: '2026-12-10', amountMinor: 300000 },
        { date: '2026-12-20', amountMinor: 300000 },
      ],
      [['amount_above_balance', 485000]],
      [
        { date: '2026-11-27', amountMinor: 300000 },
        { date: '2026-12-10', amountMinor: 185000 },
      ],
    ],
    [
      'every problem at once, each with its limit',
      [
        { date: '2026-11-01', amountMinor: 100 },
        { date: '2027-06-01', amountMinor: 600000 },
      ],
      [
        ['date_in_past', '2026-11-24'],
        ['amount_too_small', 19400],
        ['date_too_far', '2026-12-24'],
        ['amount_above_balance', 485000],
      ],
      [
        { date: '2026-11-24', amountMinor: 19400 },
        { date: '2026-12-24', amountMinor: 465600 },
      ],
    ],
  ])('refuses %s', (_, parts, refusals, counter) => {
    const result = check(parts);
    expect(codes(result)).toEqual(refusals);
    expect(result.accepted ? null : result.counter).toEqual({ kind: 'promise', parts: counter });
  });

  it('says every refusal in English and Spanish', () => {
    const result = check([{ date: '2027-01-08', amountMinor: 485000 }]);
    if (result.accepted) throw new Error('expected a refusal');
    expect(result.refusals[0]!.message).toContain('2026-12-24');
    expect(result.refusals[0]!.messageEs).toContain('2026-12-24');
    expect(result.refusals[0]!.messageEs).not.toBe(result.refusals[0]!.message);
  });

  it("takes today in the debtor's zone, not UTC", () => {
    // 05:00 UTC on the 25th is still the 24th in Mexico City, already the 25th in Madrid.
    const now = Date.parse('2026-11-25T05:00:00Z');
    const part = [{ date: '2026-11-24', amountMinor: 485000 }];
    const policy = offerPolicy();
    expect(checkProposal(offerAccount(), { kind: 'promise', parts: part }, policy, now).accepted).toBe(true);
    const madrid = offerAccount({ timeZone: 'Europe/Madrid', country: 'ES', currency: 'EUR' });
    expect(codes(checkProposal(madrid, { kind: 'promise', parts: part }, policy, now))).toEqual([
      ['date_in_past', '2026-11-25'],
    ]);
  });

  it.each<[string, PromisePart[]]>([
    ['no parts', []],
    ['a date that does not exist', [{ date: '2026-02-30', amountMinor: 100 }]],
    ['a fractional amount', [{ date: '2026-11-27', amountMinor: 10.5 }]],
    ['a zero amount', [{ date: '2026-11-27', amountMinor: 0 }]],
  ])('refuses %s as invalid, with no counter', (_, parts) => {
    expect(check(parts)).toMatchObject({ accepted: false, refusals: [{ code: 'invalid' }], counter: null });
  });

  it('refuses anything on an account that owes nothing', () => {
    const paid = offerAccount({ balanceMinor: 0 });
    expect(check([{ date: '2026-11-27', amountMinor: 100 }], paid)).toMatchObject({
      accepted: false,
      refusals: [{ code: 'invalid' }],
      counter: null,
    });
  });
});
