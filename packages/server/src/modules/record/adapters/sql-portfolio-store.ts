import type { Db } from '../../../shared/db/db.js';
import type { Portfolio, PortfolioStore } from '../ports.js';

type Row = {
  id: string;
  org_id: string;
  code: string;
  name: string;
  creditor_name: string;
  currency: string;
  country: string;
  accounts: number;
};
const SELECT = `SELECT p.id, p.org_id, p.code, p.name, c.name AS creditor_name, p.currency, p.country,
  (SELECT count(*)::int FROM accounts a WHERE a.portfolio_id = p.id) AS accounts
  FROM portfolios p JOIN creditors c ON c.id = p.creditor_id`;
const toPortfolio = (r: Row): Portfolio => ({
  id: r.id,
  orgId: r.org_id,
  code: r.code,
  name: r.name,
  creditorName: r.creditor_name,
  currency: r.currency,
  country: r.country,
  accounts: r.accounts,
});

export function createSqlPortfolioStore(db: Db): PortfolioStore {
  const store: PortfolioStore = {
    async ensure(p) {
      await db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO creditors (org_id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (org_id, name) DO NOTHING',
          [p.orgId, p.creditorName, p.now],
        );
        await tx.query(
          `INSERT INTO portfolios (org_id, creditor_id, code, name, currency, country, created_at)
           SELECT $1, c.id, $3, $4, $5, $6, $7 FROM creditors c WHERE c.org_id = $1 AND c.name = $2
           ON CONFLICT (org_id, code) DO NOTHING`,
          [p.orgId, p.creditorName, p.code, p.name, p.currency, p.country, p.now],
        );
      });
      return (await store.getByCode(p.orgId, p.code))!;
    },
    async getByCode(orgId, code) {
      const r = await db.query<Row>(`${SELECT} WHERE p.org_id = $1 AND p.code = $2`, [orgId, code]);
      return r.rows[0] ? toPortfolio(r.rows[0]) : null;
    },
    async list(orgId) {
      const r = await db.query<Row>(`${SELECT} WHERE p.org_id = $1 ORDER BY p.code`, [orgId]);
      return r.rows.map(toPortfolio);
    },
  };
  return store;
}
