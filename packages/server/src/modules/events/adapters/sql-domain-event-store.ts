import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type {
  DomainEvent,
  DomainEventStore,
  EventOutbox,
  NewDomainEvent,
  StoredDomainEvent,
} from '../ports.js';

/**
 * Inserts events with the executor of the fact's transaction (`tx` in a store's
 * `db.transaction`), in the given order. A key already written is skipped.
 */
export async function appendDomainEvents(
  ex: SqlExecutor,
  events: ReadonlyArray<NewDomainEvent>,
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await ex.query(
    `INSERT INTO domain_events (org_id, type, event_key, payload, recorded_at)
     SELECT o, t, k, p::jsonb, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS u(o, t, k, p, n)
      ORDER BY n
     ON CONFLICT (org_id, event_key) DO NOTHING`,
    [
      events.map((e) => e.event.orgId),
      events.map((e) => e.event.type),
      events.map((e) => e.key),
      events.map((e) => JSON.stringify(e.event)),
      at,
    ],
  );
}

/** The outbox on `db`: inside `db.transaction` its insert joins the open transaction. */
export function createSqlEventOutbox<E extends DomainEvent = DomainEvent>(db: Db): EventOutbox<E> {
  return { append: (events, at) => appendDomainEvents(db, events, at) };
}

interface Row {
  seq: string | number;
  org_id: string;
  type: string;
  event_key: string | null;
  payload: unknown;
  recorded_at: Date | string;
  attempts: number;
}

/**
 * Claims take unprocessed rows with `FOR UPDATE SKIP LOCKED` and lease them (committed at once),
 * rather than advancing a cursor: `seq` is allocated when a row is inserted, not when its
 * transaction commits, so a cursor past seq 11 would skip a seq 10 that commits later. Looking
 * at every unprocessed row (a partial index keeps that small) cannot skip one.
 */
export function createSqlDomainEventStore(db: Db): DomainEventStore {
  return {
    async claim(o) {
      const r = await db.query<Row>(
        `UPDATE domain_events e SET lease_owner = $1, lease_until = $2
          WHERE e.seq IN (
            SELECT seq FROM domain_events
             WHERE processed_at IS NULL AND attempts < $5
               AND (next_attempt_at IS NULL OR next_attempt_at <= $3)
               AND (lease_until IS NULL OR lease_until <= $3)
             ORDER BY seq LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING e.seq, e.org_id, e.type, e.event_key, e.payload, e.recorded_at, e.attempts`,
        [o.owner, new Date(o.now.getTime() + o.leaseMs), o.now, o.limit, o.maxAttempts],
      );
      return r.rows
        .map((x): StoredDomainEvent => ({
          seq: Number(x.seq),
          orgId: x.org_id,
          type: x.type,
          key: x.event_key,
          payload: (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as DomainEvent,
          recordedAt: new Date(x.recorded_at),
          attempts: x.attempts,
        }))
        .sort((a, b) => a.seq - b.seq);
    },
    async markProcessed(owner, seqs, at) {
      if (seqs.length === 0) return;
      await db.query(
        `UPDATE domain_events SET processed_at = $3, lease_owner = NULL, lease_until = NULL, last_error = NULL
          WHERE seq = ANY($2::bigint[]) AND lease_owner = $1`,
        [owner, seqs, at],
      );
    },
    async markFailed(owner, seq, error, retryAt) {
      await db.query(
        `UPDATE domain_events SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4, lease_owner = NULL, lease_until = NULL
          WHERE seq = $2 AND lease_owner = $1`,
        [owner, seq, error.slice(0, 2000), retryAt],
      );
    },
  };
}
