import type { FastifyInstance } from 'fastify';
import { principal, type Role } from '../../shared/http/route-kit.js';
import type { Privacy } from './usecases/privacy.js';
import { RETENTION_DAYS } from './usecases/privacy.js';

/** The data-protection officer's routes: admins and compliance officers only. */
const PRIVACY_ROLES: readonly Role[] = ['admin', 'compliance'];

const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/**
 * Access and erasure requests (GDPR Art. 15 / 17, ARCO, Ley 1581) and the organisation's retention
 * period (docs/privacy.md). The export is a read recorded on the audit trail; erasure and retention
 * changes are recorded as every change is.
 */
export default async function privacyRoutes(app: FastifyInstance, deps: { privacy: Privacy }) {
  app.get<{ Params: { id: string } }>(
    '/v1/debtors/:id/personal-data',
    {
      config: { roles: PRIVACY_ROLES, audit: true },
      schema: {
        tags: ['privacy'],
        summary:
          'Every personal datum held on the debtor (profile, contact points, consents, accounts, payments, agreements, disputes, the timeline opened, conversations with their turns, messages sent and received) as one JSON attachment; after an erasure, the facts kept and when the personal data was erased',
        params: idParams,
      },
    },
    async (req, reply) => {
      const doc = await deps.privacy.exportPersonalData(principal(req).orgId, req.params.id);
      void reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="personal-data-${req.params.id}.json"`);
      return doc;
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/v1/debtors/:id/erasure',
    {
      config: { roles: PRIVACY_ROLES },
      schema: {
        tags: ['privacy'],
        summary:
          "Erase the debtor's personal data (crypto-shredding): refused with 409 naming the accounts while one is still being collected; an erased debtor answers 200 with the first erasure's result (`repeated: true`)",
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: { reason: { type: 'string', minLength: 1, maxLength: 500 } },
        },
      },
    },
    async (req) => {
      const who = principal(req);
      return deps.privacy.erase(who.orgId, req.params.id, req.body.reason, {
        kind: who.kind,
        id: who.subjectId,
      });
    },
  );

  app.get(
    '/v1/privacy/retention',
    {
      config: { roles: PRIVACY_ROLES },
      schema: {
        tags: ['privacy'],
        summary: "The organisation's retention period in force (null: until erased on request)",
      },
    },
    async (req) => deps.privacy.retention(principal(req).orgId),
  );

  app.put<{ Body: { closedAccountDays: number | null } }>(
    '/v1/privacy/retention',
    {
      config: { roles: PRIVACY_ROLES },
      schema: {
        tags: ['privacy'],
        summary:
          'Set the retention period: debtors whose accounts have all been closed, paid or settled for longer are erased by the worker (a new version; null: keep until erased on request)',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['closedAccountDays'],
          properties: {
            closedAccountDays: {
              type: ['integer', 'null'],
              minimum: RETENTION_DAYS.min,
              maximum: RETENTION_DAYS.max,
            },
          },
        },
      },
    },
    async (req) => {
      const who = principal(req);
      return deps.privacy.setRetention(who.orgId, req.body.closedAccountDays, `${who.kind}:${who.subjectId}`);
    },
  );
}
