import type { FastifyInstance } from 'fastify';
import { principal, type Role } from '../../../shared/http/route-kit.js';
import { deliveryStatuses, type DeliveryStatus } from '../ports.js';
import type { Deliveries } from '../usecases/deliveries.js';
import { MAX_PREVIOUS_SECRET_HOURS, type Subscriptions } from '../usecases/subscriptions.js';
import { MAX_WEBHOOK_URL_LENGTH } from '../url-rules.js';
import { webhookEventTypes } from '../webhook-event-types.js';

/** Administrators manage subscriptions; compliance officers may also read them and their deliveries. */
const WRITERS: readonly Role[] = ['admin'];
const READERS: readonly Role[] = ['admin', 'compliance'];
const tags = ['webhooks'];

const url = { type: 'string', minLength: 1, maxLength: MAX_WEBHOOK_URL_LENGTH };
const events = {
  type: 'array',
  minItems: 1,
  maxItems: webhookEventTypes.length,
  items: { type: 'string', enum: [...webhookEventTypes] },
};
const description = { type: 'string', maxLength: 500 };
const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', maxLength: 100 } },
};

interface SubscriptionBody {
  url: string;
  events: string[];
  description?: string;
}
type Changes = Partial<Omit<SubscriptionBody, 'description'>> & {
  description?: string | null;
  enabled?: boolean;
};

export default async function webhookRoutes(
  app: FastifyInstance,
  deps: { subscriptions: Subscriptions; deliveries: Deliveries },
) {
  const { subscriptions, deliveries } = deps;

  app.post<{ Body: SubscriptionBody }>(
    '/v1/webhook-subscriptions',
    {
      config: { roles: WRITERS },
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the signing secret (whsec_…) is returned once',
        body: {
          type: 'object',
          required: ['url', 'events'],
          additionalProperties: false,
          properties: { url, events, description },
        },
      },
    },
    async (req, reply) => reply.status(201).send(await subscriptions.create(principal(req).orgId, req.body)),
  );

  app.get(
    '/v1/webhook-subscriptions',
    { config: { roles: READERS }, schema: { tags, summary: "The organisation's webhook subscriptions" } },
    async (req) => ({ items: await subscriptions.list(principal(req).orgId) }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/webhook-subscriptions/:id',
    { config: { roles: READERS }, schema: { tags, summary: 'One webhook subscription', params: idParams } },
    async (req) => subscriptions.get(principal(req).orgId, req.params.id),
  );

  app.patch<{ Params: { id: string }; Body: Changes }>(
    '/v1/webhook-subscriptions/:id',
    {
      config: { roles: WRITERS },
      schema: {
        tags,
        summary: 'Change the URL, the events, the description, or enable / disable it',
        params: idParams,
        body: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: {
            url,
            events,
            description: { type: ['string', 'null'], maxLength: 500 },
            enabled: { type: 'boolean' },
          },
        },
      },
    },
    async (req) => subscriptions.update(principal(req).orgId, req.params.id, req.body),
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/webhook-subscriptions/:id',
    {
      config: { roles: WRITERS },
      schema: { tags, summary: 'Delete a subscription and its deliveries', params: idParams },
    },
    async (req, reply) => {
      await subscriptions.remove(principal(req).orgId, req.params.id);
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { previousValidHours?: number } }>(
    '/v1/webhook-subscriptions/:id/rotate-secret',
    {
      config: { roles: WRITERS },
      schema: {
        tags,
        summary:
          'A new signing secret (returned once); the old one also signs for previousValidHours (default 24)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            previousValidHours: { type: 'integer', minimum: 0, maximum: MAX_PREVIOUS_SECRET_HOURS },
          },
        },
      },
    },
    async (req) =>
      subscriptions.rotateSecret(principal(req).orgId, req.params.id, req.body.previousValidHours ?? 24),
  );

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
