/**
 * What one turn stores: the debtor's message and the bot's replies as conversation turns, the
 * conversation's status after the step, and — for a message already run — what it produced then.
 */
import type { DialogueState, StepResult } from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';
import type { ConversationStatus, ConversationStore, NewTurn } from '../ports.js';
import type { TurnInput, TurnOutcome } from './turn-types.js';

/** The stored status of an engine state: a locked conversation is a person's, like a handed-off one. */
export function statusOf(state: DialogueState): ConversationStatus {
  if (state === 'closed') return 'closed';
  return state === 'handed_off' || state === 'locked' ? 'handed_off' : 'open';
}

/** The debtor turn (with the NLU's reading and the step's actions), then one bot turn per reply. */
export function turnsOf(i: TurnInput, reading: NluResult, r: StepResult, seq: number, at: string): NewTurn[] {
  const base = { channel: i.origin.channel, at };
  const debtor: NewTurn = {
    ...base,
    actor: 'debtor',
    text: i.text,
    reading,
    actions: r.actions,
    replyKind: null,
    replyContent: null,
    answersSeq: null,
    replyIndex: null,
    sourceKey: i.sourceKey,
  };
  const replies = r.replies.map((reply, index): NewTurn => ({
    ...base,
    actor: 'bot',
    text: reply.text,
    reading: null,
    actions: [],
    replyKind: reply.kind,
    replyContent: reply.content,
    answersSeq: seq,
    replyIndex: index,
    sourceKey: null,
  }));
  return [debtor, ...replies];
}

/** A message already run (a redelivery): what its turn produced, so the replies can be sent again. */
export async function replayedTurn(
  conversations: ConversationStore,
  orgId: string,
  prior: { conversationId: string; seq: number },
): Promise<TurnOutcome> {
  const conversation = (await conversations.get(orgId, prior.conversationId))!;
  const turns = await conversations.turns(orgId, prior.conversationId);
  return {
    conversation,
    seq: prior.seq,
    replies: turns.filter((t) => t.answersSeq === prior.seq),
    actions: turns.find((t) => t.seq === prior.seq)?.actions ?? [],
    duplicate: true,
  };
}
