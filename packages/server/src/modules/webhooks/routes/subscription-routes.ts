import type { FastifyInstance } from 'fastify';
import { principal } from '../../../shared/http/route-kit.js';
import { MAX_PREVIOUS_SECRET_HOURS, type Subscriptions } from '../usecases/subscriptions.js';
import { description, events, idParams, READERS, tags, url, WRITERS } from './webhook-route-schemas.js';

interface SubscriptionBody {
  url: string;
  events: string[];
  description?: string;
}
type Changes = Partial<Omit<SubscriptionBody, 'description'>> & {
  description?: string | null;
  enabled?: boolean;
};

export default async function subscriptionRoutes(
  app: FastifyInstance,
  deps: { subscriptions: Subscriptions },
) {
  const { subscriptions } = deps;

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
}
