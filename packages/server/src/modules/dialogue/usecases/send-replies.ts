import {
  dialogueReplyTemplateId,
  type ContactChannel,
  type ContactOutcome,
  type Messaging,
} from '../../channels/index.js';
import type { StoredConversation, StoredTurn } from '../ports.js';
import type { RephraseReplies, ReplyToSend } from './rephrase-replies.js';

/** The send key of a reply: the same reply of the same turn is never a second message. */
export const replyKey = (conversationId: string, seq: number, index: number) =>
  `dialogue:${conversationId}:${seq}:${index}`;

const asWritten: ReadonlyMap<number, ReplyToSend> = new Map();

/** A send that may succeed later (a provider outage): the turn's event is delivered again. */
export class ReplyNotSent extends Error {}

/**
 * Sends a turn's replies through `Messaging.contact`, the one send path: the compliance check of
 * that contact (with the reply's kind and the content it carries), the WhatsApp service window and
 * the SMS rules; the outbound row is written under the reply's key before the provider is called,
 * so a retry after a crash answers from it instead of sending again. Each reply goes back to `to`,
 * the address the person wrote from (see `recipientFor`). With `rephrase` (the optional
 * rewording), a reply whose rewording passed the fact check is sent in those words.
 */
export async function sendReplies(
  messaging: Messaging,
  conversation: StoredConversation,
  channel: ContactChannel,
  to: string,
  replies: readonly StoredTurn[],
  log: (msg: string, data: Record<string, unknown>) => void,
  rephrase?: RephraseReplies,
): Promise<ContactOutcome[]> {
  const outcomes: ContactOutcome[] = [];
  const reworded = rephrase ? await rephrase(conversation, channel, replies) : asWritten;
  for (const r of replies) {
    if (r.replyKind === null || r.answersSeq === null || r.replyIndex === null) continue;
    const sendable = reworded.get(r.seq);
    const outcome = await messaging.contact({
      orgId: conversation.orgId,
      accountId: conversation.accountId,
      channel,
      templateId: dialogueReplyTemplateId(r.replyKind),
      idempotencyKey: replyKey(conversation.id, r.answersSeq, r.replyIndex),
      requestedBy: { kind: 'dialogue', id: conversation.id },
      reply: {
        text: sendable?.text ?? r.text,
        kind: r.replyKind,
        content: r.replyContent ?? { miniMiranda: false, optOutInstructions: false },
        ...(sendable ? { rephrase: sendable.rephrase } : {}),
        to,
      },
    });
    outcomes.push(outcome);
    if (outcome.kind === 'failed' && outcome.retryable)
      throw new ReplyNotSent(`reply ${r.seq} of ${conversation.id} not sent: ${outcome.reason}`);
    if (outcome.kind === 'refused' || outcome.kind === 'failed')
      log('dialogue reply not sent', { conversationId: conversation.id, seq: r.seq, outcome: outcome.kind });
  }
  return outcomes;
}
