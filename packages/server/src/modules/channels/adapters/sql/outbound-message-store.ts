import { voiceChannels, type DeliveryStatus, type ProviderId } from '@saldo/core/channels';
import type {
  CallOutcome,
  OutboundHistoryItem,
  OutboundMessageRecord,
  OutboundMessageStore,
} from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import { isoReq } from '../../../../shared/db/iso.js';

type Row = {
  id: string;
  org_id: string;
  debtor_id: string;
  account_id: string | null;
  channel: OutboundMessageRecord['channel'];
  template_id: string;
  recipient: string;
  provider: ProviderId;
  provider_message_id: string | null;
  idempotency_key: string;
  status: OutboundMessageRecord['status'];
  outcome: CallOutcome | null;
  requested_by: string;
  error: string | null;
  retryable: boolean;
  created_at: Date;
  updated_at: Date;
};

const toRecord = (r: Row): OutboundMessageRecord => ({
  id: r.id,
  orgId: r.org_id,
  debtorId: r.debtor_id,
  accountId: r.account_id,
  channel: r.channel,
  templateId: r.template_id,
  recipient: r.recipient,
  provider: r.provider,
  providerMessageId: r.provider_message_id,
  idempotencyKey: r.idempotency_key,
  status: r.status,
  outcome: r.outcome,
  requestedBy: r.requested_by,
  error: r.error,
  retryable: r.retryable,
  createdAt: isoReq(r.created_at),
  updatedAt: isoReq(r.updated_at),
});

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

export function createSqlOutboundMessageStore(db: SqlExecutor): OutboundMessageStore {
  async function historyForDebtors(
    orgId: string,
    debtorIds: readonly string[],
    since: Date,
    until: Date,
  ): Promise<Map<string, OutboundHistoryItem[]>> {
    const r = await db.query<
      Pick<
        Row,
        'debtor_id' | 'created_at' | 'channel' | 'account_id' | 'status' | 'outcome' | 'provider_message_id'
      >
    >(
      `SELECT debtor_id, created_at, channel, account_id, status, outcome, provider_message_id FROM outbound_messages
        WHERE org_id = $1 AND debtor_id = ANY($2::text[]) AND created_at >= $3 AND created_at <= $4 ORDER BY debtor_id, created_at`,
      [orgId, [...new Set(debtorIds)], since, until],
    );
    const out = new Map<string, OutboundHistoryItem[]>(debtorIds.map((d) => [d, []]));
    for (const x of r.rows) {
      out.get(x.debtor_id)?.push({
        at: isoReq(x.created_at),
        channel: x.channel,
        accountId: x.account_id,
        status: x.status,
        outcome: x.outcome,
        handedToProvider: x.provider_message_id !== null || x.status !== 'failed',
      });
    }
    return out;
  }

  return {
    async insertOnce(m) {
      const ins = await db.query<{ id: string }>(
        `INSERT INTO outbound_messages (org_id, debtor_id, account_id, channel, template_id, recipient, provider, idempotency_key, status, requested_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $10, $10)
         ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id`,
        [
          m.orgId,
          m.debtorId,
          m.accountId,
          m.channel,
          m.templateId,
          m.recipient,
          m.provider,
          m.idempotencyKey,
          m.requestedBy,
          m.at,
        ],
      );
      if (ins.rows[0]) return { kind: 'inserted', id: ins.rows[0].id };
      // Only a send the provider refused with a retryable error (rate limit, outage) is tried again
      // under the same key; the UPDATE … WHERE status = 'failed' lets one caller claim it.
      const claimed = await db.query<{ id: string }>(
        `UPDATE outbound_messages SET status = 'queued', error = NULL, retryable = false, provider = $3, recipient = $4, updated_at = $5
          WHERE org_id = $1 AND idempotency_key = $2 AND status = 'failed' AND retryable AND provider_message_id IS NULL RETURNING id`,
        [m.orgId, m.idempotencyKey, m.provider, m.recipient, m.at],
      );
      if (claimed.rows[0]) return { kind: 'claimed', id: claimed.rows[0].id };
      const existing = await db.query<{ id: string }>(
        'SELECT id FROM outbound_messages WHERE org_id = $1 AND idempotency_key = $2',
        [m.orgId, m.idempotencyKey],
      );
      return { kind: 'duplicate', id: existing.rows[0]!.id };
    },

    async markSent(orgId, id, providerMessageId, status, at) {
      await db.query(
        'UPDATE outbound_messages SET provider_message_id = $3, status = $4, updated_at = $5 WHERE org_id = $1 AND id = $2',
        [orgId, id, providerMessageId, status, at],
      );
    },

    async markFailed(orgId, id, error, retryable, at) {
      await db.query(
        "UPDATE outbound_messages SET status = 'failed', error = $3, retryable = $4, updated_at = $5 WHERE org_id = $1 AND id = $2",
        [orgId, id, error.slice(0, 2000), retryable, at],
      );
    },

    async applyStatus(orgId, provider, providerMessageId, status, at) {
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
    },

    async applyStatusMany(orgId, items, at) {
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
    },

    async get(orgId, id) {
      const r = await db.query<Row>('SELECT * FROM outbound_messages WHERE org_id = $1 AND id = $2', [
        orgId,
        id,
      ]);
      return r.rows[0] ? toRecord(r.rows[0]) : null;
    },

    async findByKey(orgId, key) {
      const r = await db.query<Row>(
        'SELECT * FROM outbound_messages WHERE org_id = $1 AND idempotency_key = $2',
        [orgId, key],
      );
      return r.rows[0] ? toRecord(r.rows[0]) : null;
    },

    async historyForDebtor(orgId, debtorId, since, until) {
      return (await historyForDebtors(orgId, [debtorId], since, until)).get(debtorId) ?? [];
    },

    async findByKeys(orgId, keys) {
      const r = await db.query<Row>(
        'SELECT * FROM outbound_messages WHERE org_id = $1 AND idempotency_key = ANY($2::text[])',
        [orgId, [...new Set(keys)]],
      );
      return new Map(r.rows.map((x) => [x.idempotency_key, toRecord(x)]));
    },

    historyForDebtors,
  };
}
