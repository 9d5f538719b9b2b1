import type { Db, SqlExecutor } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type {
  NewTimelineEvent,
  TimelineEvent,
  TimelinePage,
  TimelinePersonal,
  TimelineStore,
} from '../ports.js';
import { isoReq } from '../../../shared/db/iso.js';
import { assertClearFacts, ERASED_SUMMARY, personalJson, TIMELINE_PURPOSE } from './timeline-personal.js';

type Row = {
  id: string;
  seq: string | number;
  org_id: string;
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
  personal: string | null;
};

/** A row as read: the personal part opened (`opened`: its JSON, or null when none or shredded). */
const toEvent = (r: Row, opened: string | null): TimelineEvent => {
  const personal = opened === null ? null : (JSON.parse(opened) as TimelinePersonal);
  return {
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
    summary: personal?.summary ?? r.summary,
    data: personal?.data ? { ...r.data, ...personal.data } : r.data,
    personal,
    erased: (r.personal !== null && personal === null) || r.summary === ERASED_SUMMARY,
  };
};

/** Opens the personal parts of rows read together (one key read per page). */
export async function openTimelineRows(
  ex: SqlExecutor,
  vault: DebtorVault,
  rows: readonly Row[],
): Promise<TimelineEvent[]> {
  const opened = await vault.openMany(
    ex,
    rows.map((r) => ({
      orgId: r.org_id,
      debtorId: r.debtor_id,
      purpose: TIMELINE_PURPOSE,
      sealed: r.personal,
    })),
  );
  return rows.map((r, i) => toEvent(r, opened[i]!));
}

/**
 * Appends one entry. Its personal part (if any) is sealed under the debtor's key, so a writer with
 * personal content passes the vault; personal keys in the clear data are refused (ADR 0010).
 */
export async function appendTimeline(
  ex: SqlExecutor,
  e: NewTimelineEvent,
  vault?: DebtorVault,
): Promise<TimelineEvent> {
  assertClearFacts(e);
  const plain = personalJson(e.personal);
  if (plain !== null && !vault) throw new Error(`timeline entry ${e.kind} has a personal part but no vault`);
  const sealed =
    plain === null
      ? null
      : (
          await vault!.sealMany(ex, [
            { orgId: e.orgId, debtorId: e.debtorId, purpose: TIMELINE_PURPOSE, plain },
          ])
        )[0]!;
  const r = await ex.query<Row>(
    `INSERT INTO timeline_events (org_id, debtor_id, account_id, occurred_at, kind, actor, actor_id, channel, direction, summary, data, personal)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
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
      sealed,
    ],
  );
  return toEvent(r.rows[0]!, sealed === null ? null : plain);
}

/**
 * Ordered by (occurred_at, seq): an event recorded late (a payment feed delivered a day after
 * the payment) still sits at the moment it happened; seq breaks ties stably. Chronological
 * (`asc`, the default) or newest first (`desc`); keyset pagination with `after` = the seq of the
 * last event of the previous page. Personal parts are opened with the debtor's key.
 */
export function createSqlTimelineStore(db: Db, vault: DebtorVault): TimelineStore {
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
    return openTimelineRows(db, vault, r.rows);
  };
  return {
    append: (e) => appendTimeline(db, e, vault),
    forAccount: (orgId, accountId, p) => page('account_id', orgId, accountId, p),
    forDebtor: (orgId, debtorId, p) => page('debtor_id', orgId, debtorId, p),
  };
}
