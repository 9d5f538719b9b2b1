import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { JourneyStore, JourneyWrite } from '../ports.js';
import {
  JOURNEY_COLUMNS,
  cancelPending,
  insertOutbox,
  nextRunOf,
  toLoaded,
  type JourneyRow,
} from './journey-rows.js';

type ClaimedWrite = JourneyWrite & { accountId: string; orgId: string; rev: number };

/** The journey worker's path: lease due journeys, then save what it decided and release the rest. */
export function createSqlJourneyClaims(db: Db): Pick<JourneyStore, 'claimDue' | 'saveClaimed'> {
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
        const saved = writes.length > 0 ? await writeClaimed(tx, owner, writes, now) : [];
        // Journeys not written (errors, lost races) are released for the next tick.
        const savedSet = new Set(saved);
        const unsaved = [...writes.map((w) => w.accountId).filter((a) => !savedSet.has(a)), ...released];
        if (unsaved.length > 0) await releaseLeases(tx, owner, unsaved);
        return { saved: saved.length, conflicts: writes.length - saved.length };
      });
    },
  };
}

/** Writes the states still held at the claimed rev under this owner's lease, with their outbox rows. */
async function writeClaimed(
  tx: SqlExecutor,
  owner: string,
  writes: ClaimedWrite[],
  now: Date,
): Promise<string[]> {
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
  const saved = r.rows.map((x) => x.account_id);
  const ok = new Set(saved);
  const mine = writes.filter((w) => ok.has(w.accountId));
  await insertOutbox(tx, mine, now);
  const cancel = mine.filter((w) => w.cancelPending).map((w) => w.accountId);
  if (cancel.length) await cancelPending(tx, cancel, now);
  return saved;
}

async function releaseLeases(tx: SqlExecutor, owner: string, accountIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE journeys SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND account_id = ANY($2::text[])`,
    [owner, accountIds],
  );
}
