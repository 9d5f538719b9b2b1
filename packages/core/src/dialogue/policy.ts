/**
 * The engine's one door to the offer policy: every promise, plan, settlement and pause it emits is
 * the agreement `checkProposal` accepted, checked again at the moment the debtor confirms it.
 *
 * Until the offer functions land in `core/offers`, this door is shut: every proposal is refused
 * with no counter-offer and nothing is offered, so the engine can never write an agreement.
 */
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

export function check(_s: StepState, _proposal: Proposal): ProposalCheck {
  return {
    accepted: false,
    refusals: [{ code: 'invalid', message: 'offers are not available yet' }],
    counter: null,
  };
}

export function currentOffers(s: StepState): Offers {
  return {
    promise: {
      latestDate: s.today,
      minAmountMinor: s.ctx.account.balanceMinor,
      fullAmountMinor: s.ctx.account.balanceMinor,
    },
    plans: [],
    settlement: null,
    hardship: { maxPauseUntil: s.today, plans: [], referral: null },
  };
}

export function recheck(s: StepState, agreement: Agreement): ProposalCheck {
  void agreement;
  return check(s, { kind: 'pause', days: 0 });
}
