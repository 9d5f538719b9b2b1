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

  // The landing page. Anyone learns that Saldo is up; a caller the app authenticated (session cookie
  // or API key) also sees what their own organization holds. Nothing else is public.
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const ready = await deps.ready();
    const caller = req.auth;
    const signedIn = caller
      ? {
          storage: deps.storage,
          version: deps.version,
          summary: ready ? await deps.record.summary(caller.orgId) : null,
        }
      : null;
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', statusPageCsp)
      .header('vary', 'Authorization, Cookie')
      .send(renderStatusPage({ ready, signedIn }));
  });
}
