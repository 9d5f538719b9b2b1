import type { SandboxDialogueView } from '@saldo/core/channels';
import type { Db } from '../../../../shared/db/db.js';

/** The send key of a bot reply (modules/dialogue): `dialogue:<conversation>:<debtor turn seq>:<index>`. */
const replyKey = /^dialogue:([^:]+):(\d+):(\d+)$/;

/** The slice of the engine's conversation JSON the sandbox reads (migration 0060, `conversations.state`). */
interface StateJson {
  state?: SandboxDialogueView['state'];
  turns?: number;
  verification?: { tries?: number; asked?: SandboxDialogueView['asked'] };
  choices?: unknown[];
  offers?: { agreed?: unknown[] };
  signals?: { refusals?: number };
}

/**
 * How the bot's reply under `idempotencyKey` left its conversation, for the simulated debtor to answer
 * it: null when the message is not a bot reply; `'not_last'` for a reply followed by another of the
 * same answer (the person reads the whole answer and writes once, after the last one).
 */
export async function sandboxDialogueView(
  db: Db,
  orgId: string,
  idempotencyKey: string,
): Promise<SandboxDialogueView | 'not_last' | null> {
  const key = replyKey.exec(idempotencyKey);
  if (!key) return null;
  const [, conversationId = '', seq = '0', index = '0'] = key;
  const r = await db.query<{ state: StateJson; last_index: number | null }>(
    `SELECT c.state,
            (SELECT max(reply_index) FROM conversation_turns t
              WHERE t.conversation_id = c.id AND t.answers_seq = $3) AS last_index
       FROM conversations c WHERE c.org_id = $1 AND c.id = $2`,
    [orgId, conversationId, Number(seq)],
  );
  const row = r.rows[0];
  if (!row) return null;
  if (row.last_index !== null && Number(index) < row.last_index) return 'not_last';
  const s = row.state;
  const asked = s.verification?.asked ?? null;
  return {
    state: s.state ?? 'closed',
    asked,
    failedTries: s.verification?.tries ?? 0,
    debtorTurns: s.turns ?? 0,
    offersOnTable: (s.choices?.length ?? 0) > 0,
    agreed: (s.offers?.agreed?.length ?? 0) > 0,
    refusals: s.signals?.refusals ?? 0,
  };
}
