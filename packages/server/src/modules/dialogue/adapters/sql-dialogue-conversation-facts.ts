import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import type { TimelinePersonal } from '../../record/index.js';
import { appendDomainEvents } from '../../events/index.js';
import { appendTimeline } from '../../record/index.js';
import type { DialogueDomainEvent } from '../dialogue-events.js';
import type { DialogueRecord, TurnRef } from '../ports.js';

import { turnTimeline } from './turn-timeline.js';

/** The conversation itself on the record: notes, handoffs to an agent queue, and every turn. */
export function conversationFacts(
  db: Db,
  vault: DebtorVault,
): Pick<DialogueRecord, 'note' | 'handoff' | 'turnOnTimeline'> {
  const timeline = (
    t: TurnRef,
    e: Parameters<typeof turnTimeline>[3],
    summary: string,
    data: Record<string, unknown>,
    personal?: TimelinePersonal,
  ) => turnTimeline(db, vault, t, e, summary, data, personal);
  return {
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
        `Handed over to the ${queue} queue`,
        { taskId, queue },
        { summary: `Handed over to the ${queue} queue: ${summary.text}` },
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
      await appendTimeline(
        db,
        {
          orgId: t.orgId,
          debtorId: t.debtorId,
          accountId: t.accountId,
          occurredAt: t.at.toISOString(),
          kind: 'message',
          actor,
          actorId: null,
          channel: t.channel,
          direction: actor === 'debtor' ? 'inbound' : 'outbound',
          // What was said is sealed under the debtor's key (ADR 0010); the turn is the fact.
          summary: `${actor === 'debtor' ? 'debtor' : 'bot'} turn ${seq} (${t.channel})`,
          data: { conversationId: t.conversationId, turn: seq },
          personal: { summary: text.slice(0, 280) },
        },
        vault,
      );
    },
  };
}
