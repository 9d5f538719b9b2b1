import type { Db } from '../../../shared/db/db.js';
import type { DebtorVault } from '../../../shared/crypto/debtor-vault.js';
import { appendTimeline, type TimelinePersonal } from '../../record/index.js';
import type { TurnRef } from '../ports.js';

/**
 * A timeline entry of a conversation's turn: actor `bot` or `debtor`, the turn's channel and time.
 * `summary` and `data` are the non-personal facts; what was said goes in `personal`, sealed under
 * the debtor's key (ADR 0010).
 */
export function turnTimeline(
  db: Db,
  vault: DebtorVault,
  t: TurnRef,
  e: { kind: 'note' | 'dispute' | 'status_change' | 'contact_change' | 'message'; actor: 'bot' | 'debtor' },
  summary: string,
  data: Record<string, unknown>,
  personal?: TimelinePersonal,
) {
  return appendTimeline(
    db,
    {
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
      ...(personal ? { personal } : {}),
    },
    vault,
  );
}
