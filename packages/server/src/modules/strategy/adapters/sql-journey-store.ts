import { enrolmentStatuses, shiftDate } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import { sqlTextList } from '../../../shared/db/sql-list.js';
import { ANALYZE_AFTER_ROWS, analyzeTables } from '../../../shared/db/maintenance.js';
import type { ApplyOutcome, EnrolFilter, JourneyStore, JourneyWrite, LoadedJourney } from '../ports.js';
import {
  JOURNEY_COLUMNS,
  JOURNEY_FROM,
  insertOutbox,
  nextRunOf,
  toLoaded,
  type JourneyRow,
} from './journey-rows.js';

const RUNNING = `('pending','active','waiting')`;
const ENROLLED = sqlTextList(enrolmentStatuses);

export function createSqlJourneyStore(db: Db): JourneyStore {
  return {
    async claimDue({ owner, now, leaseMs, limit }) {
      // The lease is committed with the claim: a worker killed mid-batch leaves rows that other
      // workers take over once `lease_until` passes; SKIP LOCKED keeps concurrent claimers apart.
      // `= ANY(ARRAY(…))` makes the update probe the primary key for the claimed ids (a join with
      // the CTE is planned as a hash join over the whole table, whose cost grows with the book).
      const r = await db.query<JourneyRow>(
        `WITH due AS (
           SELECT account_id FROM journeys
            WHERE next_run_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
            ORDER BY next_run_at, account_id LIMIT $4 FOR UPDATE SKIP LOCKED),
         claimed AS (
           UPDATE journeys j SET lease_owner = $2, lease_until = $3 WHERE j.account_id = ANY(ARRAY(SELECT account_id FROM due)) RETURNING j.*)
         SELECT ${JOURNEY_COLUMNS} FROM claimed j JOIN accounts a ON a.id = j.account_id JOIN debtors d ON d.id = a.debtor_id
         ORDER BY j.next_run_at, j.account_id`,
        [now, owner, new Date(now.getTime() + leaseMs), limit],
      );
      return r.rows.map((row) => toLoaded(row, now));
    },

    async saveClaimed(owner, writes, released, now) {
      return db.transaction(async (tx) => {
        let saved: string[] = [];
        if (writes.length > 0) {
          const r = await tx.query<{ account_id: string }>(
            // The owner is a column of the rows, not a constant: a constant `lease_owner = $x` is
            // estimated from statistics where leases are nearly always NULL (≈ 1 row), and the
            // planner then loops over the whole input for every row of a seq scan (seconds per batch).
            // One JSON document for the batch: node-postgres escapes text arrays element by element.
            `UPDATE journeys j SET state = u.state, status = u.status, next_run_at = u.next_run, rev = j.rev + 1,
                    lease_owner = NULL, lease_until = NULL, updated_at = $2
               FROM jsonb_to_recordset($1::jsonb) AS u(account_id text, state jsonb, status text, next_run timestamptz, rev bigint, owner text)
              WHERE j.account_id = u.account_id AND j.rev = u.rev AND j.lease_owner = u.owner
             RETURNING j.account_id`,
            [
              JSON.stringify(
                writes.map((w) => ({
                  account_id: w.accountId,
                  state: w.state,
                  status: w.state.status,
                  next_run: nextRunOf(w.state, now),
                  rev: w.rev,
                  owner,
                })),
              ),
              now,
            ],
          );
          saved = r.rows.map((x) => x.account_id);
          const ok = new Set(saved);
          const mine = writes.filter((w) => ok.has(w.accountId));
          await insertOutbox(tx, mine, now);
          const cancel = mine.filter((w) => w.cancelPending).map((w) => w.accountId);
          if (cancel.length) await cancelPending(tx, cancel, now);
        }
        // Journeys not written (errors, lost races) are released for the next tick.
        const savedSet = new Set(saved);
        const unsaved = [...writes.map((w) => w.accountId).filter((a) => !savedSet.has(a)), ...released];
        if (unsaved.length > 0)
          await tx.query(
            `UPDATE journeys SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND account_id = ANY($2::text[])`,
            [owner, unsaved],
          );
        return { saved: saved.length, conflicts: writes.length - saved.length };
      });
    },

    async apply(orgId, accountId, now, eventKey, eventType, decide) {
      return db.transaction(async (tx) => {
        const r = await tx.query<JourneyRow>(
          `SELECT ${JOURNEY_COLUMNS} FROM ${JOURNEY_FROM} WHERE j.org_id = $1 AND j.account_id = $2 FOR UPDATE OF j`,
          [orgId, accountId],
        );
        const row = r.rows[0];
        if (!row) return 'not_found';
        // Under the row lock: two deliveries of one event cannot both pass this check.
        if (eventKey !== null) {
          const ins = await tx.query(
            `INSERT INTO journey_inbox (org_id, event_key, account_id, type, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
            [orgId, eventKey, accountId, eventType, now],
          );
          if (ins.rowCount === 0) return 'duplicate';
        }
        const w = await decide(toLoaded(row, now));
        if (w === null) return 'unchanged';
        await tx.query(
          `UPDATE journeys SET state = $2::jsonb, status = $3, next_run_at = $4, rev = rev + 1, updated_at = $5 WHERE account_id = $1`,
          [accountId, JSON.stringify(w.state), w.state.status, nextRunOf(w.state, now), now],
        );
        await insertOutbox(tx, [{ orgId, state: w.state, commands: w.commands }], now);
        if (w.cancelPending) await cancelPending(tx, [accountId], now);
        return 'applied';
      });
    },

    async applyMany(now, items) {
      if (items.length === 0) return [];
      return db.transaction(async (tx) => {
        // Locks in account order (as `apply` callers would one by one): no lock-order deadlocks.
        const ids = [...new Set(items.map((i) => i.accountId))].sort();
        const r = await tx.query<JourneyRow>(
          `SELECT ${JOURNEY_COLUMNS} FROM ${JOURNEY_FROM} WHERE j.account_id = ANY($1::text[]) ORDER BY j.account_id FOR UPDATE OF j`,
          [ids],
        );
        const rows = new Map(r.rows.map((x) => [x.account_id, x]));
        const found = items.filter((i) => rows.get(i.accountId)?.org_id === i.orgId);
        const keyed = found.filter((i) => i.eventKey !== null);
        const fresh = new Set<string>();
        if (keyed.length > 0) {
          const ins = await tx.query<{ org_id: string; event_key: string }>(
            `INSERT INTO journey_inbox (org_id, event_key, account_id, type, at)
             SELECT o, k, a, t, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(o, k, a, t)
             ON CONFLICT DO NOTHING RETURNING org_id, event_key`,
            [
              keyed.map((i) => i.orgId),
              keyed.map((i) => i.eventKey),
              keyed.map((i) => i.accountId),
              keyed.map((i) => i.eventType),
              now,
            ],
          );
          for (const x of ins.rows) fresh.add(`${x.org_id}\u0000${x.event_key}`);
        }
        const current = new Map<string, LoadedJourney>();
        const written = new Map<string, JourneyWrite>();
        const outbox: Array<{
          orgId: string;
          accountId: string;
          state: JourneyWrite['state'];
          commands: JourneyWrite['commands'];
        }> = [];
        // Per account, the outbox entry of its last cancelling write: one by one, a cancel stops what
        // was queued up to it (its own commands included), not what later events of the call queue.
        const lastCancel = new Map<string, number>();
        const outcomes: ApplyOutcome[] = [];
        for (const it of items) {
          const row = rows.get(it.accountId);
          if (!row || row.org_id !== it.orgId) {
            outcomes.push('not_found');
            continue;
          }
          if (it.eventKey !== null && !fresh.delete(`${it.orgId}\u0000${it.eventKey}`)) {
            outcomes.push('duplicate'); // already in the inbox, or a second copy in this batch
            continue;
          }
          const j = current.get(it.accountId) ?? toLoaded(row, now);
          const w = await it.decide(j);
          if (w === null) {
            outcomes.push('unchanged');
            continue;
          }
          current.set(it.accountId, { ...j, state: w.state, status: w.state.status });
          written.set(it.accountId, w);
          outbox.push({ orgId: it.orgId, accountId: it.accountId, state: w.state, commands: w.commands });
          if (w.cancelPending) lastCancel.set(it.accountId, outbox.length - 1);
          outcomes.push('applied');
        }
        if (written.size > 0) {
          const ws = [...written];
          await tx.query(
            `UPDATE journeys j SET state = u.state, status = u.status, next_run_at = u.next_run, rev = j.rev + 1, updated_at = $2
               FROM jsonb_to_recordset($1::jsonb) AS u(account_id text, state jsonb, status text, next_run timestamptz)
              WHERE j.account_id = u.account_id`,
            [
              JSON.stringify(
                ws.map(([a, w]) => ({
                  account_id: a,
                  state: w.state,
                  status: w.state.status,
                  next_run: nextRunOf(w.state, now),
                })),
              ),
              now,
            ],
          );
          const queuedAfterCancel = (x: (typeof outbox)[number], i: number) =>
            i > (lastCancel.get(x.accountId) ?? -1);
          await insertOutbox(
            tx,
            outbox.filter((x, i) => !queuedAfterCancel(x, i)),
            now,
          );
          if (lastCancel.size > 0) await cancelPending(tx, [...lastCancel.keys()], now);
          await insertOutbox(tx, outbox.filter(queuedAfterCancel), now);
        }
        return outcomes;
      });
    },

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

    async accountsOfDebtor(orgId, debtorId) {
      const r = await db.query<{ account_id: string }>(
        `SELECT j.account_id FROM journeys j JOIN accounts a ON a.id = j.account_id WHERE a.org_id = $1 AND a.debtor_id = $2 ORDER BY j.account_id`,
        [orgId, debtorId],
      );
      return r.rows.map((x) => x.account_id);
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

async function cancelPending(tx: Pick<Db, 'query'>, accountIds: string[], now: Date): Promise<void> {
  if (accountIds.length === 0) return;
  await tx.query(
    `UPDATE outbox SET status = 'cancelled', lease_owner = NULL, lease_until = NULL, updated_at = $2 WHERE account_id = ANY($1::text[]) AND status = 'pending'`,
    [accountIds, now],
  );
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
