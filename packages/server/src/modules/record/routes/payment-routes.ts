import type { FastifyInstance } from 'fastify';
import type { RecordService } from '../usecases/record.js';
import { principal } from '../../../shared/http/route-kit.js';
import { strictMinorUnits } from './strict-minor-units.js';
import { PaymentAboveBalance } from '../usecases/payment-above-balance.js';
import { problem, sendProblem } from '../../../shared/http/problem.js';

export default async function paymentRoutes(app: FastifyInstance, deps: { record: RecordService }) {
  app.post<{
    Body: {
      accountId: string;
      amountMinor: number;
      currency: string;
      paidAt?: string;
      method?: string;
      externalId?: string;
    };
  }>(
    '/v1/payments',
    {
      config: { roles: ['admin', 'agent'] },
      preValidation: strictMinorUnits(['amountMinor']),
      schema: {
        tags: ['payments'],
        summary:
          'Record an external payment: the balance drops, a matching promise is kept, the status follows. Idempotent by externalId. A payment above the outstanding balance is refused (422).',
        body: {
          type: 'object',
          required: ['accountId', 'amountMinor', 'currency'],
          additionalProperties: false,
          properties: {
            accountId: { type: 'string', minLength: 1 },
            amountMinor: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
            paidAt: { type: 'string', format: 'date-time' },
            method: { type: 'string', maxLength: 50 },
            externalId: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      try {
        const r = await deps.record.recordPayment(p.orgId, {
          ...req.body,
          source: p.kind === 'api_key' ? `api_key:${p.subjectId}` : `user:${p.subjectId}`,
          actor: p.kind === 'api_key' ? 'system' : 'agent',
        });
        return reply.status(r.duplicate ? 200 : 201).send(r);
      } catch (e) {
        if (!(e instanceof PaymentAboveBalance)) throw e;
        // Well-formed, but the account cannot take it: 422 with its own problem type.
        return sendProblem(reply, {
          ...problem(422, e.message, e.issues),
          type: 'https://saldo.dev/problems/payment-above-balance',
          title: 'Payment above the outstanding balance',
        });
      }
    },
  );
}
