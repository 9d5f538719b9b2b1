import type { DemoCountry } from '@saldo/core/demo';
import type { Db } from '../../../shared/db/db.js';
import type { DemoLoad, DemoLoadStore, StoredIdentity } from '../ports.js';

interface LoadRow {
  org_id: string;
  portfolio_code: string;
  country: DemoCountry;
  seed: string | number;
  debtors: number;
  as_of: string;
  loaded_at: Date | string;
}

/** Demo loads on PostgreSQL / PGlite (migration 0061), and the debtors' identity HMACs. */
export function createSqlDemoLoadStore(db: Db): DemoLoadStore {
  return {
    async record(l) {
      await db.query(
        `INSERT INTO demo_portfolio_loads (org_id, portfolio_code, country, seed, debtors, as_of, loaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [l.orgId, l.portfolioCode, l.country, l.seed, l.debtors, l.asOf, l.loadedAt.toISOString()],
      );
    },

    async list(orgId) {
      const r = await db.query<LoadRow>(
        `SELECT org_id, portfolio_code, country, seed, debtors, as_of::text AS as_of, loaded_at
           FROM demo_portfolio_loads WHERE org_id = $1 ORDER BY seq`,
        [orgId],
      );
      return r.rows.map((row): DemoLoad => ({
        orgId: row.org_id,
        portfolioCode: row.portfolio_code,
        country: row.country,
        seed: Number(row.seed),
        debtors: Number(row.debtors),
        asOf: row.as_of,
        loadedAt: new Date(row.loaded_at),
      }));
    },

    async identities(orgId, debtorRefs) {
      const r = await db.query<{
        external_ref: string;
        dob_hash: string | null;
        national_id_hash: string | null;
      }>(
        `SELECT external_ref, dob_hash, national_id_hash FROM debtors
          WHERE org_id = $1 AND external_ref = ANY($2::text[])`,
        [orgId, [...debtorRefs]],
      );
      return new Map(
        r.rows.map((row): [string, StoredIdentity] => [
          row.external_ref,
          { dobHash: row.dob_hash, nationalIdHash: row.national_id_hash },
        ]),
      );
    },
  };
}
