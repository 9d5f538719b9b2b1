import { SaldoError } from '@saldo/core';
import { defaultOfferPolicy, parseOfferPolicy, type OfferPolicy } from '@saldo/core/offers';
import type { Clock } from '../../../shared/clock/clock.js';
import type { OfferPolicyStore, StoredOfferPolicy } from '../ports.js';

/** The policy in force for a scope and where it comes from. */
export interface PolicyInForce {
  source: 'portfolio' | 'organization' | 'default';
  /** The stored version in force; null for the built-in default. */
  version: number | null;
  createdBy: string | null;
  createdAt: string | null;
  policy: OfferPolicy;
}

const inForce = (source: 'portfolio' | 'organization', s: StoredOfferPolicy): PolicyInForce => ({
  source,
  version: s.version,
  createdBy: s.createdBy,
  createdAt: s.createdAt,
  policy: s.policy,
});
const builtIn: PolicyInForce = {
  source: 'default',
  version: null,
  createdBy: null,
  createdAt: null,
  policy: defaultOfferPolicy,
};

/**
 * Offer policies per organisation and portfolio: a portfolio's policy replaces the
 * organisation's; with none stored, `defaultOfferPolicy`. A save is validated in full (the stored
 * policy is unchanged when it is refused) and becomes a new version.
 */
export function createOfferPolicies(deps: { store: OfferPolicyStore; clock: Clock }) {
  const { store, clock } = deps;

  async function assertPortfolio(orgId: string, portfolioId: string): Promise<void> {
    if (!(await store.portfolioExists(orgId, portfolioId)))
      throw new SaldoError('not_found', `portfolio ${portfolioId} not found`);
  }

  async function organizationPolicy(orgId: string): Promise<PolicyInForce> {
    const org = await store.latest(orgId, null);
    return org ? inForce('organization', org) : builtIn;
  }

  return {
    /** The policy in force for a portfolio's accounts. */
    async policyFor(orgId: string, portfolioId: string): Promise<OfferPolicy> {
      const own = await store.latest(orgId, portfolioId);
      return own ? own.policy : (await organizationPolicy(orgId)).policy;
    },

    /** The policy in force for the organisation (portfolioId null) or a portfolio, with its source. */
    async current(orgId: string, portfolioId: string | null): Promise<PolicyInForce> {
      if (portfolioId === null) return organizationPolicy(orgId);
      await assertPortfolio(orgId, portfolioId);
      const own = await store.latest(orgId, portfolioId);
      return own ? inForce('portfolio', own) : organizationPolicy(orgId);
    },

    async save(
      orgId: string,
      portfolioId: string | null,
      input: unknown,
      by: string,
    ): Promise<StoredOfferPolicy> {
      const policy = parseOfferPolicy(input);
      if (portfolioId !== null) await assertPortfolio(orgId, portfolioId);
      return store.append(orgId, portfolioId, policy, by, clock.now());
    },

    async versions(orgId: string, portfolioId: string | null, limit: number): Promise<StoredOfferPolicy[]> {
      if (portfolioId !== null) await assertPortfolio(orgId, portfolioId);
      return store.versions(orgId, portfolioId, limit);
    },
  };
}
export type OfferPolicies = ReturnType<typeof createOfferPolicies>;
