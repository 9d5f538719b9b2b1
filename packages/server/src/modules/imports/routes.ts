import type { FastifyInstance } from 'fastify';
import { SaldoError } from '@saldo/core';
import { importColumns, type RawImportRow } from '@saldo/core/record';
import type { Imports } from './usecases/imports.js';
import { bodyLimits, principal } from '../../shared/http/route-kit.js';
import { problem, sendProblem } from '../../shared/http/problem.js';

/**
 * The media types an import takes. Fastify validates a body against the schema of its content type
 * and parses others (text/plain) without one: anything else must be refused before the handler,
 * which reads `rows` from a JSON body or spools a CSV Buffer.
 */
const IMPORT_MEDIA_TYPE = /^\s*(application\/json|text\/csv|application\/csv)\s*(;|$)/i;

const portfolioSchema = {
  type: 'object',
  required: ['code'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
    name: { type: 'string' },
    creditor: { type: 'string' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
} as const;
const rowSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    importColumns.map((c) => [c, { type: ['string', 'number', 'boolean', 'null'] }]),
  ),
};

type JsonBody = {
  portfolio: { code: string };
  mode?: 'all_or_nothing' | 'valid_rows';
  rows: Record<string, string | number | boolean | null>[];
};

function toRaw(r: JsonBody['rows'][number]): RawImportRow {
  const out: RawImportRow = {};
  for (const [k, v] of Object.entries(r))
    if (v !== null && v !== undefined) out[k as keyof RawImportRow] = String(v);
  return out;
}

export interface ImportRouteDeps {
  imports: Imports;
  /** Where uploaded CSV bodies are spooled before a streaming import. */
  spoolUpload(body: Buffer): Promise<{ path: string; cleanup(): Promise<void> }>;
}

export default async function importRoutes(app: FastifyInstance, deps: ImportRouteDeps) {
  // CSV uploads arrive as a Buffer and are spooled to a temp file; only this module's routes take CSV.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.post<{
    Body: JsonBody | Buffer;
    Querystring: {
      portfolio?: string;
      mode?: 'all_or_nothing' | 'valid_rows';
      currency?: string;
      country?: string;
    };
  }>(
    '/v1/imports',
    {
      config: { roles: ['admin', 'strategist'] },
      bodyLimit: bodyLimits.import,
      preValidation: async (req, reply) => {
        if (!IMPORT_MEDIA_TYPE.test(req.headers['content-type'] ?? ''))
          await sendProblem(
            reply,
            problem(415, 'an import is JSON (application/json) or CSV (text/csv, ?portfolio=CODE)'),
          );
      },
      schema: {
        tags: ['imports'],
        summary:
          'Start a portfolio import: JSON {portfolio, mode, rows[]} or a CSV body (Content-Type: text/csv, ?portfolio=CODE&mode=…). Answers 202 with the import id.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            portfolio: { type: 'string' },
            mode: { type: 'string', enum: ['all_or_nothing', 'valid_rows'] },
            currency: { type: 'string' },
            country: { type: 'string' },
          },
        },
        body: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['portfolio', 'rows'],
                additionalProperties: false,
                properties: {
                  portfolio: portfolioSchema,
                  mode: { type: 'string', enum: ['all_or_nothing', 'valid_rows'] },
                  rows: { type: 'array', maxItems: 200_000, items: rowSchema },
                },
              },
            },
            'text/csv': { schema: {} },
          },
        },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const createdBy = `${p.kind}:${p.subjectId}`;
      if (Buffer.isBuffer(req.body)) {
        if (!req.query.portfolio)
          throw new SaldoError('validation', 'a CSV import needs ?portfolio=CODE', [
            { path: 'portfolio', message: 'required' },
          ]);
        const spooled = await deps.spoolUpload(req.body);
        const { importId } = await deps.imports.start(p.orgId, createdBy, {
          portfolio: { code: req.query.portfolio, currency: req.query.currency, country: req.query.country },
          mode: req.query.mode ?? 'all_or_nothing',
          sourceName: 'upload.csv',
          csvPath: spooled.path,
          cleanup: spooled.cleanup,
        });
        return reply
          .status(202)
          .header('location', `/v1/imports/${importId}`)
          .send({ importId, status: 'running' });
      }
      const body = req.body as JsonBody;
      const { importId } = await deps.imports.start(p.orgId, createdBy, {
        portfolio: body.portfolio,
        mode: body.mode ?? 'all_or_nothing',
        sourceName: 'api.json',
        rows: body.rows.map(toRaw),
      });
      return reply
        .status(202)
        .header('location', `/v1/imports/${importId}`)
        .send({ importId, status: 'running' });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/imports/:id',
    {
      config: { roles: ['admin', 'strategist'] },
      schema: { tags: ['imports'], summary: 'Import status and counts' },
    },
    async (req) => deps.imports.get(principal(req).orgId, req.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/v1/imports/:id/errors',
    {
      config: { roles: ['admin', 'strategist'] },
      schema: {
        tags: ['imports'],
        summary: 'Row and field errors of an import',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => {
      const orgId = principal(req).orgId;
      await deps.imports.get(orgId, req.params.id);
      return { items: await deps.imports.errors(orgId, req.params.id, req.query) };
    },
  );
}
