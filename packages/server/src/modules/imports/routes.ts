import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SaldoError } from '@saldo/core';
import { importColumns, type RawImportRow } from '@saldo/core/record';
import type { Imports } from './usecases/imports.js';
import { bodyLimits, principal, type Principal } from '../../shared/http/route-kit.js';
import { problem, sendProblem } from '../../shared/http/problem.js';

/**
 * The media types an import takes. Fastify validates a body against the schema of its content type
 * and parses others (text/plain) without one: anything else must be refused before the handler,
 * which reads `rows` from a JSON body or spools a CSV Buffer.
 */
const IMPORT_MEDIA_TYPE = /^\s*(application\/json|text\/csv|application\/csv)\s*(;|$)/i;

/** Refuses a body of any other media type with 415 before validation and the handler. */
async function importMediaTypeOnly(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!IMPORT_MEDIA_TYPE.test(req.headers['content-type'] ?? ''))
    await sendProblem(
      reply,
      problem(415, 'an import is JSON (application/json) or CSV (text/csv, ?portfolio=CODE)'),
    );
}

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

type ImportMode = 'all_or_nothing' | 'valid_rows';
type StartQuery = { portfolio?: string; mode?: ImportMode; currency?: string; country?: string };
type StartRequest = FastifyRequest<{ Body: JsonBody | Buffer; Querystring: StartQuery }>;

const WRITE = ['admin', 'strategist'] as const;

const startImportSchema = {
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
};

/** `/v1/imports*`: start an import (JSON rows or a CSV upload), read its status and errors. */
export default async function importRoutes(app: FastifyInstance, deps: ImportRouteDeps) {
  // CSV uploads arrive as a Buffer and are spooled to a temp file; only this module's routes take CSV.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.post<{ Body: JsonBody | Buffer; Querystring: StartQuery }>(
    '/v1/imports',
    {
      config: { roles: WRITE },
      bodyLimit: bodyLimits.import,
      preValidation: importMediaTypeOnly,
      schema: startImportSchema,
    },
    async (req, reply) => {
      const importId = Buffer.isBuffer(req.body)
        ? await startFromCsv(deps, req)
        : await startFromJson(deps, req);
      return reply
        .status(202)
        .header('location', `/v1/imports/${importId}`)
        .send({ importId, status: 'running' });
    },
  );
  await importReadRoutes(app, deps.imports);
}

const createdByOf = (p: Principal) => `${p.kind}:${p.subjectId}`;

/** A CSV body: spooled to a temp file, streamed from there, the file removed when the import ends. */
async function startFromCsv(deps: ImportRouteDeps, req: StartRequest): Promise<string> {
  const p = principal(req);
  if (!req.query.portfolio)
    throw new SaldoError('validation', 'a CSV import needs ?portfolio=CODE', [
      { path: 'portfolio', message: 'required' },
    ]);
  const spooled = await deps.spoolUpload(req.body as Buffer);
  const { importId } = await deps.imports.start(p.orgId, createdByOf(p), {
    portfolio: { code: req.query.portfolio, currency: req.query.currency, country: req.query.country },
    mode: req.query.mode ?? 'all_or_nothing',
    sourceName: 'upload.csv',
    csvPath: spooled.path,
    cleanup: spooled.cleanup,
  });
  return importId;
}

async function startFromJson(deps: ImportRouteDeps, req: StartRequest): Promise<string> {
  const p = principal(req);
  const body = req.body as JsonBody;
  const { importId } = await deps.imports.start(p.orgId, createdByOf(p), {
    portfolio: body.portfolio,
    mode: body.mode ?? 'all_or_nothing',
    sourceName: 'api.json',
    rows: body.rows.map(toRaw),
  });
  return importId;
}

async function importReadRoutes(app: FastifyInstance, imports: Imports) {
  app.get<{ Params: { id: string } }>(
    '/v1/imports/:id',
    {
      config: { roles: WRITE },
      schema: { tags: ['imports'], summary: 'Import status and counts' },
    },
    async (req) => imports.get(principal(req).orgId, req.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/v1/imports/:id/errors',
    {
      config: { roles: WRITE },
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
      await imports.get(orgId, req.params.id);
      return { items: await imports.errors(orgId, req.params.id, req.query) };
    },
  );
}
