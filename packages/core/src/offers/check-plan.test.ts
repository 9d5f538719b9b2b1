import { describe, expect, it } from 'vitest';
import { checkProposal } from './check-proposal.js';
import { OFFER_NOW, offerAccount, offerPolicy } from './testing.js';
import type { Agreement, OfferAccount, OfferPolicy, Proposal, ProposalCheck } from './types.js';

// Today in Mexico City is 2026-11-24; a plan's first instalment falls due by 2026-12-09 (15 days)
// and, when the debtor names no date, on that day. The balance is 4,850.00 MXN.
type PlanProposal = Extract<Proposal, { kind: 'plan' }>;
const check = (p: Omit<PlanProposal, 'kind'>, account = offerAccount(), policy = offerPolicy()) =>
  checkProposal(account, { kind: 'plan', ...p }, policy, OFFER_NOW);

const codes = (c: ProposalCheck) => (c.accepted ? [] : c.refusals.map((r) => [r.code, r.limit]));

/** A plan agreement in short: frequency, count, first and last instalment, first and last date. */
function summary(a: Agreement | null) {
  if (a?.kind !== 'plan') return a;
  const first = a.installments[0]!;
  const last = a.installments[a.installments.length - 1]!;
  return [a.frequency, a.installments.length, first.amountMinor, last.amountMinor, first.due, last.due];
}

