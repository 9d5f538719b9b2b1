import type { FastifyInstance } from 'fastify';
import { principal, type Role } from '../../../shared/http/route-kit.js';
import type { AuditEntry } from '../ports.js';
import type { AuditTrail } from '../usecases/audit-trail.js';

/** Compliance officers and administrators read the trail; nobody writes it over the API. */
const READERS: readonly Role[] = ['admin', 'compliance'];

function toWire(e: AuditEntry) {
  return { ...e, detail: JSON.parse(e.detail) as unknown };
}

export default async function auditRoutes(app: FastifyInstance, deps: { trail: AuditTrail }) {
  app.get<{ Querystring: { fromSeq: number; limit: number; action?: string; actorId?: string } }>(
    '/v1/audit',
    {
      config: { roles: READERS },
      schema: {
        tags: ['audit'],
        summary: "The organisation's audit trail, oldest first (page with fromSeq)",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            fromSeq: { type: 'integer', minimum: 1, default: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            action: { type: 'string', maxLength: 200 },
            actorId: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (req) => {
      const entries = await deps.trail.list(principal(req).orgId, req.query);
      const last = entries.at(-1);
      return {
        entries: entries.map(toWire),
        next: entries.length === req.query.limit && last ? last.seq + 1 : null,
      };
    },
  );

  app.get(
    '/v1/audit/verify',
    {
      config: { roles: READERS },
      schema: {
        tags: ['audit'],
        summary: "Recompute the organisation's hash chain: any edited, deleted or inserted entry is reported",
      },
    },
    async (req) => {
      const report = await deps.trail.verify(principal(req).orgId);
      return { ...report, intact: report.breaks.length === 0 };
    },
  );
}
