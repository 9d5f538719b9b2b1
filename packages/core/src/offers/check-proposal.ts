/**
 * The one gate (ADR 0009): every promise, plan, settlement and pause Saldo writes — from the bot,
 * an agent, the portal or a model — is the agreement `checkProposal` accepted, or the counter it
 * offered and then accepted. Refused: every refusal with the policy's limit, and the allowed
 * agreement closest to the proposal in the debtor's terms.
 */
import { civilDaysBetween } from '../calendar/civil.js';
import { assertUnreachable } from '../errors/index.js';
import { isPositiveInteger } from './arithmetic.js';
import { checkPause } from './check-pause.js';
import { checkPlan } from './check-plan.js';
import { checkPromise } from './check-promise.js';
import { checkSettlement } from './check-settlement.js';
import { offerContext } from './context.js';
import { debtorToday } from './dates.js';
import { invalid } from './refusals.js';
import type { Agreement, OfferAccount, OfferPolicy, Proposal, ProposalCheck } from './types.js';

/**
 * Checks a proposal against the policy in force at instant `now` (epoch ms); "today" is the
 * debtor's date in `account.timeZone`.
 *
 * @example
 * checkProposal(account, { kind: 'plan', frequency: 'monthly', installmentMinor: 30000 }, defaultOfferPolicy, now);
 * // on a 4,850.00 balance: refused, too_many_installments (17 > 12); counter: 12 monthly of 404.17
 */
export function checkProposal(
  account: OfferAccount,
  proposal: Proposal,
  policy: OfferPolicy,
  now: number,
): ProposalCheck {
  if (!isPositiveInteger(account.balanceMinor))
    return {
      accepted: false,
      refusals: [invalid('Nothing is owed on this account', 'No hay saldo pendiente en esta cuenta')],
      counter: null,
    };
  const ctx = offerContext(account, policy, now);
  switch (proposal.kind) {
    case 'promise':
      return checkPromise(ctx, proposal.parts);
    case 'plan':
      return checkPlan(ctx, proposal);
    case 'settlement':
      return checkSettlement(ctx, proposal.amountMinor);
    case 'pause':
      return checkPause(ctx, proposal.days);
    default:
      return assertUnreachable(proposal, 'proposal kind');
  }
}

/**
 * The proposal that states an agreement exactly, for taking up a counter-offer or an offer (a
 * debtor who says "yes" to it): checking it again at the same `now` accepts the same agreement.
 *
 * @example
 * const check = checkProposal(account, proposal, policy, now);
 * if (!check.accepted && check.counter) checkProposal(account, proposalOf(check.counter, account, now), policy, now);
 */
export function proposalOf(agreement: Agreement, account: OfferAccount, now: number): Proposal {
  switch (agreement.kind) {
    case 'promise':
      return { kind: 'promise', parts: agreement.parts.map((p) => ({ ...p })) };
    case 'plan': {
      const first = agreement.installments[0];
      if (first === undefined) throw new RangeError('a plan has at least one instalment');
      return {
        kind: 'plan',
        frequency: agreement.frequency,
        installmentMinor: first.amountMinor,
        installments: agreement.installments.length,
        firstDue: first.due,
      };
    }
    case 'settlement':
      return { kind: 'settlement', amountMinor: agreement.amountMinor };
    case 'pause':
      return { kind: 'pause', days: civilDaysBetween(debtorToday(now, account.timeZone), agreement.until) };
    default:
      return assertUnreachable(agreement, 'agreement kind');
  }
}
