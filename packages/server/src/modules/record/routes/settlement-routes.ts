import { promiseChannels } from '@saldo/core/record';
import type { FastifyInstance } from 'fastify';
import { principal } from '../../../shared/http/route-kit.js';
import type { RecordService } from '../usecases/record.js';

/** Settlement offers after the gate: approved by a person, accepted for the debtor. */
export default async function settlementRoutes(app: FastifyInstance, deps: { record: RecordService }) {
  app.post<{ Params: { id: string } }>(
    '/v1/settlement-offers/:id/approve',
    {
      config: { roles: ['admin', 'strategist'] },
      schema: {
        tags: ['payments'],
        summary:
          "Approve a settlement offer below the policy's approval share: it opens for the debtor (409 unless it awaits approval)",
      },
    },
    async (req) => {
      const p = principal(req);
      return deps.record.approveSettlementOffer(p.orgId, req.params.id, `${p.kind}:${p.subjectId}`);
    },
  );

  app.post<{ Params: { id: string }; Body: { channel?: string } }>(
    '/v1/settlement-offers/:id/accept',
    {
      config: { roles: ['admin', 'agent'] },
      schema: {
        tags: ['payments'],
        summary:
          'Record that the debtor accepted an open settlement offer: the settlement (409 when it is not open, has expired, or the balance changed since)',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { channel: { type: 'string', enum: [...promiseChannels] } },
        },
      },
    },
    async (req) =>
      deps.record.acceptSettlementOffer(principal(req).orgId, req.params.id, {
        actor: 'agent',
        ...(req.body?.channel ? { channel: req.body.channel } : {}),
      }),
  );
}
