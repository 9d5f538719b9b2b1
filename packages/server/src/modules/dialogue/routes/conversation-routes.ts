import type { FastifyInstance } from 'fastify';
import { principal, type Role } from '../../../shared/http/route-kit.js';
import { apiTurnChannels, type ApiTurnChannel, type Conversations } from '../usecases/conversations.js';

/** Agents and admins work conversations; compliance reads them. */
const READERS: readonly Role[] = ['admin', 'agent', 'compliance'];
const WRITERS: readonly Role[] = ['admin', 'agent'];

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
} as const;

/** Conversations of an account or a debtor, one conversation, and a turn for a channel Saldo does not host. */
export default async function conversationRoutes(
  app: FastifyInstance,
  deps: { conversations: Conversations },
) {
  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/v1/accounts/:id/conversations',
    {
      config: { roles: READERS },
      schema: {
        tags: ['conversations'],
        summary: "The account's conversations with the bot, newest first, each with every turn of both sides",
        querystring: listQuery,
      },
    },
    async (req) => ({
      data: await deps.conversations.forAccount(principal(req).orgId, req.params.id, req.query.limit),
    }),
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/v1/debtors/:id/conversations',
    {
      config: { roles: READERS },
      schema: {
        tags: ['conversations'],
        summary: "The debtor's conversations (every account), newest first, each with its turns",
        querystring: listQuery,
      },
    },
    async (req) => ({
      data: await deps.conversations.forDebtor(principal(req).orgId, req.params.id, req.query.limit),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/conversations/:id',
    {
      config: { roles: READERS },
      schema: { tags: ['conversations'], summary: 'One conversation: the engine state, status and turns' },
    },
    async (req) => deps.conversations.get(principal(req).orgId, req.params.id),
  );

  app.post<{ Params: { id: string }; Body: { text: string; channel: ApiTurnChannel; key?: string } }>(
    '/v1/conversations/:id/turns',
    {
      config: { roles: WRITERS },
      schema: {
        tags: ['conversations'],
        summary:
          "A debtor's message on a channel Saldo does not host: run through the engine and written like any other turn (actions to the record, both sides on the timeline); returns the bot's replies for the caller to deliver, and the actions. `key` makes a retry return the first answer.",
        body: {
          type: 'object',
          required: ['text', 'channel'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', minLength: 1, maxLength: 2000 },
            channel: { type: 'string', enum: [...apiTurnChannels] },
            key: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await deps.conversations.turn(principal(req).orgId, req.params.id, req.body);
      return reply.status(out.duplicate ? 200 : 201).send(out);
    },
  );
}
