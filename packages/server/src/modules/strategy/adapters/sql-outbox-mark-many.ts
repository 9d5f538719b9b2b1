import type { SqlExecutor } from '../../../shared/db/db.js';
import { refusalText, UNKNOWN_REASON } from './sql-outbox-marks.js';

// The batch forms of markSent / markRefused: one statement for a batch, the same result as marking
// each row in order. The owner is an unnest column, not a constant (see journey-store saveClaimed).

type Reason = { rule: string; message: string };

export async function markSentMany(
  db: SqlExecutor,
  owner: string,
  items: ReadonlyArray<{ id: number; providerMessageId: string | null; at: Date }>,
): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const r = await db.query<{ id: string | number }>(
    `UPDATE outbox o SET status = 'sent', provider_message_id = u.pm, sent_at = u.at, lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = u.at
       FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $1::text[]) AS u(id, pm, at, owner)
      WHERE o.id = u.id AND o.lease_owner = u.owner AND o.status = 'in_flight' RETURNING o.id`,
    [
      items.map(() => owner),
      items.map((x) => x.id),
      items.map((x) => x.providerMessageId),
      items.map((x) => x.at),
    ],
  );
  return new Set(r.rows.map((x) => Number(x.id)));
}

export async function markRefusedMany(
  db: SqlExecutor,
  owner: string,
  items: ReadonlyArray<{ id: number; reasons: Reason[]; nextAllowedAt: Date | null; at: Date }>,
): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const r = await db.query<{ id: string | number; org_id: string }>(
    `UPDATE outbox o SET status = CASE WHEN u.next IS NULL THEN 'refused' ELSE 'pending' END,
            next_attempt_at = COALESCE(u.next, o.next_attempt_at), refusals = o.refusals + 1,
            attempts = o.attempts - 1, last_error = u.err, lease_owner = NULL, lease_until = NULL, updated_at = u.at
       FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::timestamptz[], $1::text[]) AS u(id, next, err, at, owner)
      WHERE o.id = u.id AND o.lease_owner = u.owner AND o.status = 'in_flight' RETURNING o.id, o.org_id`,
    [
      items.map(() => owner),
      items.map((x) => x.id),
      items.map((x) => x.nextAllowedAt),
      items.map((x) => refusalText(x.reasons)),
      items.map((x) => x.at),
    ],
  );
  const org = new Map(r.rows.map((x) => [Number(x.id), x.org_id]));
  const cols = refusalColumns(items, org);
  if (cols.id.length > 0)
    await db.query(
      `INSERT INTO outbox_refusals (outbox_id, org_id, rule, message, next_allowed_at, at)
       SELECT i, o, r, m, n, a FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) WITH ORDINALITY AS u(i, o, r, m, n, a, k) ORDER BY k`,
      [cols.id, cols.org, cols.rule, cols.msg, cols.next, cols.at],
    );
  return new Set(org.keys());
}

type RefusalColumns = {
  id: number[];
  org: string[];
  rule: string[];
  msg: string[];
  next: Array<Date | null>;
  at: Date[];
};

/** One `outbox_refusals` row per reason of each marked item, as columns for unnest. */
function refusalColumns(
  items: ReadonlyArray<{ id: number; reasons: Reason[]; nextAllowedAt: Date | null; at: Date }>,
  org: Map<number, string>,
): RefusalColumns {
  const cols: RefusalColumns = { id: [], org: [], rule: [], msg: [], next: [], at: [] };
  for (const x of items) {
    const o = org.get(x.id);
    if (o === undefined) continue;
    for (const e of x.reasons.length ? x.reasons : UNKNOWN_REASON) {
      cols.id.push(x.id);
      cols.org.push(o);
      cols.rule.push(e.rule);
      cols.msg.push(e.message);
      cols.next.push(x.nextAllowedAt);
      cols.at.push(x.at);
    }
  }
  return cols;
}
