import { describe, expect, it } from 'vitest';
import { builtinPacks } from '../compliance/packs/index.js';
import { offersFor } from './offers-for.js';
import { OFFER_NOW, offerAccount, offerPolicy } from './testing.js';

const planSummary = (p: unknown) => {
  const a = p as { frequency: string; installments: { due: string; amountMinor: number }[] };
  return [a.frequency, a.installments.length, a.installments[0]!.amountMinor, a.installments[0]!.due];
};

describe('offersFor', () => {
  it('offers a 12 DPD account a promise window and a plan, no settlement', () => {
    const offers = offersFor(offerAccount(), offerPolicy(), OFFER_NOW);
    expect(offers.promise).toEqual({
      latestDate: '2026-12-24',
      minAmountMinor: 19400,
      fullAmountMinor: 485000,
    });
    expect(offers.plans.map(planSummary)).toEqual([['monthly', 12, 40417, '2026-12-09']]);
    expect(offers.settlement).toBeNull();
  });

  it('offers a settlement from the DPD band floor, open 14 days, with the approval threshold', () => {
    expect(offersFor(offerAccount({ dpd: 120 }), offerPolicy(), OFFER_NOW).settlement).toEqual({
      minAmountMinor: 339500,
      expires: '2026-12-08',
      approvalBelowMinor: 315250,
    });
    expect(offersFor(offerAccount({ dpd: 200 }), offerPolicy(), OFFER_NOW).settlement?.minAmountMinor).toBe(
      291000,
    );
  });

  it('offers the hardship options: a pause, the longer plans, the referral of the debtor country', () => {
    const { hardship } = offersFor(offerAccount(), offerPolicy(), OFFER_NOW);
    expect(hardship.maxPauseUntil).toBe('2026-12-24');
    expect(hardship.plans.map(planSummary)).toEqual([
      ['fortnightly', 24, 20209, '2026-12-24'],
      ['monthly', 24, 20209, '2026-12-24'],
    ]);
    expect(hardship.referral?.es).toContain('CONDUSEF');
    expect(hardship.referral?.en).toContain('CONDUSEF');
  });

  it('gives a debtor in hardship the hardship plans as the plans', () => {
    const offers = offersFor(offerAccount({ hardship: true }), offerPolicy(), OFFER_NOW);
    expect(offers.plans).toEqual(offers.hardship.plans);
  });

  it('has no referral for a country the policy does not list', () => {
    expect(offersFor(offerAccount({ country: 'FR' }), offerPolicy(), OFFER_NOW).hardship.referral).toBeNull();
  });

  it('offers nothing to pay on an account that owes nothing', () => {
    const offers = offersFor(offerAccount({ balanceMinor: 0, dpd: 200 }), offerPolicy(), OFFER_NOW);
    expect(offers.promise).toMatchObject({ minAmountMinor: 0, fullAmountMinor: 0 });
    expect(offers.plans).toEqual([]);
    expect(offers.settlement).toBeNull();
    expect(offers.hardship.plans).toEqual([]);
  });
});

describe('defaultOfferPolicy referrals', () => {
  it('cover every country with a compliance pack, and Argentina, in Spanish and English', () => {
    const { referral } = offerPolicy().hardship;
    const packCountries = builtinPacks.map((p) => p.jurisdiction.country).filter((c) => c !== '*');
    expect(packCountries.length).toBeGreaterThan(5);
    for (const country of [...new Set(packCountries), 'AR']) {
      expect(referral[country]?.es.length, country).toBeGreaterThan(20);
      expect(referral[country]?.en.length, country).toBeGreaterThan(20);
    }
  });
});
