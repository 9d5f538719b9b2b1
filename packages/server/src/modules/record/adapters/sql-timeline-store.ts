import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { NewTimelineEvent, TimelineEvent, TimelinePage, TimelineStore } from '../ports.js';
import { isoReq } from '../../../shared/db/iso.js';

type Row = {
  id: string;
  seq: string | number;
  debtor_id: string;
  account_id: string | null;
  occurred_at: Date;
  kind: TimelineEvent['kind'];
  actor: TimelineEvent['actor'];
  actor_id: string | null;
  channel: TimelineEvent['channel'];
  direction: TimelineEvent['direction'];
  summary: string;
  data: Record<string, unknown>;
};
const toEvent = (r: Row): TimelineEvent => ({
  id: r.id,
  seq: Number(r.seq),
  debtorId: r.debtor_id,
  accountId: r.account_id,
  occurredAt: isoReq(r.occurred_at),
  kind: r.kind,
  actor: r.actor,
  actorId: r.actor_id,
  channel: r.channel,
  direction: r.direction,
  summary: r.summary,
  data: r.data,
});

export async function appendTimeline(ex: SqlExecutor, e: NewTimelineEvent): Promise<TimelineEvent> {
  const r = await ex.query<Row>(
    `INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, actor_id, channel, direction, summary, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      e.orgId,
      e.debtorId,
      e.accountId,
      e.occurredAt,
      e.kind,
      e.actor,
      e.actorId,
      e.channel,
      e.direction,
      e.summary,
      JSON.stringify(e.data),
    ],
  );
  return toEvent(r.rows[0]!);
}

/**
 * Ordered by (occurred_at, seq): an event recorded late (a payment feed delivered a day after
 * the payment) still sits at the moment it happened; seq breaks ties stably. Chronological
 * (`asc`, the default) or newest first (`desc`); keyset pagination with `after` = the seq of the
 * last event of the previous page.
 */
export function createSqlTimelineStore(db: Db): TimelineStore {
  const page = async (col: 'account_id' | 'debtor_id', orgId: string, id: string, p: TimelinePage) => {
    const desc = p.order === 'desc';
    const params: unknown[] = [orgId, id];
    let cursor = '';
    if (p.after !== undefined) {
      params.push(p.after);
      cursor = `AND (occurred_at, seq) ${desc ? '<' : '>'} (SELECT occurred_at, seq FROM timeline_events WHERE seq = $3)`;
    }
    params.push(p.limit);
    const dir = desc ? 'DESC' : 'ASC';
    const r = await db.query<Row>(
      `SELECT * FROM timeline_events WHERE org_id = $1 AND ${col} = $2 ${cursor} ORDER BY occurred_at ${dir}, seq ${dir} LIMIT $${params.length}`,
      params,
    );
    return r.rows.map(toEvent);
  };
  return {
    append: (e) => appendTimeline(db, e),
    forAccount: (orgId, accountId, p) => page('account_id', orgId, accountId, p),
    forDebtor: (orgId, debtorId, p) => page('debtor_id', orgId, debtorId, p),
  };
}
