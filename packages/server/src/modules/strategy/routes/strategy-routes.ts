import type { FastifyInstance } from 'fastify';
import { migrationModes, type MigrationMode } from '@saldo/core/strategy';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import type { Strategies } from '../usecases/strategies.js';

/** What the strategy and journey routes need: the strategies use case (built by createStrategy). */
export interface StrategyRouteDeps {
  strategies: Strategies;
}

const WRITE = ['admin', 'strategist'] as const;
export const strategyIdParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^stg_[a-z0-9_]{1,60}$' } },
} as const;
/** `/v1/strategies*`: definitions, validation, drafts, publication and versions. */
export default async function strategyRoutes(app: FastifyInstance, deps: StrategyRouteDeps) {
  await strategyDraftRoutes(app, deps.strategies);
  await strategyVersionRoutes(app, deps.strategies);
}

/** List, validate, save a draft, publish. */
async function strategyDraftRoutes(app: FastifyInstance, s: Strategies) {
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
      config: { roles: ALL_ROLES, audit: false },
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
        params: strategyIdParam,
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
}

/** A strategy's versions, and one version's definition. */
async function strategyVersionRoutes(app: FastifyInstance, s: Strategies) {
  app.get<{ Params: { id: string } }>(
    '/v1/strategies/:id/versions',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['strategies'], summary: 'Versions of a strategy', params: strategyIdParam },
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
          properties: { id: strategyIdParam.properties.id, version: { type: 'integer', minimum: 1 } },
        },
      },
    },
    async (req) => s.get(principal(req).orgId, req.params.id, req.params.version),
  );
}
