import {
  bucketOf,
  bucketRange,
  buckets,
  daysPastDue,
  shiftDate,
  type AccountStatus,
  type Bucket,
} from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { AccountQuery, AccountStore, AccountView } from '../ports.js';
import { isoReq } from '../../../shared/db/iso.js';

type Row = {
  id: string;
  external_ref: string;
  portfolio_id: string;
  debtor_id: string;
  first_name: string;
  last_name: string;
  country: string;
  region: string | null;
  product: string;
  currency: string;
  principal_minor: number;
  interest_minor: number;
  fees_minor: number;
  balance_minor: number;
  delinquent_since: string | null;
  status: AccountStatus;
  tags: string[];
  created_at: Date;
  updated_at: Date;
};

const SELECT = `SELECT a.id, a.external_ref, a.portfolio_id, a.debtor_id, d.first_name, d.last_name, d.country, d.region, a.product, a.currency,
  a.principal_minor, a.interest_minor, a.fees_minor, a.balance_minor, a.delinquent_since::text AS delinquent_since, a.status, a.tags,
  a.created_at, a.updated_at FROM accounts a JOIN debtors d ON d.id = a.debtor_id`;

function toView(r: Row, asOf: string): AccountView {
  const dpd = daysPastDue(r.delinquent_since, asOf);
  return {
    id: r.id,
    externalRef: r.external_ref,
    portfolioId: r.portfolio_id,
    debtorId: r.debtor_id,
    debtorName: `${r.first_name} ${r.last_name}`.trim(),
    country: r.country,
    region: r.region,
    product: r.product,
    currency: r.currency,
    principalMinor: Number(r.principal_minor),
    interestMinor: Number(r.interest_minor),
    feesMinor: Number(r.fees_minor),
    balanceMinor: Number(r.balance_minor),
    delinquentSince: r.delinquent_since,
    daysPastDue: dpd,
    bucket: bucketOf(dpd),
    status: r.status,
    tags: r.tags,
    createdAt: isoReq(r.created_at),
    updatedAt: isoReq(r.updated_at),
  };
}

/** The delinquent_since condition for a DPD bucket on `asOf` (DPD is derived, never stored). */
function bucketCondition(b: Bucket, asOf: string, param: (v: unknown) => string): string {
  const { min, max } = bucketRange(b);
  if (b === 'current') return `(a.delinquent_since IS NULL OR a.delinquent_since >= ${param(asOf)}::date)`;
  const upper = `a.delinquent_since <= ${param(shiftDate(asOf, -min))}::date`;
  return max === null ? upper : `${upper} AND a.delinquent_since >= ${param(shiftDate(asOf, -max))}::date`;
}

export function createSqlAccountStore(db: Db): AccountStore {
  return {
    async list(q: AccountQuery) {
      const params: unknown[] = [q.orgId];
      const p = (v: unknown) => `$${params.push(v)}`;
      const where = ['a.org_id = $1'];
      if (q.bucket) where.push(bucketCondition(q.bucket, q.asOf, p));
      if (q.status?.length) where.push(`a.status = ANY(${p(q.status)})`);
      if (q.country) where.push(`d.country = ${p(q.country)}`);
      if (q.minBalanceMinor !== undefined) where.push(`a.balance_minor >= ${p(q.minBalanceMinor)}`);
      if (q.maxBalanceMinor !== undefined) where.push(`a.balance_minor <= ${p(q.maxBalanceMinor)}`);
      if (q.portfolioId) where.push(`a.portfolio_id = ${p(q.portfolioId)}`);
      if (q.debtorId) where.push(`a.debtor_id = ${p(q.debtorId)}`);
      if (q.after) where.push(`a.id > ${p(q.after)}`);
      const r = await db.query<Row>(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT ${p(q.limit + 1)}`,
        params,
      );
      const items = r.rows.slice(0, q.limit).map((row) => toView(row, q.asOf));
      return { items, nextCursor: r.rows.length > q.limit ? items[items.length - 1]!.id : null };
    },
    async get(orgId, id, asOf) {
      const r = await db.query<Row>(`${SELECT} WHERE a.org_id = $1 AND a.id = $2`, [orgId, id]);
      return r.rows[0] ? toView(r.rows[0], asOf) : null;
    },
    async summary(orgId, asOf) {
      const [totals, byCountry, byStatus, balances, byDpd] = await Promise.all([
        db.query<{ accounts: number; debtors: number }>(
          'SELECT (SELECT count(*)::int FROM accounts WHERE org_id = $1) AS accounts, (SELECT count(*)::int FROM debtors WHERE org_id = $1) AS debtors',
          [orgId],
        ),
        db.query<{ country: string; accounts: number }>(
          'SELECT d.country, count(*)::int AS accounts FROM accounts a JOIN debtors d ON d.id = a.debtor_id WHERE a.org_id = $1 GROUP BY d.country ORDER BY accounts DESC',
          [orgId],
        ),
        db.query<{ status: string; accounts: number }>(
          'SELECT status, count(*)::int AS accounts FROM accounts WHERE org_id = $1 GROUP BY status ORDER BY accounts DESC',
          [orgId],
        ),
        db.query<{ currency: string; balance_minor: string; accounts: number }>(
          'SELECT currency, sum(balance_minor)::text AS balance_minor, count(*)::int AS accounts FROM accounts WHERE org_id = $1 GROUP BY currency ORDER BY currency',
          [orgId],
        ),
        db.query<{ bucket: Bucket; accounts: number }>(
          `SELECT CASE WHEN delinquent_since IS NULL OR $2::date - delinquent_since <= 0 THEN 'current'
                       WHEN $2::date - delinquent_since <= 30 THEN '1-30' WHEN $2::date - delinquent_since <= 60 THEN '31-60'
                       WHEN $2::date - delinquent_since <= 90 THEN '61-90' ELSE '90+' END AS bucket, count(*)::int AS accounts
             FROM accounts WHERE org_id = $1 GROUP BY 1`,
          [orgId, asOf],
        ),
      ]);
      const t = totals.rows[0] ?? { accounts: 0, debtors: 0 };
      const bucketCounts = new Map(byDpd.rows.map((r) => [r.bucket, r.accounts]));
      return {
        accounts: t.accounts,
        debtors: t.debtors,
        byCountry: byCountry.rows,
        byStatus: byStatus.rows,
        byBucket: buckets.map((b) => ({ bucket: b, accounts: bucketCounts.get(b) ?? 0 })),
        balances: balances.rows.map((r) => ({
          currency: r.currency,
          balanceMinor: Number(r.balance_minor),
          accounts: r.accounts,
        })),
      };
    },
  };
}
