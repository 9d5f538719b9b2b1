import { canTransition, type AccountStatus } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type { TimelinePersonal } from '../../record/index.js';
import { appendDomainEvents } from '../../events/index.js';
import { recordEventKey, type RecordDomainEvent } from '../../record/index.js';
import type { DialogueRecord, TurnRef } from '../ports.js';

import { turnTimeline } from './turn-timeline.js';

/** The account's facts a conversation changes: disputes, statuses (through the status machine), hardship. */
export function accountFacts(
  db: Db,
  vault: DebtorVault,
): Pick<DialogueRecord, 'openDispute' | 'moveStatus' | 'flagHardship'> {
  const timeline = (
    t: TurnRef,
    e: Parameters<typeof turnTimeline>[3],
    summary: string,
    data: Record<string, unknown>,
    personal?: TimelinePersonal,
  ) => turnTimeline(db, vault, t, e, summary, data, personal);
  return {
    async openDispute(t) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO disputes (org_id, account_id, reason, details, status, channel, opened_at)
         VALUES ($1, $2, 'debtor_dispute', $3, 'open', $4, $5) RETURNING id`,
        [
          t.orgId,
          t.accountId,
          `conversation ${t.conversationId}, turn ${t.seq}`,
          t.channel,
          t.at.toISOString(),
        ],
      );
      const disputeId = r.rows[0]!.id;
      await timeline(t, { kind: 'dispute', actor: 'debtor' }, 'Dispute opened in a conversation', {
        disputeId,
      });
      const event: RecordDomainEvent = {
        type: 'dispute.opened',
        orgId: t.orgId,
        accountId: t.accountId,
        debtorId: t.debtorId,
        disputeId,
        reason: 'debtor_dispute',
        channel: t.channel,
      };
      await appendDomainEvents(db, [{ key: recordEventKey(event), event }], t.at);
    },

    async moveStatus(t, to, why) {
      const r = await db.query<{ status: AccountStatus }>(
        `SELECT status FROM accounts WHERE org_id = $1 AND id = $2 FOR UPDATE`,
        [t.orgId, t.accountId],
      );
      const from = r.rows[0]?.status;
      if (from === undefined || from === to || !canTransition(from, to)) return false;
      await db.query(`UPDATE accounts SET status = $3, updated_at = $4 WHERE org_id = $1 AND id = $2`, [
        t.orgId,
        t.accountId,
        to,
        t.at.toISOString(),
      ]);
      await timeline(t, { kind: 'status_change', actor: 'bot' }, `Status ${from} → ${to}: ${why}`, {
        from,
        to,
      });
      const event: RecordDomainEvent = {
        type: 'account.status_changed',
        orgId: t.orgId,
        accountId: t.accountId,
        debtorId: t.debtorId,
        from,
        to,
        cause: `conversation:${t.conversationId}:${t.seq}`,
      };
      await appendDomainEvents(db, [{ key: null, event }], t.at);
      return true;
    },

    async flagHardship(t) {
      await db.query(
        `UPDATE debtors SET vulnerabilities = array_append(vulnerabilities, 'hardship'), updated_at = $3
          WHERE org_id = $1 AND id = $2 AND NOT ('hardship' = ANY(vulnerabilities))`,
        [t.orgId, t.debtorId, t.at.toISOString()],
      );
      await timeline(t, { kind: 'note', actor: 'debtor' }, 'Financial hardship told in a conversation', {});
    },
  };
}
