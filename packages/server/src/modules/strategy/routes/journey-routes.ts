import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, bodyLimits, principal } from '../../../shared/http/route-kit.js';
import { strategyIdParam, type StrategyRouteDeps } from './strategy-routes.js';

const WRITE = ['admin', 'strategist'] as const;
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

/** `/v1/journeys/*` and `/v1/accounts/:accountId/journey*`: enrolment, a journey's state, its preview. */
export default async function journeyRoutes(app: FastifyInstance, deps: StrategyRouteDeps) {
  const s = deps.strategies;

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
          properties: { strategyId: strategyIdParam.properties.id },
        },
      },
    },
    async (req) => s.preview(principal(req).orgId, req.params.accountId, req.query.strategyId),
  );
}
