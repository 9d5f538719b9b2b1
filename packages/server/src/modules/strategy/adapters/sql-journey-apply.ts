import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { ApplyItem, ApplyOutcome, JourneyStore, JourneyWrite, LoadedJourney } from '../ports.js';
import {
  JOURNEY_COLUMNS,
  JOURNEY_FROM,
  cancelPending,
  insertOutbox,
  nextRunOf,
  toLoaded,
  type JourneyRow,
} from './journey-rows.js';

/** One decided write's outbox entry, kept in decision order. */
interface QueuedCommands {
  orgId: string;
  accountId: string;
  state: JourneyWrite['state'];
  commands: JourneyWrite['commands'];
}

/** What a batch of decisions leaves to write, and the outcome of each item. */
interface BatchDecisions {
  outcomes: ApplyOutcome[];
  /** The last write per account (the state to store). */
  written: Map<string, JourneyWrite>;
  outbox: QueuedCommands[];
  /** Per account, the index in `outbox` of its last cancelling write. */
  lastCancel: Map<string, number>;
}

const inboxKey = (orgId: string, eventKey: string) => `${orgId}\u0000${eventKey}`;

/** The event path: events applied to journeys under the row lock, de-duplicated by the inbox. */
export function createSqlJourneyApply(db: Db): Pick<JourneyStore, 'apply' | 'applyMany'> {
  return {
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
        const rows = await lockJourneys(tx, items);
        const found = items.filter((i) => rows.get(i.accountId)?.org_id === i.orgId);
        const fresh = await insertInboxKeys(tx, found, now);
        const decisions = await decideInOrder(items, rows, fresh, now);
        if (decisions.written.size > 0) await writeDecisions(tx, decisions, now);
        return decisions.outcomes;
      });
    },
  };
}

/** Locks the journeys of the batch in account order (as `apply` callers would one by one): no lock-order deadlocks. */
async function lockJourneys(tx: SqlExecutor, items: readonly ApplyItem[]): Promise<Map<string, JourneyRow>> {
  const ids = [...new Set(items.map((i) => i.accountId))].sort();
  const r = await tx.query<JourneyRow>(
    `SELECT ${JOURNEY_COLUMNS} FROM ${JOURNEY_FROM} WHERE j.account_id = ANY($1::text[]) ORDER BY j.account_id FOR UPDATE OF j`,
    [ids],
  );
  return new Map(r.rows.map((x) => [x.account_id, x]));
}

/** Inserts the batch's event keys into the inbox; returns the keys that were not there yet. */
async function insertInboxKeys(
  tx: SqlExecutor,
  found: readonly ApplyItem[],
  now: Date,
): Promise<Set<string>> {
  const keyed = found.filter((i) => i.eventKey !== null);
  const fresh = new Set<string>();
  if (keyed.length === 0) return fresh;
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
  for (const x of ins.rows) fresh.add(inboxKey(x.org_id, x.event_key));
  return fresh;
}

/** Runs each item's `decide` in the given order, each on the state the previous one of its account left. */
async function decideInOrder(
  items: readonly ApplyItem[],
  rows: Map<string, JourneyRow>,
  fresh: Set<string>,
  now: Date,
): Promise<BatchDecisions> {
  const current = new Map<string, LoadedJourney>();
  const d: BatchDecisions = { outcomes: [], written: new Map(), outbox: [], lastCancel: new Map() };
  for (const it of items) {
    const row = rows.get(it.accountId);
    if (!row || row.org_id !== it.orgId) {
      d.outcomes.push('not_found');
      continue;
    }
    if (it.eventKey !== null && !fresh.delete(inboxKey(it.orgId, it.eventKey))) {
      d.outcomes.push('duplicate'); // already in the inbox, or a second copy in this batch
      continue;
    }
    const j = current.get(it.accountId) ?? toLoaded(row, now);
    const w = await it.decide(j);
    if (w === null) {
      d.outcomes.push('unchanged');
      continue;
    }
    current.set(it.accountId, { ...j, state: w.state, status: w.state.status });
    d.written.set(it.accountId, w);
    d.outbox.push({ orgId: it.orgId, accountId: it.accountId, state: w.state, commands: w.commands });
    if (w.cancelPending) d.lastCancel.set(it.accountId, d.outbox.length - 1);
    d.outcomes.push('applied');
  }
  return d;
}

/** Stores the last state per account and the outbox rows, cancelling in the order one by one would. */
async function writeDecisions(tx: SqlExecutor, d: BatchDecisions, now: Date): Promise<void> {
  await tx.query(
    `UPDATE journeys j SET state = u.state, status = u.status, next_run_at = u.next_run, rev = j.rev + 1, updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS u(account_id text, state jsonb, status text, next_run timestamptz)
      WHERE j.account_id = u.account_id`,
    [
      JSON.stringify(
        [...d.written].map(([a, w]) => ({
          account_id: a,
          state: w.state,
          status: w.state.status,
          next_run: nextRunOf(w.state, now),
        })),
      ),
      now,
    ],
  );
  // One by one, a cancel stops what was queued up to it (its own commands included), not what
  // later events of the call queue: those are inserted after the cancel.
  const queuedAfterCancel = (x: QueuedCommands, i: number) => i > (d.lastCancel.get(x.accountId) ?? -1);
  await insertOutbox(
    tx,
    d.outbox.filter((x, i) => !queuedAfterCancel(x, i)),
    now,
  );
  if (d.lastCancel.size > 0) await cancelPending(tx, [...d.lastCancel.keys()], now);
  await insertOutbox(tx, d.outbox.filter(queuedAfterCancel), now);
}