describe('checkProposal: plans', () => {
  it('"300 a month" on 4,850 is 17 instalments, too many: the counter is 12 at ⌈4,850 / 12⌉', () => {
    const result = check({ frequency: 'monthly', installmentMinor: 30000 });
    expect(codes(result)).toEqual([['too_many_installments', 12]]);
    expect(summary(result.accepted ? null : result.counter)).toEqual([
      'monthly',
      12,
      40417,
      40413,
      '2026-12-09',
      '2027-11-09',
    ]);
  });

  it('keeps the instalment the debtor named when it is allowed; the last one takes the rest', () => {
    const result = check({ frequency: 'monthly', installmentMinor: 50000 });
    expect(result.accepted).toBe(true);
    expect(summary(result.accepted ? result.agreement : null)).toEqual([
      'monthly',
      10,
      50000,
      35000,
      '2026-12-09',
      '2027-09-09',
    ]);
  });

  it('fills in the count: 6 instalments, the total exact', () => {
    const result = check({ frequency: 'monthly', installments: 6, firstDue: '2026-11-30' });
    if (!result.accepted || result.agreement.kind !== 'plan') throw new Error('expected a plan');
    expect(result.agreement.installments.map((i) => i.due)).toEqual([
      '2026-11-30',
      '2026-12-30',
      '2027-01-30',
      '2027-02-28',
      '2027-03-30',
      '2027-04-30',
    ]);
    expect(result.agreement.installments.map((i) => i.amountMinor)).toEqual([
      80834, 80834, 80834, 80834, 80834, 80830,
    ]);
    expect(result.agreement.totalMinor).toBe(485000);
  });

  it('with no terms, proposes the longest plan allowed', () => {
    const result = check({ frequency: 'monthly' });
    expect(summary(result.accepted ? result.agreement : null)).toEqual([
      'monthly',
      12,
      40417,
      40413,
      '2026-12-09',
      '2027-11-09',
    ]);
  });

  it.each<[string, Omit<PlanProposal, 'kind'>, unknown[], unknown[]]>([
    [
      'a weekly plan where only monthly is offered → monthly, the instalment translated',
      { frequency: 'weekly', installmentMinor: 10000 },
      [
        ['frequency_not_allowed', 'monthly'],
        ['installment_too_small', 19400],
        ['too_many_installments', 12],
      ],
      ['monthly', 12, 42857, 13573, '2026-12-09', '2027-11-09'],
    ],
    [
      'a first instalment too late → the latest allowed date',
      { frequency: 'monthly', installments: 6, firstDue: '2027-01-15' },
      [['first_due_too_late', '2026-12-09']],
      ['monthly', 6, 80834, 80830, '2026-12-09', '2027-05-09'],
    ],
    [
      'a first instalment in the past → today',
      { frequency: 'monthly', installments: 6, firstDue: '2026-11-20' },
      [['date_in_past', '2026-11-24']],
      ['monthly', 6, 80834, 80830, '2026-11-24', '2027-04-24'],
    ],
    [
      'terms that do not add up, too small and too many → the instalment raised',
      { frequency: 'monthly', installmentMinor: 10000, installments: 12 },
      [
        ['plan_total_mismatch', undefined],
        ['installment_too_small', 19400],
        ['too_many_installments', 12],
      ],
      ['monthly', 12, 40417, 40413, '2026-12-09', '2027-11-09'],
    ],
    [
      'an instalment above the balance → one instalment of the balance',
      { frequency: 'monthly', installmentMinor: 600000 },
      [['amount_above_balance', 485000]],
      ['monthly', 1, 485000, 485000, '2026-12-09', '2026-12-09'],
    ],
    [
      'a count of 20 → the most allowed',
      { frequency: 'monthly', installments: 20 },
      [['too_many_installments', 12]],
      ['monthly', 12, 40417, 40413, '2026-12-09', '2027-11-09'],
    ],
  ])('refuses %s', (_, proposal, refusals, counter) => {
    const result = check(proposal);
    expect(codes(result)).toEqual(refusals);
    expect(summary(result.accepted ? null : result.counter)).toEqual(counter);
  });

  it('refuses a plan that lasts too long; the counter is held by the smallest instalment too', () => {
    const policy: OfferPolicy = offerPolicy({
      plans: { ...offerPolicy().plans, frequencies: ['weekly'], maxInstallments: 52, maxDurationDays: 180 },
    });
    const result = check({ frequency: 'weekly', installments: 30 }, offerAccount(), policy);
    expect(codes(result)).toEqual([
      ['installment_too_small', 19400],
      ['plan_too_long', 180],
    ]);
    // 26 weekly instalments would fit in 180 days, but ⌈4,850 / 26⌉ is under the 194.00 minimum.
    expect(summary(result.accepted ? null : result.counter)).toEqual([
      'weekly',
      25,
      19400,
      19400,
      '2026-12-09',
      '2027-05-26',
    ]);
  });

  it('a debtor in hardship gets the hardship plan: fortnightly, up to 24, first due within 30 days', () => {
    const hardship: OfferAccount = offerAccount({ hardship: true });
    const result = check({ frequency: 'fortnightly', installmentMinor: 30000 }, hardship);
    expect(summary(result.accepted ? result.agreement : null)).toEqual([
      'fortnightly',
      17,
      30000,
      5000,
      '2026-12-24',
      '2027-08-05',
    ]);
    expect(codes(check({ frequency: 'fortnightly', installmentMinor: 30000 }))).toContainEqual([
      'frequency_not_allowed',
      'monthly',
    ]);
  });

  it('refuses a balance too small to split into the count asked for', () => {
    const tiny = offerAccount({ balanceMinor: 10 });
    const policy = offerPolicy({ plans: { ...offerPolicy().plans, minInstallmentBps: 0 } });
    const result = check({ frequency: 'monthly', installments: 6 }, tiny, policy);
    expect(codes(result)).toEqual([['plan_total_mismatch', undefined]]);
    expect(summary(result.accepted ? null : result.counter)).toEqual([
      'monthly',
      5,
      2,
      2,
      '2026-12-09',
      '2027-04-09',
    ]);
  });

  it.each<[string, Omit<PlanProposal, 'kind'>]>([
    ['an unknown frequency', { frequency: 'daily' as 'weekly' }],
    ['a fractional instalment', { frequency: 'monthly', installmentMinor: 100.5 }],
    ['zero instalments', { frequency: 'monthly', installments: 0 }],
    ['a first date that does not exist', { frequency: 'monthly', firstDue: '2026-13-01' }],
  ])('refuses %s as invalid, with no counter', (_, proposal) => {
    expect(check(proposal)).toMatchObject({
      accepted: false,
      refusals: [{ code: 'invalid' }],
      counter: null,
    });
  });
});
