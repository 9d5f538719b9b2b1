/**
 * What may be offered to a debtor now, for a bot to suggest and a portal to show: the promise
 * window, the most affordable plan of each allowed frequency, the settlement floor (when the
 * account's DPD band has one) and the hardship options. Every item, proposed back through
 * `proposalOf`, is accepted by `checkProposal` at the same instant.
 */
import { isPositiveInteger } from './arithmetic.js';
import { pauseAgreement } from './check-pause.js';
import { checkPlan } from './check-plan.js';
import { approvalBelowMinor, settlementAgreement } from './check-settlement.js';
import {
  latestPromiseDate,
  minPartialMinor,
  offerContext,
  planRulesFor,
  settlementFloorMinor,
  type OfferContext,
} from './context.js';
import type { Agreement, OfferAccount, OfferPolicy, Offers } from './types.js';

/**
 * @example
 * offersFor({ balanceMinor: 485000, currency: 'MXN', dpd: 120, timeZone: 'America/Mexico_City', country: 'MX' }, defaultOfferPolicy, now);
 * // promise until today + 30 from 485.00; 12 monthly of 404.17; settlement from 3,395.00 (70 %)
 */
export function offersFor(account: OfferAccount, policy: OfferPolicy, now: number): Offers {
  const ctx = offerContext(account, policy, now);
  const owed = isPositiveInteger(account.balanceMinor);
  const inHardship: OfferContext = { ...ctx, account: { ...account, hardship: true } };
  return {
    promise: {
      latestDate: latestPromiseDate(ctx),
      minAmountMinor: owed ? minPartialMinor(ctx) : 0,
      fullAmountMinor: owed ? account.balanceMinor : 0,
    },
    plans: owed ? affordablePlans(ctx) : [],
    settlement: owed ? settlementOffer(ctx) : null,
    hardship: {
      maxPauseUntil: pauseAgreement(ctx, policy.hardship.maxPauseDays).until,
      plans: owed ? affordablePlans(inHardship) : [],
      referral: policy.hardship.referral[account.country] ?? null,
    },
  };
}

/** For each allowed frequency, the plan with the most instalments (the smallest ones) allowed. */
function affordablePlans(ctx: OfferContext): Agreement[] {
  return planRulesFor(ctx).frequencies.flatMap((frequency) => {
    const check = checkPlan(ctx, { kind: 'plan', frequency });
    return check.accepted ? [check.agreement] : [];
  });
}

function settlementOffer(ctx: OfferContext): Offers['settlement'] {
  const floor = settlementFloorMinor(ctx);
  if (floor === null) return null;
  const { amountMinor, expires } = settlementAgreement(ctx, floor);
  return { minAmountMinor: amountMinor, expires, approvalBelowMinor: approvalBelowMinor(ctx) };
}
