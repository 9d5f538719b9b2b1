import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type ApiDeps } from '../../../shared/http/deps.js';
import { principal } from '../../../platform/http/build-app.js';
import { renderStatusPage } from './status-page.js';

export default async function statusRoutes(app: FastifyInstance, deps: ApiDeps) {
  app.get(
    '/v1/status',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['health'],
        summary:
          "What the caller's organization holds: accounts by country, bucket, status; balances by currency",
      },
    },
    async (req) => deps.record.summary(principal(req).orgId),
  );

  // The landing page: the platform is up and what it holds (aggregates only, no personal data).
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const ready = await deps.ready();
    const summary = ready && deps.statusOrgId ? await deps.record.summary(deps.statusOrgId) : null;
    return reply
      .type('text/html; charset=utf-8')
      .send(renderStatusPage({ ready, storage: deps.storage, version: deps.version, summary }));
  });
}
