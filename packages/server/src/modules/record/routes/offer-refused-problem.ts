import type { FastifyReply } from 'fastify';
import { problem, sendProblem } from '../../../shared/http/problem.js';
import type { Agreement, Refusal } from '@saldo/core/offers';

/**
 * A proposal the offer gate refused: well formed, but outside the policy in force. 422 with every
 * refusal (code, limit, English and Spanish message) and the closest allowed counter-offer.
 */
export function sendOfferRefused(
  reply: FastifyReply,
  r: { refusals: readonly Refusal[]; counter: Agreement | null },
) {
  const body = {
    ...problem(422, `refused by the offer policy: ${r.refusals.map((x) => x.message).join('; ')}`),
    type: 'https://saldo.dev/problems/offer-refused',
    title: 'Refused by the offer policy',
    refusals: r.refusals,
    counter: r.counter,
  };
  return sendProblem(reply, body);
}
