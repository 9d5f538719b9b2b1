import { terminalStatuses } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { RetentionPolicy, RetentionStore } from '../ports.js';

type Row = { closed_account_days: number | null; version: number; updated_at: Date; updated_by: string };

const toPolicy = (r: Row | undefined): RetentionPolicy =>
  r
    ? {
        closedAccountDays: r.closed_account_days,
        version: r.version,
        updatedAt: r.updated_at.toISOString(),
        updatedBy: r.updated_by,
      }
    : { closedAccountDays: null, version: 0, updatedAt: null, updatedBy: null };

/** Retention policies (append-only versions; the latest is in force) and the debtors past theirs. */
export function createSqlRetentionStore(db: Db): RetentionStore {
  return {
    async current(orgId) {
      const r = await db.query<Row>(
        `SELECT closed_account_days, version, updated_at, updated_by FROM privacy_retention_policies
          WHERE org_id = $1 ORDER BY version DESC LIMIT 1`,
        [orgId],
      );
      return toPolicy(r.rows[0]);
    },
    async save(orgId, days, by, at) {
      // Two concurrent saves cannot both take version n: the primary key refuses the second.
      const r = await db.query<Row>(
        `INSERT INTO privacy_retention_policies (org_id, version, closed_account_days, updated_by, updated_at)
         SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4 FROM privacy_retention_policies WHERE org_id = $1
         RETURNING closed_account_days, version, updated_at, updated_by`,
        [orgId, days, by, at],
      );
      return toPolicy(r.rows[0]);
    },
    async due(now, limit) {
      // The policy in force per organisation; debtors not erased whose accounts are all closed, paid
      // or settled, none changed within the period (updated_at: the last status or balance change).
      const r = await db.query<{ org_id: string; debtor_id: string }>(
        `WITH policy AS (
           SELECT DISTINCT ON (org_id) org_id, closed_account_days FROM privacy_retention_policies
            ORDER BY org_id, version DESC
         )
         SELECT a.org_id, a.debtor_id FROM accounts a
           JOIN policy p ON p.org_id = a.org_id AND p.closed_account_days IS NOT NULL
           JOIN debtors d ON d.id = a.debtor_id AND d.erased_at IS NULL
          GROUP BY a.org_id, a.debtor_id, p.closed_account_days
         HAVING bool_and(a.status = ANY($2::text[]))
            AND max(a.updated_at) < $1::timestamptz - make_interval(days => p.closed_account_days)
          ORDER BY max(a.updated_at), a.debtor_id
          LIMIT $3`,
        [now, terminalStatuses, limit],
      );
      return r.rows.map((x) => ({ orgId: x.org_id, debtorId: x.debtor_id }));
    },
  };
}
