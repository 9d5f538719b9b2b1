import type { FastifyInstance } from 'fastify';
import type { CompliancePolicies } from '../usecases/compliance-policy.js';
import { ALL_ROLES } from '../../../shared/http/route-kit.js';
import { principal } from '../../../shared/http/route-kit.js';

export default async function compliancePolicyRoutes(
  app: FastifyInstance,
  deps: { policies: CompliancePolicies },
) {
  app.get(
    '/v1/compliance/policy',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['compliance'],
        summary: "The organization's own policy layer (null = the law packs alone)",
      },
    },
    async (req) => ({ policy: await deps.policies.get(principal(req).orgId) }),
  );

  app.put(
    '/v1/compliance/policy',
    {
      config: { roles: ['admin', 'compliance'] },
      schema: {
        tags: ['compliance'],
        summary: 'Replace the policy layer (quiet hours, weekly caps…); it can only make checks stricter',
        body: { type: 'object' },
      },
    },
    async (req) => {
      const p = principal(req);
      return { policy: await deps.policies.put(p.orgId, req.body, `${p.kind}:${p.subjectId}`) };
    },
  );

  app.delete(
    '/v1/compliance/policy',
    {
      config: { roles: ['admin', 'compliance'] },
      schema: { tags: ['compliance'], summary: 'Remove the policy layer' },
    },
    async (req, reply) => {
      await deps.policies.remove(principal(req).orgId);
      return reply.status(204).send();
    },
  );
}
