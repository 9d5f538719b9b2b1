import type { FastifyInstance } from 'fastify';
import { NluParseInput, type NluResult } from '@saldo/core/nlu';
import { bodyLimits } from '../../shared/http/route-kit.js';

export interface NluRouteDeps {
  nlu: { parse(input: NluParseInput): NluResult | Promise<NluResult> };
}

function wire(r: NluResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    intent: r.intent,
    confidence: r.confidence,
    lang: r.lang,
    entities: r.entities,
  };
  if (r.secondary && r.secondary.length > 0) out.secondary = r.secondary;
  return out;
}

const inputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string' },
    lang: { type: 'string', enum: ['es', 'en'] },
    now: { type: 'string', description: 'local reference time, e.g. 2026-11-24T10:00:00' },
    timezone: { type: 'string', description: 'IANA zone, e.g. America/Mexico_City' },
  },
  required: ['text'],
} as const;

/**
 * `POST /v1/nlu/parse`: the same contract as `saldo nlu parse`, one object or an array of them.
 * The body is validated with the core zod schema (the JSON schema here documents it for OpenAPI).
 */
export default async function nluRoutes(app: FastifyInstance, deps: NluRouteDeps): Promise<void> {
  app.post(
    '/v1/nlu/parse',
    {
      config: { roles: ['admin', 'strategist', 'agent', 'compliance'], audit: false },
      bodyLimit: bodyLimits.nluBatch,
      schema: {
        tags: ['nlu'],
        summary: 'Understand debtor replies: intent, confidence, language and entities',
        body: { oneOf: [inputSchema, { type: 'array', items: inputSchema, maxItems: 1000 }] },
      },
      // Validation is the zod schema below, so malformed bodies get one problem+json shape.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      const body = request.body;
      const list = Array.isArray(body) ? body : [body];
      const errors: Array<{ path: string; message: string }> = [];
      const inputs: NluParseInput[] = [];
      list.forEach((item, i) => {
        const parsed = NluParseInput.safeParse(item);
        if (parsed.success) inputs.push(parsed.data);
        else
          for (const e of parsed.error.issues)
            errors.push({
              path: [...(Array.isArray(body) ? [i] : []), ...e.path].join('.') || '(root)',
              message: e.message,
            });
      });
      if (errors.length > 0 || (Array.isArray(body) && body.length > 1000)) {
        if (errors.length === 0) errors.push({ path: '(root)', message: 'at most 1000 items' });
        return reply
          .code(400)
          .type('application/problem+json')
          .send({
            type: 'https://saldo.dev/problems/validation',
            title: 'Invalid NLU request',
            status: 400,
            detail: `${errors.length} invalid field(s)`,
            errors,
          });
      }
      const results = await Promise.all(inputs.map(async (input) => wire(await deps.nlu.parse(input))));
      return Array.isArray(body) ? results : results[0];
    },
  );
}
