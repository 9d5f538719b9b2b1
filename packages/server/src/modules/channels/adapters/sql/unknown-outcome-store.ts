import { SaldoError } from '@saldo/core';
import type { Db, SqlExecutor } from '../../../../shared/db/db.js';
import type { DebtorVault } from '../../../../shared/crypto/debtor-vault.js';
import { isoReq } from '../../../../shared/db/iso.js';
import { appendTimeline } from '../../../record/index.js';
import { OUTCOME_UNKNOWN } from '../../ports/messaging.js';
import type {
  UnknownOutcome,
  UnknownOutcomeResolution,
  UnknownOutcomeStore,
} from '../../ports/unknown-outcomes.js';

type Row = {
  id: string;
  account_id: string | null;
  debtor_id: string;
  channel: string;
  template_id: string;
  provider: string;
  requested_by: string;
  error: string;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS =
  'id, account_id, debtor_id, channel, template_id, provider, requested_by, error, created_at, updated_at';
/** The partial index `outbound_messages_unknown_outcome` (migration 0072) serves exactly this. */
const UNRESOLVED = `status = 'failed' AND error LIKE '${OUTCOME_UNKNOWN}%'`;

const toView = (r: Row): UnknownOutcome => ({
  messageId: r.id,
  accountId: r.account_id,
  debtorId: r.debtor_id,
  channel: r.channel,
  templateId: r.template_id,
  provider: r.provider,
  requestedBy: r.requested_by,
  detail: r.error,
  sentAt: isoReq(r.created_at),
  lastAttemptAt: isoReq(r.updated_at),
});

/** What the message row says once a person has looked: it counts as a contact only if delivered. */
function resolvedRow(r: UnknownOutcomeResolution) {
  return r.delivered
    ? { status: 'sent', error: `${OUTCOME_UNKNOWN}: confirmed delivered by a person` }
    : { status: 'failed', error: 'confirmed not delivered by a person' };
}

async function resolveOne(
  tx: SqlExecutor,
  vault: DebtorVault,
  orgId: string,
  messageId: string,
  r: UnknownOutcomeResolution,
): Promise<UnknownOutcome> {
  const found = await tx.query<Row & { status: string }>(
    `SELECT ${COLUMNS}, status FROM outbound_messages WHERE org_id = $1 AND id = $2 FOR UPDATE`,
    [orgId, messageId],
  );
  const row = found.rows[0];
  if (!row) throw new SaldoError('not_found', `message ${messageId} not found`);
  if (row.status !== 'failed' || !row.error?.startsWith(OUTCOME_UNKNOWN))
    throw new SaldoError(
      'conflict',
      `message ${messageId} has no unknown outcome to resolve (${row.status})`,
    );
  const next = resolvedRow(r);
  await tx.query(
    'UPDATE outbound_messages SET status = $3, error = $4, updated_at = $5 WHERE org_id = $1 AND id = $2',
    [orgId, messageId, next.status, next.error, r.at],
  );
  await appendTimeline(
    tx,
    {
      orgId,
      debtorId: row.debtor_id,
      accountId: row.account_id,
      occurredAt: r.at.toISOString(),
      kind: 'note',
      actor: 'agent',
      actorId: r.by,
      channel: null,
      direction: null,
      summary: r.delivered
        ? `A person confirmed that ${row.channel} message ${messageId} reached the debtor`
        : `A person confirmed that ${row.channel} message ${messageId} did not reach the debtor`,
      data: { messageId, unknownOutcome: r.delivered ? 'delivered' : 'not_delivered' },
      personal: { data: { note: r.note } },
    },
    vault,
  );
  return { ...toView(row), detail: next.error };
}

export function createSqlUnknownOutcomeStore(db: Db, vault: DebtorVault): UnknownOutcomeStore {
  return {
    async list(orgId, page) {
      const r = await db.query<Row>(
        `SELECT ${COLUMNS} FROM outbound_messages WHERE org_id = $1 AND ${UNRESOLVED} AND id > $2 ORDER BY id LIMIT $3`,
        [orgId, page.after ?? '', page.limit],
      );
      return r.rows.map(toView);
    },
    resolve: (orgId, messageId, r) => db.transaction((tx) => resolveOne(tx, vault, orgId, messageId, r)),
  };
}
