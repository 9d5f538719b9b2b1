import { canTransition, type AccountStatus } from '@saldo/core/record';
import type { Db } from '../../../shared/db/db.js';
import type { ChannelDomainEvent } from '../../channels/index.js';
import { appendDomainEvents } from '../../events/index.js';
import { appendTimeline, type RecordDomainEvent } from '../../record/index.js';
import type { DialogueDomainEvent } from '../dialogue-events.js';
import type { DialogueRecord, TurnRef } from '../ports.js';

/**
 * The dialogue's facts in the record, written with the caller's transaction (`db.query` joins
 * it): disputes, account statuses through the status machine, the hardship flag, consents,
 * wrong-party contact points, contact preferences, agent tasks — each with its timeline entry,
 * actor `bot` for what the bot did and `debtor` for what the debtor said or asked for.
 */
export function createSqlDialogueRecord(db: Db): DialogueRecord {
  const timeline = (
    t: TurnRef,
    e: { kind: 'note' | 'dispute' | 'status_change' | 'contact_change' | 'message'; actor: 'bot' | 'debtor' },
    summary: string,
    data: Record<string, unknown>,
  ) =>
    appendTimeline(db, {
      orgId: t.orgId,
      debtorId: t.debtorId,
      accountId: t.accountId,
      occurredAt: t.at.toISOString(),
      kind: e.kind,
      actor: e.actor,
      actorId: null,
      channel: t.channel,
      direction: null,
      summary: summary.slice(0, 280),
      data: { conversationId: t.conversationId, turn: t.seq, ...data },
    });

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
      await timeline(t, { kind: 'dispute', actor: 'debtor' }, 'Dispute opened in a conversation', {
        disputeId: r.rows[0]!.id,
      });
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

    async withdrawConsent(t, channel) {
      await db.query(
        `INSERT INTO channel_consents (org_id, debtor_id, channel, state, source, recorded_at, opted_out_at, opt_out_source)
         VALUES ($1, $2, $3, 'denied', 'dialogue', $4, $4, 'dialogue')
         ON CONFLICT (debtor_id, channel) DO UPDATE
           SET state = 'denied', recorded_at = EXCLUDED.recorded_at,
               opted_out_at = COALESCE(channel_consents.opted_out_at, EXCLUDED.opted_out_at),
               opt_out_source = COALESCE(channel_consents.opt_out_source, EXCLUDED.opt_out_source)`,
        [t.orgId, t.debtorId, channel, t.at.toISOString()],
      );
      await timeline(
        t,
        { kind: 'contact_change', actor: 'debtor' },
        `Opted out of ${channel} in a conversation`,
        {
          optOut: channel,
        },
      );
      // The journeys stop using the channel, as they do for a keyword opt-out.
      const event: ChannelDomainEvent = {
        type: 'channel.opted_out',
        orgId: t.orgId,
        debtorId: t.debtorId,
        channel,
        // Its own inbound id: the journeys' key for the reply itself (`in:<inboundId>`) is taken.
        inboundId: `dlg:${t.conversationId}:${t.seq}`,
        keyword: '',
      };
      await appendDomainEvents(
        db,
        [{ key: `dialogue-opt-out:${t.conversationId}:${t.seq}:${channel}`, event }],
        t.at,
      );
    },

    async stopContactPoint(t, address) {
      const r = await db.query(
        `UPDATE contact_points SET wrong_party_at = $4, updated_at = $4
          WHERE org_id = $1 AND debtor_id = $2 AND value = $3 AND wrong_party_at IS NULL`,
        [t.orgId, t.debtorId, address, t.at.toISOString()],
      );
      if (r.rowCount === 0) return false;
      await timeline(
        t,
        { kind: 'contact_change', actor: 'bot' },
        `Contact point ${address} marked wrong party`,
        {
          wrongParty: address,
        },
      );
      return true;
    },

    async setContactPreference(t, p) {
      await db.query(
        `UPDATE debtors SET preferred_channel = COALESCE($3, preferred_channel),
                            preferred_hours = COALESCE($4::jsonb, preferred_hours), updated_at = $5
          WHERE org_id = $1 AND id = $2`,
        [t.orgId, t.debtorId, p.channel, p.hours ? JSON.stringify(p.hours) : null, t.at.toISOString()],
      );
      const hours = p.hours ? ` ${p.hours.from ?? ''}–${p.hours.to ?? ''}` : '';
      await timeline(
        t,
        { kind: 'contact_change', actor: 'debtor' },
        `Contact preference: ${p.channel ?? 'same channel'}${hours}`,
        { preferredChannel: p.channel, preferredHours: p.hours ?? null },
      );
    },

    async note(t, summary, data) {
      await timeline(t, { kind: 'note', actor: 'bot' }, summary, data);
    },

    async handoff(t, queue, summary) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO agent_tasks (org_id, debtor_id, account_id, conversation_id, queue, summary, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) RETURNING id`,
        [
          t.orgId,
          t.debtorId,
          t.accountId,
          t.conversationId,
          queue,
          JSON.stringify(summary),
          t.at.toISOString(),
        ],
      );
      const taskId = r.rows[0]!.id;
      await timeline(
        t,
        { kind: 'note', actor: 'bot' },
        `Handed over to the ${queue} queue: ${summary.text}`,
        {
          taskId,
          queue,
        },
      );
      const event: DialogueDomainEvent = {
        type: 'dialogue.handed_off',
        orgId: t.orgId,
        debtorId: t.debtorId,
        accountId: t.accountId,
        conversationId: t.conversationId,
        taskId,
        queue,
      };
      await appendDomainEvents(db, [{ key: `dialogue-handoff:${taskId}`, event }], t.at);
      return taskId;
    },

    async turnOnTimeline(t, actor, text, seq) {
      await appendTimeline(db, {
        orgId: t.orgId,
        debtorId: t.debtorId,
        accountId: t.accountId,
        occurredAt: t.at.toISOString(),
        kind: 'message',
        actor,
        actorId: null,
        channel: t.channel,
        direction: actor === 'debtor' ? 'inbound' : 'outbound',
        summary: text.slice(0, 280),
        data: { conversationId: t.conversationId, turn: seq },
      });
    },
  };
}
