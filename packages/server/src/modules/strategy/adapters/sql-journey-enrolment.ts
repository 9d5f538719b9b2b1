import { enrolmentStatuses, shiftDate } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import { sqlTextList } from '../../../shared/db/sql-list.js';
import { ANALYZE_AFTER_ROWS, analyzeTables } from '../../../shared/db/maintenance.js';
import type { EnrolFilter, JourneyStore } from '../ports.js';
import { cancelPending } from './journey-rows.js';

const RUNNING = `('pending','active','waiting')`;
const ENROLLED = sqlTextList(enrolmentStatuses);

/** Who runs which strategy: enrolment, unenrolment and moving pending journeys to a new version. */
export function createSqlJourneyEnrolment(
  db: Db,
): Pick<JourneyStore, 'enrol' | 'unenrol' | 'retargetPending' | 'runningOnVersion'> {
  return {
    async enrol(orgId, strategy, filter, now) {
      const params: unknown[] = [orgId, strategy.id, strategy.version, now];
      const where = enrolWhere(filter, now, (v) => `$${params.push(v)}`);
      // Finished journeys are replaced (carrying their attempt counters); running ones are left alone.
      const r = await db.query(
        `INSERT INTO journeys (account_id, org_id, strategy_id, version, status, state, carry_attempts, next_run_at, rev, enrolled_at, updated_at)
         SELECT a.id, a.org_id, $2, $3, 'pending', NULL, '{}'::jsonb, $4, 0, $4, $4
           FROM accounts a JOIN debtors d ON d.id = a.debtor_id
          WHERE a.org_id = $1 AND a.status IN ${ENROLLED} ${where}
         ON CONFLICT (account_id) DO UPDATE SET
           strategy_id = EXCLUDED.strategy_id, version = EXCLUDED.version, status = 'pending',
           carry_attempts = COALESCE(journeys.state->'attempts', journeys.carry_attempts), state = NULL,
           next_run_at = EXCLUDED.next_run_at, lease_owner = NULL, lease_until = NULL, rev = journeys.rev + 1,
           enrolled_at = EXCLUDED.enrolled_at, updated_at = EXCLUDED.updated_at
          WHERE journeys.status IN ('done','exited')`,
        params,
      );
      if (r.rowCount >= ANALYZE_AFTER_ROWS) await analyzeTables(db, ['journeys']); // see maintenance.ts
      return r.rowCount;
    },

    async unenrol(orgId, accountIds, now) {
      return db.transaction(async (tx) => {
        const r = await tx.query<{ account_id: string }>(
          `UPDATE journeys SET status = 'exited', next_run_at = NULL, lease_owner = NULL, lease_until = NULL, rev = rev + 1, updated_at = $3,
                  state = CASE WHEN state IS NULL THEN NULL ELSE jsonb_set(jsonb_set(jsonb_set(state, '{status}', '"exited"'), '{wakeAt}', 'null'), '{exitReason}', '"unenrolled"') END
            WHERE org_id = $1 AND account_id = ANY($2::text[]) AND status IN ${RUNNING} RETURNING account_id`,
          [orgId, accountIds, now],
        );
        await cancelPending(
          tx,
          r.rows.map((x) => x.account_id),
          now,
        );
        return r.rows.length;
      });
    },

    async retargetPending(orgId, strategyId, version) {
      const r = await db.query(
        `UPDATE journeys SET version = $3 WHERE org_id = $1 AND strategy_id = $2 AND status = 'pending' AND state IS NULL AND version < $3`,
        [orgId, strategyId, version],
      );
      return r.rowCount;
    },

    async runningOnVersion(orgId, strategyId, version, after, limit) {
      const r = await db.query<{ account_id: string }>(
        `SELECT account_id FROM journeys WHERE org_id = $1 AND strategy_id = $2 AND version = $3 AND status IN ${RUNNING} AND ($4::text IS NULL OR account_id > $4) ORDER BY account_id LIMIT $5`,
        [orgId, strategyId, version, after, limit],
      );
      return r.rows.map((x) => x.account_id);
    },
  };
}

function enrolWhere(f: EnrolFilter, now: Date, p: (v: unknown) => string): string {
  const asOf = now.toISOString().slice(0, 10);
  const w: string[] = [];
  if (f.portfolioId) w.push(`a.portfolio_id = ${p(f.portfolioId)}`);
  if (f.accountIds) w.push(`a.id = ANY(${p(f.accountIds)}::text[])`);
  if (f.countries?.length) w.push(`d.country = ANY(${p(f.countries)}::text[])`);
  // DPD is derived: dpd >= n  ⇔  delinquent_since <= asOf - n days.
  if (f.minDpd !== undefined && f.minDpd > 0)
    w.push(`a.delinquent_since <= ${p(shiftDate(asOf, -f.minDpd))}::date`);
  if (f.maxDpd !== undefined)
    w.push(`(a.delinquent_since IS NULL OR a.delinquent_since >= ${p(shiftDate(asOf, -f.maxDpd))}::date)`);
  return w.map((c) => `AND ${c}`).join(' ');
}
