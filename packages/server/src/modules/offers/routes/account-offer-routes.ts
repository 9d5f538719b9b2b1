import { parseProposal } from '@saldo/core/offers';
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import type { AccountOffers } from '../usecases/account-offers.js';

/** What may be offered on an account now, and a proposal's check (nothing is written). */
export default async function accountOfferRoutes(app: FastifyInstance, deps: { offers: AccountOffers }) {
  app.get<{ Params: { id: string } }>(
    '/v1/accounts/:id/offers',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['offers'],
        summary:
          'What may be offered on the account now under the policy in force: the promise window, the plans, the settlement floor, the hardship options',
      },
    },
    async (req) => deps.offers.offersFor(principal(req).orgId, req.params.id),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/accounts/:id/offers/check',
    {
      config: { roles: ALL_ROLES, audit: false },
      schema: {
        tags: ['offers'],
        summary:
          'Check a proposal (promise, plan, settlement or pause) against the policy in force: accepted with the whole agreement, or refused with every refusal and the closest allowed counter-offer. Writes nothing.',
        body: { type: 'object', description: 'A Proposal (docs/offers.md)' },
      },
    },
    async (req) => deps.offers.check(principal(req).orgId, req.params.id, parseProposal(req.body)),
  );
}
