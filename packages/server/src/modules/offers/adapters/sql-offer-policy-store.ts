import { parseOfferPolicy } from '@saldo/core/offers';
import type { Db } from '../../../shared/db/db.js';
import { isoReq } from '../../../shared/db/iso.js';
import type { OfferPolicyStore, StoredOfferPolicy } from '../ports.js';

type Row = {
  id: string;
  org_id: string;
  portfolio_id: string | null;
  version: number;
  policy: unknown;
  created_by: string;
  created_at: Date;
};

// A stored policy passed the schema when it was saved; it is parsed again on the way out so a
// later, stricter schema never lets an old row through unchecked.
const toStored = (r: Row): StoredOfferPolicy => ({
  id: r.id,
  orgId: r.org_id,
  portfolioId: r.portfolio_id,
  version: Number(r.version),
  policy: parseOfferPolicy(r.policy),
  createdBy: r.created_by,
  createdAt: isoReq(r.created_at),
});

/** The organisation's scope is the rows without a portfolio; the index reads it as ''. */
const SCOPE = `org_id = $1 AND COALESCE(portfolio_id, '') = COALESCE($2::text, '')`;
const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

export function createSqlOfferPolicyStore(db: Db): OfferPolicyStore {
  const appendOnce: OfferPolicyStore['append'] = async (orgId, portfolioId, policy, createdBy, now) => {
    const r = await db.query<Row>(
      `INSERT INTO offer_policies (org_id, portfolio_id, version, policy, created_by, created_at)
       SELECT $1, $2::text, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM offer_policies WHERE ${SCOPE}
       RETURNING *`,
      [orgId, portfolioId, JSON.stringify(policy), createdBy, now],
    );
    return toStored(r.rows[0]!);
  };
  return {
    async latest(orgId, portfolioId) {
      const r = await db.query<Row>(
        `SELECT * FROM offer_policies WHERE ${SCOPE} ORDER BY version DESC LIMIT 1`,
        [orgId, portfolioId],
      );
      return r.rows[0] ? toStored(r.rows[0]) : null;
    },
    async versions(orgId, portfolioId, limit) {
      const r = await db.query<Row>(
        `SELECT * FROM offer_policies WHERE ${SCOPE} ORDER BY version DESC LIMIT $3`,
        [orgId, portfolioId, limit],
      );
      return r.rows.map(toStored);
    },
    async append(orgId, portfolioId, policy, createdBy, now) {
      // Two saves at once compute the same next version; the unique index refuses the second,
      // which then takes the version after.
      for (let attempt = 1; ; attempt++) {
        try {
          return await appendOnce(orgId, portfolioId, policy, createdBy, now);
        } catch (e) {
          if (!isUniqueViolation(e) || attempt >= 5) throw e;
        }
      }
    },
    async portfolioExists(orgId, portfolioId) {
      const r = await db.query('SELECT 1 FROM portfolios WHERE org_id = $1 AND id = $2', [
        orgId,
        portfolioId,
      ]);
      return r.rows.length > 0;
    },
  };
}
