/**
 * The engine's one door to the offer policy: every promise, plan, settlement and pause it emits is
 * the agreement `checkProposal` accepted, checked again at the moment the debtor confirms it.
 */
import { checkProposal, offersFor, proposalOf } from '../offers/index.js';
import type { Agreement, OfferAccount, Offers, Proposal, ProposalCheck } from '../offers/types.js';
import type { StepState } from './step-state.js';

export function offerAccount(s: StepState): OfferAccount {
  const a = s.ctx.account;
  return {
    balanceMinor: a.balanceMinor,
    currency: a.currency,
    dpd: a.dpd,
    timeZone: a.timeZone,
    country: a.country,
    hardship: s.conv.signals.hardship,
  };
}

export function check(s: StepState, proposal: Proposal): ProposalCheck {
  return checkProposal(offerAccount(s), proposal, s.ctx.policy, s.ctx.now);
}

export function currentOffers(s: StepState): Offers {
  return offersFor(offerAccount(s), s.ctx.policy, s.ctx.now);
}

/** An agreement offered earlier, checked again now: the accepted one, or what the policy allows instead. */
export function recheck(s: StepState, agreement: Agreement): ProposalCheck {
  return check(s, proposalOf(agreement, offerAccount(s), s.ctx.now));
}
