import type { MessageTemplate } from '@saldo/core/channels';
import { dialogueReplyTemplateId, type ContactRequest, type DialogueReply } from '../ports/messaging.js';

/**
 * The stand-in template of a conversation's reply: it names the reply's kind in the outbound row,
 * a refusal and the timeline (`tpl_dialogue_identity_check`…); the body is the reply's own text,
 * rendered as is (contact-render.ts) and checked with the content the reply declares.
 */
export function dialogueReplyTemplate(
  req: ContactRequest,
  reply: DialogueReply,
  locale: string,
): MessageTemplate {
  return {
    id: dialogueReplyTemplateId(reply.kind),
    purpose: 'follow_up',
    channel: req.channel,
    locale: /^(es|en)(-[A-Z]{2})?$/.test(locale) ? locale : locale.slice(0, 2),
    body: reply.text,
  };
}

/**
 * What a conversation's reply declares to the compliance engine: the content the engine composed
 * (opt-out instructions, the debt-collector disclosure) and, for an identity check before
 * verification, that it conveys no information regarding a debt — which the dialogue engine
 * guarantees for that kind (property-tested), and which exempts it from the US mini-Miranda (a
 * message without debt information is not a communication, 12 CFR 1006.2(d); docs/compliance.md).
 * A reply that only acknowledges a dispute, a request to stop, a death or a bankruptcy, or only
 * confirms an opt-out, says so (replies/compose.ts): the state or the opt-out it acknowledges does
 * not bar it.
 */
export function dialogueReplyContent(reply: DialogueReply): {
  optOutInstructions: boolean;
  miniMiranda: boolean;
  noDebtInformation: boolean;
  acknowledgementOnly: boolean;
  optOutConfirmation: boolean;
} {
  return {
    optOutInstructions: reply.content.optOutInstructions,
    miniMiranda: reply.content.miniMiranda,
    noDebtInformation: reply.kind === 'identity_check',
    acknowledgementOnly: reply.content.acknowledgementOnly === true,
    optOutConfirmation: reply.content.optOutConfirmation === true,
  };
}
