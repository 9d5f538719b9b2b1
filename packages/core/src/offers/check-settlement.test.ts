import { describe, expect, it } from 'vitest';
import { checkProposal } from './check-proposal.js';
import { OFFER_NOW, offerAccount, offerPolicy } from './testing.js';
import type { ProposalCheck } from './types.js';

// Balance 4,850.00 MXN: the 70 % floor is 3,395.00, the 60 % floor 2,910.00, and a settlement
// under 65 % (3,152.50) needs a person's approval. Offers are open 14 days from 2026-11-24.
const settle = (amountMinor: number, dpd: number, balanceMinor = 485000): ProposalCheck =>
  checkProposal(
    offerAccount({ dpd, balanceMinor }),
    { kind: 'settlement', amountMinor },
    offerPolicy(),
    OFFER_NOW,
  );
const pause = (days: number, maxPauseDays = 30): ProposalCheck =>
  checkProposal(
    offerAccount(),
    { kind: 'pause', days },
    offerPolicy({ hardship: { ...offerPolicy().hardship, maxPauseDays } }),
    OFFER_NOW,
  );

const codes = (c: ProposalCheck) => (c.accepted ? [] : c.refusals.map((r) => [r.code, r.limit]));

describe('checkProposal: settlements', () => {
  it.each([
    [339500, 90, false],
    [339500, 179, false],
    [291000, 180, true],
    [315249, 400, true],
    [315250, 400, false],
    [485000, 120, false],
  ])('accepts %i at %i DPD (needs approval: %s), open 14 days', (amount, dpd, needsApproval) => {
    expect(settle(amount, dpd)).toEqual({
      accepted: true,
      agreement: { kind: 'settlement', amountMinor: amount, expires: '2026-12-08', needsApproval },
    });
  });

  it.each([0, 12, 89])('offers no settlement at %i DPD, and no counter', (dpd) => {
    const result = settle(485000, dpd);
    expect(codes(result)).toEqual([['settlement_not_offered', undefined]]);
    expect(result.accepted ? 'accepted' : result.counter).toBeNull();
  });

  it('refuses an amount under the floor; the counter is the floor', () => {
    const result = settle(300000, 120);
    expect(codes(result)).toEqual([['settlement_below_floor', 339500]]);
    expect(result.accepted ? null : result.counter).toEqual({
      kind: 'settlement',
      amountMinor: 339500,
      expires: '2026-12-08',
      needsApproval: false,
    });
  });

  it('rounds the floor up: 70 % of 10.01 is 7.007, so 7.00 is refused and 7.01 accepted', () => {
    expect(codes(settle(700, 120, 1001))).toEqual([['settlement_below_floor', 701]]);
    expect(settle(701, 120, 1001).accepted).toBe(true);
  });

  it('refuses more than the balance; the counter is the balance', () => {
    const result = settle(500000, 200);
    expect(codes(result)).toEqual([['amount_above_balance', 485000]]);
    expect(result.accepted ? null : result.counter).toMatchObject({ amountMinor: 485000 });
  });

  it('keeps exact amounts beyond 2^53 / 10000', () => {
    const balance = 9_000_000_000_000_001;
    const result = settle(6_300_000_000_000_000, 120, balance);
    expect(codes(result)).toEqual([['settlement_below_floor', 6_300_000_000_000_001]]);
  });
});

describe('checkProposal: pauses', () => {
  it('accepts a pause up to the longest, until today + days', () => {
    expect(pause(30)).toEqual({ accepted: true, agreement: { kind: 'pause', until: '2026-12-24' } });
    expect(pause(1)).toEqual({ accepted: true, agreement: { kind: 'pause', until: '2026-11-25' } });
  });

  it('refuses a longer pause; the counter is the longest allowed', () => {
    const result = pause(45);
    expect(codes(result)).toEqual([['pause_too_long', 30]]);
    expect(result.accepted ? null : result.counter).toEqual({ kind: 'pause', until: '2026-12-24' });
  });

  it('has no counter when the policy allows no pause', () => {
    expect(pause(1, 0)).toMatchObject({ accepted: false, counter: null });
  });

  it.each([0, -3, 2.5])('refuses %s days as invalid', (days) => {
    expect(pause(days)).toMatchObject({ accepted: false, refusals: [{ code: 'invalid' }], counter: null });
  });
});
