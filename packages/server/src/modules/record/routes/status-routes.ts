import type { FastifyInstance } from 'fastify';
import { ALL_ROLES } from '../../../shared/http/route-kit.js';
import type { RecordService } from '../usecases/record.js';
import { principal } from '../../../shared/http/route-kit.js';
import { renderStatusPage, statusPageCsp } from './status-page.js';

export interface StatusRouteDeps {
  record: RecordService;
  ready(): Promise<boolean>;
  version: string;
  storage: 'pglite' | 'postgres';
  /** The organization whose aggregates the public status page shows (the default one). */
  statusOrgId?: string;
}

export default async function statusRoutes(app: FastifyInstance, deps: StatusRouteDeps) {
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
      .header('content-security-policy', statusPageCsp)
      .send(renderStatusPage({ ready, storage: deps.storage, version: deps.version, summary }));
  });
}
