import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import { appendTimeline } from '../../record/index.js';
import type { CallbackRequests } from '../ports.js';

const TASK_TEXT: Record<'es' | 'en', string> = {
  es: 'La persona llamó a nuestro número; no se habló de la deuda. Devuélvale la llamada y verifique su identidad antes de hablar de la cuenta.',
  en: 'The person called our number; nothing about the debt was said. Call them back and verify who they are before discussing the account.',
};

/**
 * A call in becomes a task in the general queue (its summary shaped like a handoff's, for the agents'
 * view) tied to the debtor's live conversation if there is one, and a call entry on the timeline,
 * with the number sealed under the debtor's key. Once per call: Twilio may deliver the webhook again.
 */
export function createSqlCallbackRequests(db: Db, vault: DebtorVault): CallbackRequests {
  return {
    open: (orgId, caller, call) =>
      db.transaction(async (tx) => {
        const summary = {
          understood: [],
          offered: [],
          refused: [],
          agreed: [],
          mood: 'calm',
          verified: false,
          text: TASK_TEXT[caller.language],
          calledIn: { callId: call.callId },
        };
        const task = await tx.query<{ id: string }>(
          `INSERT INTO agent_tasks (org_id, debtor_id, account_id, conversation_id, queue, summary, status, created_at)
           SELECT $1, $2, $3,
                  (SELECT c.id FROM conversations c WHERE c.org_id = $1 AND c.debtor_id = $2 AND c.status <> 'closed'
                    ORDER BY c.last_turn_at DESC LIMIT 1),
                  'general', $4, 'open', $5
            WHERE NOT EXISTS (SELECT 1 FROM agent_tasks WHERE org_id = $1 AND summary->'calledIn'->>'callId' = $6)
           RETURNING id`,
          [
            orgId,
            caller.debtorId,
            caller.accountId,
            JSON.stringify(summary),
            call.at.toISOString(),
            call.callId,
          ],
        );
        const taskId = task.rows[0]?.id;
        if (!taskId) return false;
        await appendTimeline(
          tx,
          {
            orgId,
            debtorId: caller.debtorId,
            accountId: caller.accountId,
            occurredAt: call.at.toISOString(),
            kind: 'call',
            actor: 'debtor',
            actorId: null,
            channel: 'voicebot',
            direction: 'inbound',
            summary: 'The debtor called in; a person will call back',
            data: { callId: call.callId, taskId, queue: 'general' },
            personal: { data: { from: call.from } },
          },
          vault,
        );
        return true;
      }),
  };
}
