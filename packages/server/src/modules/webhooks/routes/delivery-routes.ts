import type { FastifyInstance } from 'fastify';
import { principal } from '../../../shared/http/route-kit.js';
import { deliveryStatuses, type DeliveryStatus } from '../ports.js';
import type { Deliveries } from '../usecases/deliveries.js';
import { idParams, READERS, tags, WRITERS } from './webhook-route-schemas.js';

export default async function deliveryRoutes(app: FastifyInstance, deps: { deliveries: Deliveries }) {
  const { deliveries } = deps;

  app.get<{
    Params: { id: string };
    Querystring: { status?: DeliveryStatus; limit: number; before?: string };
  }>(
    '/v1/webhook-subscriptions/:id/deliveries',
    {
      config: { roles: READERS },
      schema: {
        tags,
        summary: "A subscription's deliveries, newest event first (page with before=<eventId>)",
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...deliveryStatuses] },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            before: { type: 'string', pattern: '^evt_[0-9]{1,18}$' },
          },
        },
      },
    },
    async (req) => {
      const { status, limit, before } = req.query;
      const items = await deliveries.list(principal(req).orgId, req.params.id, {
        status,
        limit,
        beforeSeq: before === undefined ? undefined : Number(before.slice(4)),
      });
      const last = items.at(-1);
      return { items, next: items.length === limit && last ? last.eventId : null };
    },
  );

  app.post<{ Params: { id: string }; Body: { since: string } }>(
    '/v1/webhook-subscriptions/:id/replay',
    {
      config: { roles: WRITERS },
      schema: {
        tags,
        summary: "Queue again every event of the subscription's types recorded since a time",
        params: idParams,
        body: {
          type: 'object',
          required: ['since'],
          additionalProperties: false,
          properties: { since: { type: 'string', format: 'date-time' } },
        },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(await deliveries.replaySince(principal(req).orgId, req.params.id, new Date(req.body.since))),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/webhook-deliveries/:id/replay',
    { config: { roles: WRITERS }, schema: { tags, summary: 'Send one delivery again', params: idParams } },
    async (req, reply) =>
      reply.status(202).send(await deliveries.replay(principal(req).orgId, req.params.id)),
  );
}
