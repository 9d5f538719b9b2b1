/**
 * Which conversation a debtor turn belongs to: the account the message is about, and that account's
 * live conversation — or a new one when there is none or it fell silent for too long.
 */
import { SaldoError } from '@saldo/core';
import { newConversation } from '@saldo/core/dialogue';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ConversationStore, DialogueFacts, DialogueFactsReader, StoredConversation } from '../ports.js';
import type { TurnInput } from './turn-types.js';

/** After this much silence a conversation is over: the next message starts a new one (identity asked again). */
export const CONVERSATION_TIMEOUT_DAYS = 30;

const timedOut = (c: StoredConversation, now: Date) =>
  now.getTime() - Date.parse(c.lastTurnAt) > CONVERSATION_TIMEOUT_DAYS * 86_400_000;

/**
 * The account a message is about: the conversation's (API turns), the one named, the debtor's live
 * conversation's, else their largest collectable account. Read outside the turn's transaction.
 */
export async function accountOfTurn(
  d: { conversations: ConversationStore; facts: DialogueFactsReader; clock: Clock },
  i: TurnInput,
): Promise<string> {
  if (i.conversationId) {
    const c = await d.conversations.get(i.orgId, i.conversationId);
    if (!c) throw new SaldoError('not_found', `conversation ${i.conversationId} not found`);
    return c.accountId;
  }
  if (i.accountId) return i.accountId;
  const live = await d.conversations.latestLiveOfDebtor(i.orgId, i.debtorId);
  if (live && !timedOut(live, d.clock.now())) return live.accountId;
  const id = await d.facts.defaultAccountOf(i.orgId, i.debtorId);
  if (!id) throw new SaldoError('not_found', `debtor ${i.debtorId} has no account`);
  return id;
}

/**
 * The conversation the turn is written to, locked for the turn's transaction: the one named (API
 * turns), else the account's live one; a live one silent for too long is closed and a new one
 * started in the debtor's language.
 */
export async function conversationForTurn(
  conversations: ConversationStore,
  i: TurnInput,
  f: DialogueFacts,
  now: Date,
): Promise<StoredConversation> {
  if (i.conversationId) {
    const c = await conversations.getForUpdate(i.orgId, i.conversationId);
    if (!c) throw new SaldoError('not_found', `conversation ${i.conversationId} not found`);
    return c;
  }
  const live = await conversations.liveForUpdate(i.orgId, f.debtorId, f.accountId);
  if (live && !timedOut(live, now)) return live;
  if (live) await conversations.close(i.orgId, live.id, now);
  return conversations.create({
    orgId: i.orgId,
    debtorId: f.debtorId,
    accountId: f.accountId,
    state: newConversation(f.language),
    channel: i.origin.channel,
    at: now,
  });
}
