import type { FastifyInstance } from 'fastify';
import type { createComplianceChecker } from '../usecases/check-compliance.js';
import { bodyLimits } from '../../../shared/http/route-kit.js';

const MAX_ITEMS = 10_000;

function problem400(detail: string, errors: { path: string; message: string }[]) {
  return {
    type: 'https://saldo.dev/problems/validation',
    title: 'Invalid compliance check',
    status: 400,
    detail,
    errors,
  };
}

/**
 * `POST /v1/compliance/check`: the same contract as `saldo compliance check`. One object in →
 * one decision out (a malformed object → 400 problem+json); an array in → an array out, with
 * `{"id": null, "error": …}` for each malformed item. The caller organisation's own policy layer
 * (request.auth.orgId) is stacked on the law packs.
 */
export default async function complianceRoutes(
  app: FastifyInstance,
  deps: { complianceChecker: ReturnType<typeof createComplianceChecker> },
): Promise<void> {
  app.post(
    '/v1/compliance/check',
    {
      config: { roles: ['admin', 'strategist', 'agent', 'compliance'], audit: false },
      bodyLimit: bodyLimits.batch,
      schema: {
        tags: ['compliance'],
        summary:
          'Check outbound contacts against every applicable compliance pack (strictest wins); returns allowed, reasons and nextAllowedAt',
        body: {},
      },
      // The zod schema in @saldo/core/compliance validates, so every malformed body gets one shape.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const orgId = (request as { auth?: { orgId?: string } | null }).auth?.orgId ?? null;
      const body: unknown = request.body;
      if (Array.isArray(body)) {
        if (body.length > MAX_ITEMS) {
          return reply
            .code(400)
            .type('application/problem+json')
            .send(
              problem400(`at most ${MAX_ITEMS} contacts per request`, [
                { path: '(root)', message: `${body.length} items` },
              ]),
            );
        }
        return deps.complianceChecker.checkMany(body, orgId);
      }
      const r = await deps.complianceChecker.checkOne(body, orgId);
      if (!r.ok) {
        const errors = r.issues.map((i) => ({ path: i.path, message: i.message }));
        return reply
          .code(400)
          .type('application/problem+json')
          .send(
            problem400(
              `${errors.length} invalid field(s): ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
              errors,
            ),
          );
      }
      return r.decision;
    },
  );
}
