/**
 * What every check works from: the account, the policy in force, and the debtor's today.
 */
import { ceilShare } from './arithmetic.js';
import { addCivilDays } from '../calendar/civil.js';
import { debtorToday } from './dates.js';
import type { OfferAccount, OfferPolicy, PlanRules } from './types.js';

export interface OfferContext {
  account: OfferAccount;
  policy: OfferPolicy;
  /** The debtor's calendar date now. */
  today: string;
}

export function offerContext(account: OfferAccount, policy: OfferPolicy, now: number): OfferContext {
  return { account, policy, today: debtorToday(now, account.timeZone) };
}

/** The latest date a promise may name. */
export function latestPromiseDate(ctx: OfferContext): string {
  return addCivilDays(ctx.today, ctx.policy.promises.maxDaysAhead);
}

/** The smallest partial payment: a share of the balance, at least one minor unit. */
export function minPartialMinor(ctx: OfferContext): number {
  return Math.max(1, ceilShare(ctx.account.balanceMinor, ctx.policy.promises.minPartialBps));
}

/** The plan rules for this debtor: the hardship plan when hardship was declared. */
export function planRulesFor(ctx: OfferContext): PlanRules {
  return ctx.account.hardship === true ? ctx.policy.hardship.plan : ctx.policy.plans;
}

/**
 * The smallest settlement for the account's DPD band (its floor's share of the balance, at least
 * one minor unit); null when the band offers no settlement.
 */
export function settlementFloorMinor(ctx: OfferContext): number | null {
  let floorBps: number | null = null;
  for (const band of ctx.policy.settlements.bands)
    if (ctx.account.dpd >= band.fromDpd) floorBps = band.floorBps;
  return floorBps === null ? null : Math.max(1, ceilShare(ctx.account.balanceMinor, floorBps));
}
