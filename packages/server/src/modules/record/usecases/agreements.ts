import { SaldoError } from '@saldo/core';
import { checkProposal, type Proposal } from '@saldo/core/offers';
import { canRecordPromise, terminalStatuses, type AccountStatus } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type {
  AccountStore,
  Actor,
  AgreementCommit,
  AgreementStore,
  OfferFacts,
  OfferPolicySource,
} from '../ports.js';
import { OfferRefused } from './offer-refused.js';
import { assertMinorUnits } from './payment-input.js';

export interface AgreementDeps {
  accounts: AccountStore;
  agreements: AgreementStore;
  offerPolicies: OfferPolicySource;
  clock: Clock;
}

/** A proposal to write: who made it, on which channel. */
export interface ProposalToCommit {
  accountId: string;
  /**
   * The proposal, or how to make it from the account's facts under its lock: a pause agreed
   * "until the 24th" becomes a number of days from the debtor's today.
   */
  proposal: Proposal | ((facts: OfferFacts) => Proposal);
  channel?: string;
  actor: Actor;
}

/**
 * Whether an account in `status` may take an agreement of `kind`: promises, plans and settlements
 * only while it is collected; a pause (holding contact) on any account not closed for good, a
 * disputed one included.
 */
function mayAgree(kind: Proposal['kind'], status: AccountStatus): boolean {
  if (kind === 'pause') return !(terminalStatuses as readonly string[]).includes(status);
  return canRecordPromise(status);
}

/**
 * Promises, plans, settlement offers and pauses enter the record only here, through the offer gate:
 * `checkProposal` with the policy in force for the account's portfolio, run under the account's
 * row lock in the transaction that writes the agreement (ADR 0009).
 */
export function createAgreements(deps: AgreementDeps) {
  const { accounts, agreements, offerPolicies, clock } = deps;

  /** Checks and, when accepted, writes; a refusal is a value with the counter-offer. */
  async function commit(orgId: string, p: ProposalToCommit): Promise<AgreementCommit> {
    const now = clock.now();
    const account = await accounts.get(orgId, p.accountId, now.toISOString().slice(0, 10));
    if (!account) throw new SaldoError('not_found', `account ${p.accountId} not found`);
    const policy = await offerPolicies.policyFor(orgId, account.portfolioId);
    const r = await agreements.commit(
      { orgId, accountId: p.accountId, channel: p.channel ?? null, actor: p.actor, now },
      (facts) => {
        const proposal = typeof p.proposal === 'function' ? p.proposal(facts) : p.proposal;
        if (!mayAgree(proposal.kind, facts.status))
          throw new SaldoError('conflict', `account is ${facts.status}: no ${proposal.kind} can be recorded`);
        return checkProposal(facts.account, proposal, policy, now.getTime());
      },
    );
    if (!r) throw new SaldoError('not_found', `account ${p.accountId} not found`);
    return r;
  }

  return {
    commit,

    /** One promise (amount, date): written when the gate accepts it, else `OfferRefused`. */
    async createPromise(
      orgId: string,
      p: { accountId: string; amountMinor: number; dueDate: string; channel?: string; actor: Actor },
    ): Promise<{ id: string }> {
      assertMinorUnits(p.amountMinor);
      const proposal: Proposal = {
        kind: 'promise',
        parts: [{ date: p.dueDate, amountMinor: p.amountMinor }],
      };
      const r = await commit(orgId, {
        accountId: p.accountId,
        proposal,
        actor: p.actor,
        ...(p.channel ? { channel: p.channel } : {}),
      });
      if (!r.accepted) throw new OfferRefused(r.refusals, r.counter);
      if (r.written.kind !== 'promise') throw new Error('a promise proposal wrote something else');
      return { id: r.written.promiseIds[0]! };
    },
  };
}
export type Agreements = ReturnType<typeof createAgreements>;
