import type { FastifyInstance } from 'fastify';
import { accountStatuses, buckets, type AccountStatus, type Bucket } from '@saldo/core/record';
import { ALL_ROLES } from '../../../shared/http/route-kit.js';
import type { RecordService } from '../usecases/record.js';
import { principal } from '../../../shared/http/route-kit.js';

const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  after: { type: 'string', maxLength: 64 },
} as const;
const timelineQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    after: { type: 'integer', minimum: 1 },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
  },
} as const;
type TimelineQ = { limit: number; after?: number; order: 'asc' | 'desc' };

export default async function recordRoutes(app: FastifyInstance, deps: { record: RecordService }) {
  app.get<{
    Querystring: {
      bucket?: Bucket;
      status?: string;
      country?: string;
      minBalance?: number;
      maxBalance?: number;
      portfolioId?: string;
      debtorId?: string;
      limit: number;
      after?: string;
    };
  }>(
    '/v1/accounts',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['accounts'],
        summary:
          'List accounts; filter by bucket, status (comma-separated), balance (minor units), country; keyset pagination',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            bucket: { type: 'string', enum: [...buckets] },
            status: {
              type: 'string',
              pattern: `^(${accountStatuses.join('|')})(,(${accountStatuses.join('|')}))*$`,
            },
            country: { type: 'string', pattern: '^[A-Z]{2}$' },
            minBalance: { type: 'integer', minimum: 0 },
            maxBalance: { type: 'integer', minimum: 0 },
            portfolioId: { type: 'string' },
            debtorId: { type: 'string' },
            ...page,
          },
        },
      },
    },
    async (req) => {
      const q = req.query;
      return deps.record.listAccounts(principal(req).orgId, {
        bucket: q.bucket,
        status: q.status ? (q.status.split(',') as AccountStatus[]) : undefined,
        country: q.country,
        minBalanceMinor: q.minBalance,
        maxBalanceMinor: q.maxBalance,
        portfolioId: q.portfolioId,
        debtorId: q.debtorId,
        limit: q.limit,
        after: q.after,
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/accounts/:id',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['accounts'], summary: 'One account with derived days past due and bucket' },
    },
    async (req) => deps.record.getAccount(principal(req).orgId, req.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: TimelineQ }>(
    '/v1/accounts/:id/timeline',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['timeline'],
        summary: 'Chronological history of an account across channels',
        querystring: timelineQuery,
      },
    },
    async (req) => {
      const items = await deps.record.accountTimeline(principal(req).orgId, req.params.id, req.query);
      return { items, nextCursor: items.length === req.query.limit ? items[items.length - 1]!.seq : null };
    },
  );

  app.get<{ Querystring: { limit: number; after?: string; country?: string } }>(
    '/v1/debtors',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['debtors'],
        summary: 'List debtors',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...page, country: { type: 'string', pattern: '^[A-Z]{2}$' } },
        },
      },
    },
    async (req) => deps.record.listDebtors(principal(req).orgId, req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/debtors/:id',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['debtors'], summary: 'One debtor with contact points, consents and accounts' },
    },
    async (req) => deps.record.getDebtor(principal(req).orgId, req.params.id),
  );

  app.get<{ Params: { id: string }; Querystring: TimelineQ }>(
    '/v1/debtors/:id/timeline',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['timeline'],
        summary: 'Chronological history of a debtor across all accounts and channels',
        querystring: timelineQuery,
      },
    },
    async (req) => {
      const items = await deps.record.debtorTimeline(principal(req).orgId, req.params.id, req.query);
      return { items, nextCursor: items.length === req.query.limit ? items[items.length - 1]!.seq : null };
    },
  );

  app.get(
    '/v1/portfolios',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['portfolios'], summary: 'Portfolios (placements) with account counts' },
    },
    async (req) => ({ items: await deps.record.listPortfolios(principal(req).orgId) }),
  );
}
