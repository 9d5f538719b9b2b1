import type { Db } from '../../../shared/db/db.js';
import type { JourneyStore } from '../ports.js';
import { JOURNEY_COLUMNS, JOURNEY_FROM, toLoaded, type JourneyRow } from './journey-rows.js';

/** Reads without locks: one journey, an account's facts (enrolled or not), a debtor's journeys. */
export function createSqlJourneyReads(db: Db): Pick<JourneyStore, 'get' | 'facts' | 'accountsOfDebtor'> {
  return {
    async get(orgId, accountId, now) {
      const r = await db.query<JourneyRow>(
        `SELECT ${JOURNEY_COLUMNS} FROM ${JOURNEY_FROM} WHERE j.org_id = $1 AND j.account_id = $2`,
        [orgId, accountId],
      );
      return r.rows[0] ? toLoaded(r.rows[0], now) : null;
    },

    async facts(orgId, accountId, now) {
      const r = await db.query<JourneyRow & { region: string | null }>(
        `SELECT a.id AS account_id, a.org_id, '' AS strategy_id, 0 AS version, 'pending' AS status, NULL::jsonb AS state, '{}'::jsonb AS carry_attempts, 0 AS rev,
                NULL::timestamptz AS next_run_at, a.debtor_id, a.balance_minor, a.currency, a.product, a.status AS account_status, a.tags,
                a.delinquent_since::text AS delinquent_since, d.country, d.timezone, d.region
           FROM accounts a JOIN debtors d ON d.id = a.debtor_id WHERE a.org_id = $1 AND a.id = $2`,
        [orgId, accountId],
      );
      const row = r.rows[0];
      if (!row) return null;
      const l = toLoaded(row, now);
      return {
        facts: l.facts,
        timezone: l.timezone,
        debtorId: l.debtorId,
        country: row.country,
        region: row.region,
      };
    },

    async accountsOfDebtor(orgId, debtorId) {
      const r = await db.query<{ account_id: string }>(
        `SELECT j.account_id FROM journeys j JOIN accounts a ON a.id = j.account_id WHERE a.org_id = $1 AND a.debtor_id = $2 ORDER BY j.account_id`,
        [orgId, debtorId],
      );
      return r.rows.map((x) => x.account_id);
    },
  };
}
