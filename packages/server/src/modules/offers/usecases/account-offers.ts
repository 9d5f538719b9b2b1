import { SaldoError } from '@saldo/core';
import { checkProposal, offersFor, type Offers, type Proposal, type ProposalCheck } from '@saldo/core/offers';
import type { Clock } from '../../../shared/clock/clock.js';
import type { OfferAccountSource } from '../ports.js';
import type { OfferPolicies } from './offer-policies.js';

/**
 * What may be offered on an account now, and whether a proposal would be accepted — the same
 * check the record's writers run under the account's lock, here without writing anything.
 */
export function createAccountOffers(deps: {
  accounts: OfferAccountSource;
  policies: OfferPolicies;
  clock: Clock;
}) {
  const { accounts, policies, clock } = deps;

  async function inputs(orgId: string, accountId: string) {
    const now = clock.now();
    const facts = await accounts.facts(orgId, accountId, now);
    if (!facts) throw new SaldoError('not_found', `account ${accountId} not found`);
    return { now, account: facts.account, policy: await policies.policyFor(orgId, facts.portfolioId) };
  }

  return {
    async check(orgId: string, accountId: string, proposal: Proposal): Promise<ProposalCheck> {
      const { now, account, policy } = await inputs(orgId, accountId);
      return checkProposal(account, proposal, policy, now.getTime());
    },

    async offersFor(orgId: string, accountId: string): Promise<Offers> {
      const { now, account, policy } = await inputs(orgId, accountId);
      return offersFor(account, policy, now.getTime());
    },
  };
}
export type AccountOffers = ReturnType<typeof createAccountOffers>;
