import { isOutcomeUnknown } from '../../ports/messaging.js';
import type { OutboundHistoryItem, OutboundMessageRecord } from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import { isoReq } from '../../../../shared/db/iso.js';
import { toRecord, type Row } from './outbound-message-row.js';

/** Past contacts of several debtors in [since, until], for the compliance history (one query). */
export async function historyForDebtors(
  db: SqlExecutor,
  orgId: string,
  debtorIds: readonly string[],
  since: Date,
  until: Date,
): Promise<Map<string, OutboundHistoryItem[]>> {
  const r = await db.query<
    Pick<
      Row,
      | 'debtor_id'
      | 'created_at'
      | 'channel'
      | 'account_id'
      | 'status'
      | 'outcome'
      | 'provider_message_id'
      | 'idempotency_key'
      | 'error'
    >
  >(
    `SELECT debtor_id, created_at, channel, account_id, status, outcome, provider_message_id, idempotency_key, error FROM outbound_messages
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
      // An unknown outcome may have reached the debtor: it counts against the caps, as a contact.
      handedToProvider: x.provider_message_id !== null || x.status !== 'failed' || isOutcomeUnknown(x.error),
      idempotencyKey: x.idempotency_key,
    });
  }
  return out;
}

export async function getMessage(
  db: SqlExecutor,
  orgId: string,
  id: string,
): Promise<OutboundMessageRecord | null> {
  const r = await db.query<Row>('SELECT * FROM outbound_messages WHERE org_id = $1 AND id = $2', [orgId, id]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

export async function findByKey(
  db: SqlExecutor,
  orgId: string,
  key: string,
): Promise<OutboundMessageRecord | null> {
  const r = await db.query<Row>(
    'SELECT * FROM outbound_messages WHERE org_id = $1 AND idempotency_key = $2',
    [orgId, key],
  );
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

export async function findByKeys(
  db: SqlExecutor,
  orgId: string,
  keys: readonly string[],
): Promise<Map<string, OutboundMessageRecord>> {
  const r = await db.query<Row>(
    'SELECT * FROM outbound_messages WHERE org_id = $1 AND idempotency_key = ANY($2::text[])',
    [orgId, [...new Set(keys)]],
  );
  return new Map(r.rows.map((x) => [x.idempotency_key, toRecord(x)]));
}
