/**
 * The offer policy an organisation has until it stores its own (ADR 0009). Shares are basis
 * points of the balance at the time of the offer.
 */
import { defaultReferrals } from './referrals.js';
import type { OfferPolicy } from './types.js';

/**
 * - Promises: at most 30 days ahead; a partial payment of at least 4 % (a full one always):
 *   small enough that a debtor's real first step ("200 on Friday" on a 4,850 balance) goes
 *   through, large enough to refuse token payments that only buy time.
 * - Plans: monthly, at most 12 instalments and 365 days, instalments of at least 4 %, the first
 *   due within 15 days (a fortnight's pay cycle, common in Latin America, always falls inside).
 * - Settlements: none under 90 DPD, a 70 % floor at 90–179 DPD, 60 % from 180; open 14 days;
 *   a settlement under 65 % needs a person's approval: the deepest discounts, allowed only from
 *   180 DPD, are where a wrong offer costs most, while the ordinary range closes without waiting.
 * - Hardship: a pause of up to 30 days; a plan of up to 24 monthly or fortnightly instalments
 *   over at most two years, instalments of at least 2 %, the first due within 30 days; a
 *   referral to free help in the debtor's country.
 */
export const defaultOfferPolicy: OfferPolicy = {
  promises: { maxDaysAhead: 30, minPartialBps: 400 },
  plans: {
    frequencies: ['monthly'],
    maxInstallments: 12,
    maxDurationDays: 365,
    minInstallmentBps: 400,
    firstDueWithinDays: 15,
  },
  settlements: {
    bands: [
      { fromDpd: 0, floorBps: null },
      { fromDpd: 90, floorBps: 7000 },
      { fromDpd: 180, floorBps: 6000 },
    ],
    validDays: 14,
    approvalBelowBps: 6500,
  },
  hardship: {
    maxPauseDays: 30,
    plan: {
      frequencies: ['fortnightly', 'monthly'],
      maxInstallments: 24,
      maxDurationDays: 730,
      minInstallmentBps: 200,
      firstDueWithinDays: 30,
    },
    referral: defaultReferrals,
  },
};
