import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountStatuses, buckets, type AccountStatus, type Bucket } from '@saldo/core/record';
import { ALL_ROLES, principal } from '../../../shared/http/route-kit.js';
import type { RecordService } from '../usecases/record.js';

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

type AccountListQ = {
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
const accountListQuery = {
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
} as const;

/** A timeline page: the cursor is the last entry's seq when the page is full. */
const timelinePage = <T extends { seq: number }>(items: T[], limit: number) => ({
  items,
  nextCursor: items.length === limit ? items[items.length - 1]!.seq : null,
});

/** `/v1/accounts*`, `/v1/debtors*`, `/v1/portfolios`: reading the common record. */
export default async function recordRoutes(app: FastifyInstance, deps: { record: RecordService }) {
  await accountRoutes(app, deps.record);
  await debtorRoutes(app, deps.record);
  app.get(
    '/v1/portfolios',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['portfolios'], summary: 'Portfolios (placements) with account counts' },
    },
    async (req) => ({ items: await deps.record.listPortfolios(principal(req).orgId) }),
  );
}

function listAccounts(record: RecordService, req: FastifyRequest<{ Querystring: AccountListQ }>) {
  const q = req.query;
  return record.listAccounts(principal(req).orgId, {
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
}

async function accountRoutes(app: FastifyInstance, record: RecordService) {
  app.get<{ Querystring: AccountListQ }>(
    '/v1/accounts',
    {
      config: { roles: ALL_ROLES },
      schema: {
        tags: ['accounts'],
        summary:
          'List accounts; filter by bucket, status (comma-separated), balance (minor units), country; keyset pagination',
        querystring: accountListQuery,
      },
    },
    async (req) => listAccounts(record, req),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/accounts/:id',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['accounts'], summary: 'One account with derived days past due and bucket' },
    },
    async (req) => record.getAccount(principal(req).orgId, req.params.id),
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
    async (req) =>
      timelinePage(
        await record.accountTimeline(principal(req).orgId, req.params.id, req.query),
        req.query.limit,
      ),
  );
}

async function debtorRoutes(app: FastifyInstance, record: RecordService) {
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
    async (req) => record.listDebtors(principal(req).orgId, req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/v1/debtors/:id',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['debtors'], summary: 'One debtor with contact points, consents and accounts' },
    },
    async (req) => record.getDebtor(principal(req).orgId, req.params.id),
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
    async (req) =>
      timelinePage(
        await record.debtorTimeline(principal(req).orgId, req.params.id, req.query),
        req.query.limit,
      ),
  );
}
