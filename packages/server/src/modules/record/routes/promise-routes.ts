import { isSaldoError, SaldoError } from '@saldo/core';
import { parseProposal, type Proposal } from '@saldo/core/offers';
import { promiseChannels } from '@saldo/core/record';
import type { FastifyInstance } from 'fastify';
import { principal } from '../../../shared/http/route-kit.js';
import { OfferRefused } from '../usecases/offer-refused.js';
import type { RecordService } from '../usecases/record.js';
import { sendOfferRefused } from './offer-refused-problem.js';
import { strictMinorUnits } from './strict-minor-units.js';

/** Promises, plans and settlement offers an agent records: all through the offer gate. */
export default async function promiseRoutes(app: FastifyInstance, deps: { record: RecordService }) {
  app.post<{ Params: { id: string }; Body: { amountMinor: number; dueDate: string; channel?: string } }>(
    '/v1/accounts/:id/promises',
    {
      config: { roles: ['admin', 'agent'] },
      preValidation: strictMinorUnits(['amountMinor']),
      schema: {
        tags: ['payments'],
        summary:
          'Record a promise to pay (amount and date). Checked against the offer policy in force: refused → 422 with every refusal and the closest allowed counter-offer.',
        body: {
          type: 'object',
          required: ['amountMinor', 'dueDate'],
          additionalProperties: false,
          properties: {
            amountMinor: { type: 'integer', minimum: 1 },
            dueDate: { type: 'string', format: 'date' },
            channel: { type: 'string', enum: [...promiseChannels] },
          },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      try {
        const created = await deps.record.createPromise(p.orgId, {
          accountId: req.params.id,
          ...req.body,
          actor: 'agent',
        });
        return reply.status(201).send(created);
      } catch (e) {
        if (!(e instanceof OfferRefused)) throw e;
        return sendOfferRefused(reply, e);
      }
    },
  );

  app.post<{ Params: { id: string }; Body: { proposal: unknown; channel?: string } }>(
    '/v1/accounts/:id/agreements',
    {
      config: { roles: ['admin', 'agent'] },
      schema: {
        tags: ['payments'],
        summary:
          'Record a promise (one or more dated parts), a payment plan, a settlement offer or a pause of collection (hardship), through the offer gate: 201 with the agreement written (a plan with its schedule), or 422 with the refusals and the counter-offer.',
        body: {
          type: 'object',
          required: ['proposal'],
          additionalProperties: false,
          properties: {
            proposal: {
              type: 'object',
              description: 'A Proposal: promise, plan, settlement or pause (docs/offers.md)',
            },
            channel: { type: 'string', enum: [...promiseChannels] },
          },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const r = await deps.record.commitAgreement(p.orgId, {
        accountId: req.params.id,
        proposal: proposalIn(req.body.proposal),
        actor: 'agent',
        ...(req.body.channel ? { channel: req.body.channel } : {}),
      });
      if (!r.accepted) return sendOfferRefused(reply, r);
      return reply.status(201).send(r);
    },
  );
}

/** The body's proposal, strictly; its issues are named from the body (`proposal.parts.0.date`). */
function proposalIn(input: unknown): Proposal {
  try {
    return parseProposal(input);
  } catch (e) {
    if (!isSaldoError(e)) throw e;
    const issues = e.issues.map((i) => ({
      ...i,
      path: i.path === '(root)' ? 'proposal' : `proposal.${i.path}`,
    }));
    throw new SaldoError(e.kind, e.message, issues);
  }
}
