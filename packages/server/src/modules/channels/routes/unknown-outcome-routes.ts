import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../shared/clock/clock.js';
import { principal, type Role } from '../../../shared/http/route-kit.js';
import type { UnknownOutcomeStore } from '../ports/unknown-outcomes.js';

/** The people who handle contacts: they read the doubtful ones; agents and admins decide. */
const READERS: readonly Role[] = ['admin', 'agent', 'compliance'];
const DECIDERS: readonly Role[] = ['admin', 'agent'];

const messageParam = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/**
 * `/v1/channels/unknown-outcomes`: messages whose provider never answered (ADR 0011), given up for
 * a person to decide whether they reached the debtor — and that decision.
 */
export async function unknownOutcomeRoutes(
  app: FastifyInstance,
  deps: { store: UnknownOutcomeStore; clock: Clock },
) {
  app.get<{ Querystring: { limit: number; after?: string } }>(
    '/v1/channels/unknown-outcomes',
    {
      config: { roles: READERS },
      schema: {
        tags: ['channels'],
        summary:
          'Messages whose provider call ended with no answer, waiting for a person to say whether they reached the debtor (in message id order; `next` for the following page)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            after: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
      },
    },
    async (req) => {
      const items = await deps.store.list(principal(req).orgId, req.query);
      const last = items.at(-1);
      return { items, next: items.length === req.query.limit && last ? last.messageId : null };
    },
  );

  app.post<{ Params: { id: string }; Body: { delivered: boolean; note: string } }>(
    '/v1/channels/unknown-outcomes/:id/resolution',
    {
      config: { roles: DECIDERS },
      schema: {
        tags: ['channels'],
        summary:
          'Say whether a message with an unknown outcome reached the debtor: delivered, it stays a contact; not delivered, it no longer counts against the contact caps. Noted on the timeline',
        params: messageParam,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['delivered', 'note'],
          properties: {
            delivered: { type: 'boolean' },
            note: { type: 'string', minLength: 1, maxLength: 500 },
          },
        },
      },
    },
    async (req) => {
      const who = principal(req);
      return deps.store.resolve(who.orgId, req.params.id, {
        delivered: req.body.delivered,
        note: req.body.note,
        by: who.subjectId,
        at: deps.clock.now(),
      });
    },
  );
}
