import type { FastifyInstance } from 'fastify';
import { migrationModes, type MigrationMode } from '@saldo/core/strategy';
import { ALL_ROLES, bodyLimits } from '../../shared/http/route-kit.js';
import { principal } from '../../shared/http/route-kit.js';
import type { Strategies } from './usecases/strategies.js';

/** What the strategy routes need: the strategies use case (from compose-engine's buildEngine). */
export interface StrategyRouteDeps {
  strategies: Strategies;
}

const WRITE = ['admin', 'strategist'] as const;
const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^stg_[a-z0-9_]{1,60}$' } },
} as const;
const accountParam = {
  type: 'object',
  required: ['accountId'],
  properties: { accountId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
const enrolBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    strategyId: { type: 'string', pattern: '^stg_[a-z0-9_]{1,60}$' },
    portfolioId: { type: 'string' },
    accountIds: { type: 'array', items: { type: 'string' }, maxItems: 100_000 },
    countries: { type: 'array', items: { type: 'string', pattern: '^[A-Z]{2}$' } },
    minDpd: { type: 'integer', minimum: 0 },
    maxDpd: { type: 'integer', minimum: 0 },
  },
} as const;
type EnrolBody = {
  strategyId?: string;
  portfolioId?: string;
  accountIds?: string[];
  countries?: string[];
  minDpd?: number;
  maxDpd?: number;
};

export default async function strategyRoutes(app: FastifyInstance, deps: StrategyRouteDeps) {
  const s = deps.strategies;

  app.get(
    '/v1/strategies',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['strategies'], summary: 'Strategies with their latest published version and draft' },
    },
    async (req) => ({ items: await s.list(principal(req).orgId) }),
  );

  app.post(
    '/v1/strategies/validate',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['strategies'],
        summary: 'Check a strategy definition: every violation at once (nothing is saved)',
        body: { type: 'object' },
      },
    },
    async (req) => {
      const v = s.validate(req.body);
      return { ok: v.ok, violations: v.violations };
    },
  );

  app.post(
    '/v1/strategies',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['strategies'],
        summary: 'Save a definition as the draft of the next version (400 with every violation if invalid)',
        body: { type: 'object' },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return s.create(principal(req).orgId, req.body);
    },
  );

  app.post<{ Params: { id: string }; Body: { mode: MigrationMode; definition?: unknown } }>(
    '/v1/strategies/:id/publish',
    {
      config: { roles: WRITE },
      schema: {
        tags: ['strategies'],
        summary:
          'Publish the draft (or the given definition) as a new version; running journeys move to it or finish on theirs',
        params: idParam,
        body: {
          type: 'object',
          required: ['mode'],
          additionalProperties: false,
          properties: { mode: { type: 'string', enum: [...migrationModes] }, definition: { type: 'object' } },
        },
      },
    },
    async (req) =>
      s.publish(principal(req).orgId, req.params.id, {
        mode: req.body.mode,
        ...(req.body.definition !== undefined ? { input: req.body.definition } : {}),
      }),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/strategies/:id/versions',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['strategies'], summary: 'Versions of a strategy', params: idParam },
    },
    async (req) => ({ items: await s.versions(principal(req).orgId, req.params.id) }),
  );

  app.get<{ Params: { id: string; version: number } }>(
    '/v1/strategies/:id/versions/:version',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['strategies'],
        summary: 'One version of a strategy (its definition)',
        params: {
          type: 'object',
          required: ['id', 'version'],
          properties: { id: idParam.properties.id, version: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (req) => s.get(principal(req).orgId, req.params.id, req.params.version),
  );

  app.post<{ Body: EnrolBody }>(
    '/v1/journeys/enrol',
    {
      config: { roles: WRITE },
      bodyLimit: bodyLimits.batch,
      schema: {
        tags: ['journeys'],
        summary:
          'Enrol collectable accounts (all, or by portfolio, ids, countries, DPD) in a strategy (default: stg_default)',
        body: enrolBody,
      },
    },
    async (req) => s.enrol(principal(req).orgId, req.body),
  );

  app.post<{ Body: { accountIds: string[] } }>(
    '/v1/journeys/unenrol',
    {
      config: { roles: WRITE },
      bodyLimit: bodyLimits.batch,
      schema: {
        tags: ['journeys'],
        summary: 'Stop the journeys of these accounts and cancel their queued contacts',
        body: {
          type: 'object',
          required: ['accountIds'],
          additionalProperties: false,
          properties: {
            accountIds: { type: 'array', minItems: 1, maxItems: 100_000, items: { type: 'string' } },
          },
        },
      },
    },
    async (req) => s.unenrol(principal(req).orgId, req.body.accountIds),
  );

  app.get<{ Params: { accountId: string } }>(
    '/v1/accounts/:accountId/journey',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['journeys'], summary: 'The journey state of an account', params: accountParam },
    },
    async (req) => s.journey(principal(req).orgId, req.params.accountId),
  );

  app.get<{ Params: { accountId: string }; Querystring: { strategyId?: string } }>(
    '/v1/accounts/:accountId/journey/preview',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['journeys'],
        summary:
          'What would happen to this account now, and why: segment, node, contacts and their compliance decision',
        params: accountParam,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { strategyId: idParam.properties.id },
        },
      },
    },
    async (req) => s.preview(principal(req).orgId, req.params.accountId, req.query.strategyId),
  );
}
