// The offers module: offer policies per organisation and portfolio (versioned, validated at save),
// what may be offered on an account, and the check of a proposal (ADR 0009). The record's writers
// run the same check under the account's lock with `policyFor`.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import { createRecordOfferAccounts } from './adapters/record-offer-accounts.js';
import { createSqlOfferPolicyStore } from './adapters/sql-offer-policy-store.js';
import accountOfferRoutes from './routes/account-offer-routes.js';
import offerPolicyRoutes from './routes/offer-policy-routes.js';
import { createAccountOffers, type AccountOffers } from './usecases/account-offers.js';
import { createOfferPolicies, type OfferPolicies } from './usecases/offer-policies.js';

export interface OffersModule {
  /** The policy in force for a portfolio's accounts (its own, else the organisation's, else the default). */
  policyFor: OfferPolicies['policyFor'];
  /** A proposal's check on an account, with the policy in force; writes nothing. */
  check: AccountOffers['check'];
  /** The offer policies: read, saved as versions. */
  policies: OfferPolicies;
  /** `check(orgId, accountId, proposal)` and `offersFor(orgId, accountId)`. */
  offers: AccountOffers;
  routes: RoutePlugin[];
}

export function createOffersModule(deps: { db: Db; clock: Clock }): OffersModule {
  const { db, clock } = deps;
  const policies = createOfferPolicies({ store: createSqlOfferPolicyStore(db), clock });
  const offers = createAccountOffers({ accounts: createRecordOfferAccounts(db), policies, clock });
  return {
    policyFor: policies.policyFor,
    check: offers.check,
    policies,
    offers,
    routes: [(app) => offerPolicyRoutes(app, { policies }), (app) => accountOfferRoutes(app, { offers })],
  };
}
