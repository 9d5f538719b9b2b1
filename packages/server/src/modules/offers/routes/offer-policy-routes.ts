import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import type { OfferPolicies } from '../usecases/offer-policies.js';

const versionsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
} as const;

/**
 * The offer policy of the organisation (`/v1/offers/policy`) and of a portfolio
 * (`/v1/portfolios/:id/offer-policy`): read by every role, saved by admins and strategists.
 */
export default async function offerPolicyRoutes(app: FastifyInstance, deps: { policies: OfferPolicies }) {
  const scopes = [
    { url: '/v1/offers/policy', portfolio: (_: { id?: string }) => null, what: "The organisation's" },
    {
      url: '/v1/portfolios/:id/offer-policy',
      portfolio: (p: { id?: string }) => p.id!,
      what: "A portfolio's",
    },
  ];
  for (const scope of scopes) {
    app.get<{ Params: { id?: string } }>(
      scope.url,
      {
        config: { roles: ALL_ROLES },
        schema: {
          tags: ['offers'],
          summary: `${scope.what} offer policy in force, with its source (portfolio, organisation or the built-in default) and version`,
        },
      },
      async (req) => deps.policies.current(principal(req).orgId, scope.portfolio(req.params)),
    );

    app.put<{ Params: { id?: string } }>(
      scope.url,
      {
        config: { roles: ['admin', 'strategist'] },
        schema: {
          tags: ['offers'],
          summary: `Save ${scope.what.toLowerCase()} offer policy as a new version; refused whole (400 naming every field) when invalid`,
          body: { type: 'object' },
        },
      },
      async (req) => {
        const p = principal(req);
        return deps.policies.save(p.orgId, scope.portfolio(req.params), req.body, `${p.kind}:${p.subjectId}`);
      },
    );

    app.get<{ Params: { id?: string }; Querystring: { limit: number } }>(
      `${scope.url}/versions`,
      {
        config: { roles: ALL_ROLES },
        schema: {
          tags: ['offers'],
          summary: `${scope.what} saved offer policy versions, newest first (who saved each and when)`,
          querystring: versionsQuery,
        },
      },
      async (req) => ({
        items: await deps.policies.versions(
          principal(req).orgId,
          scope.portfolio(req.params),
          req.query.limit,
        ),
      }),
    );
  }
}
