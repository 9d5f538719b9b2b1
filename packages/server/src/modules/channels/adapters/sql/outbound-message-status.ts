import { voiceChannels, type DeliveryStatus, type ProviderId } from '@saldo/core/channels';
import type { CallOutcome, OutboundMessageRecord } from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import { toRecord, type Row } from './outbound-message-row.js';

/**
 * How far along a message is. A late or re-ordered callback (`delivered` after `read`) never moves
 * the status back; failures outrank progress, and a complaint outranks everything.
 */
const STATUS_RANK: Record<OutboundMessageRecord['status'], number> = {
  queued: 0,
  sent: 1,
  ringing: 1,
  delivered: 2,
  answered: 3,
  answered_human: 3,
  answered_machine: 3,
  no_answer: 3,
  busy: 3,
  completed: 3,
  read: 4,
  opened: 4,
  clicked: 5,
  failed: 6,
  undelivered: 6,
  bounced: 6,
  complained: 7,
};

/**
 * The call outcome a status implies, as the compliance engine counts it. A human answer is counted
 * as a right-party `conversation` (the conservative reading: it starts Reg F's 7-day cooldown).
 */
export function outcomeOf(status: DeliveryStatus): CallOutcome | null {
  switch (status) {
    case 'answered_human':
      return 'conversation';
    case 'answered_machine':
      return 'voicemail';
    case 'no_answer':
      return 'no_answer';
    case 'busy':
      return 'busy';
    case 'failed':
    case 'undelivered':
      return 'not_connected';
    default:
      return null;
  }
}

const VOICE = new Set<string>(voiceChannels);

/** STATUS_RANK as SQL, for comparing in one UPDATE. */
const RANK_SQL = (expr: string) =>
  `(CASE ${expr} ${Object.entries(STATUS_RANK)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(' ')} ELSE -1 END)`;

/** A status callback: moves the status forward (never back) and sets the call outcome. */
export async function applyStatus(
  db: SqlExecutor,
  orgId: string,
  provider: ProviderId,
  providerMessageId: string,
  status: DeliveryStatus,
  at: Date,
): Promise<OutboundMessageRecord | null> {
  // The common case in one statement: the row moves forward (or, on a call, takes its outcome).
  const voiceOutcome = outcomeOf(status);
  const direct = await db.query<Row>(
    `UPDATE outbound_messages SET status = CASE WHEN ${RANK_SQL('$4::text')} >= ${RANK_SQL('status')} THEN $4 ELSE status END,
            outcome = CASE WHEN channel = ANY($6::text[]) THEN COALESCE($5, outcome) ELSE outcome END, updated_at = $7
      WHERE org_id = $1 AND provider = $2 AND provider_message_id = $3
        AND (${RANK_SQL('$4::text')} >= ${RANK_SQL('status')} OR (channel = ANY($6::text[]) AND $5::text IS NOT NULL))
      RETURNING *`,
    [orgId, provider, providerMessageId, status, voiceOutcome, [...VOICE], at],
  );
  if (direct.rows[0]) return toRecord(direct.rows[0]);
  const r = await db.query<Row>(
    'SELECT * FROM outbound_messages WHERE org_id = $1 AND provider = $2 AND provider_message_id = $3',
    [orgId, provider, providerMessageId],
  );
  const row = r.rows[0];
  if (!row) return null;
  const forward = STATUS_RANK[status] >= STATUS_RANK[row.status];
  const outcome = VOICE.has(row.channel) ? outcomeOf(status) : null;
  if (!forward && !outcome) return toRecord(row);
  const u = await db.query<Row>(
    `UPDATE outbound_messages SET status = CASE WHEN $3 THEN $4 ELSE status END, outcome = COALESCE($5, outcome), updated_at = $6
      WHERE id = $1 AND org_id = $2 RETURNING *`,
    [row.id, orgId, forward, status, outcome, at],
  );
  return toRecord(u.rows[0]!);
}

/** `applyStatus` for a run of callbacks in one statement: same result as applying them in order. */
export async function applyStatusMany(
  db: SqlExecutor,
  orgId: string,
  items: ReadonlyArray<{ provider: ProviderId; providerMessageId: string; status: DeliveryStatus }>,
  at: Date,
): Promise<void> {
  // Folded per message first, which gives what applying them in order would: the last status
  // of the highest rank (compared with the row's own in SQL), and the last call outcome.
  const folded = new Map<
    string,
    { provider: ProviderId; pmid: string; status: DeliveryStatus; outcome: CallOutcome | null }
  >();
  for (const it of items) {
    const k = `${it.provider}\u0000${it.providerMessageId}`;
    const cur = folded.get(k);
    const outcome = outcomeOf(it.status);
    if (!cur)
      folded.set(k, { provider: it.provider, pmid: it.providerMessageId, status: it.status, outcome });
    else {
      if (STATUS_RANK[it.status] >= STATUS_RANK[cur.status]) cur.status = it.status;
      if (outcome) cur.outcome = outcome;
    }
  }
  if (folded.size === 0) return;
  const f = [...folded.values()];
  await db.query(
    `UPDATE outbound_messages m SET status = CASE WHEN ${RANK_SQL('u.s')} >= ${RANK_SQL('m.status')} THEN u.s ELSE m.status END,
            outcome = CASE WHEN m.channel = ANY($5::text[]) THEN COALESCE(u.oc, m.outcome) ELSE m.outcome END, updated_at = $6
       FROM unnest($2::text[], $3::text[], $4::text[], $7::text[]) AS u(p, id, s, oc)
      WHERE m.org_id = $1 AND m.provider = u.p AND m.provider_message_id = u.id
        AND (${RANK_SQL('u.s')} >= ${RANK_SQL('m.status')} OR (m.channel = ANY($5::text[]) AND u.oc IS NOT NULL))`,
    [
      orgId,
      f.map((x) => x.provider),
      f.map((x) => x.pmid),
      f.map((x) => x.status),
      [...VOICE],
      at,
      f.map((x) => x.outcome),
    ],
  );
}
