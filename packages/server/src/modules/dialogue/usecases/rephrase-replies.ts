import type { Channel } from '@saldo/core/channels';
import {
  checkRephrasing,
  maskReply,
  mayRephrase,
  replyLocale,
  unmaskReply,
  type FactKind,
  type ReplyLocale,
  type RephraseRefusal,
} from '@saldo/core/dialogue';
import type {
  DialogueFactsReader,
  Rephraser,
  RephraserFailure,
  StoredConversation,
  StoredTurn,
} from '../ports.js';

/** Why a reply went out as the engine wrote it: the endpoint failed, a marker was lost, or the check refused. */
export type RephraseFallbackReason = RephraserFailure | 'markers_changed' | RephraseRefusal;

/** What became of a reply's rewording: recorded with the sent message (its timeline entry's data). */
export type RephraseOutcome =
  { outcome: 'rephrased' } | { outcome: 'template'; reason: RephraseFallbackReason; kinds?: FactKind[] };

export interface ReplyToSend {
  text: string;
  rephrase: RephraseOutcome;
}

/** The text to send for each reply that may be reworded, by the reply's seq; a reply not in the map is sent as written. */
export type RephraseReplies = (
  conversation: StoredConversation,
  channel: Channel,
  replies: readonly StoredTurn[],
) => Promise<Map<number, ReplyToSend>>;

/**
 * The optional rewording of a turn's replies (SALDO_DIALOGUE_REPHRASE=on). Only disclosures and
 * conversation replies (never an identity check); the model gets the reply's text with its required
 * sentences, links and phone numbers masked, and its answer is used only when `checkRephrasing`
 * accepts it: the same facts, the required sentences word for word, the same language, within the
 * channel's limit. Anything else — a timeout, an HTTP error, a lost marker, a changed amount — sends
 * the engine's text, and is logged with its reason (never the text).
 */
export function createRephraseReplies(d: {
  rephraser: Rephraser;
  facts: Pick<DialogueFactsReader, 'account'>;
  log: (msg: string, data: Record<string, unknown>) => void;
}): RephraseReplies {
  async function one(
    c: StoredConversation,
    r: StoredTurn,
    locale: ReplyLocale,
    channel: Channel,
    names: readonly string[],
  ): Promise<ReplyToSend> {
    const asWritten = (reason: RephraseFallbackReason, kinds?: FactKind[]): ReplyToSend => {
      d.log('dialogue reply sent as written: its rewording was not used', {
        conversationId: c.id,
        seq: r.seq,
        reason,
        ...(kinds ? { kinds } : {}),
      });
      return { text: r.text, rephrase: { outcome: 'template', reason, ...(kinds ? { kinds } : {}) } };
    };
    const masked = maskReply(r.text, locale);
    const answer = await d.rephraser.rephrase({ text: masked.text, lang: locale.lang, channel });
    if (answer.kind === 'failed') return asWritten(answer.reason);
    const unmasked = unmaskReply(answer.text, masked);
    if (unmasked === null) return asWritten('markers_changed');
    const verdict = checkRephrasing({ template: r.text, rephrased: unmasked, locale, channel, names });
    if (!verdict.ok) return asWritten(verdict.reason, verdict.kinds);
    return { text: verdict.text, rephrase: { outcome: 'rephrased' } };
  }

  return async (c, channel, replies) => {
    const out = new Map<number, ReplyToSend>();
    const todo = replies.filter((r) => r.replyKind !== null && mayRephrase(r.replyKind, r.replyContent));
    if (todo.length === 0) return out;
    const f = await d.facts.account(c.orgId, c.accountId);
    if (!f) return out;
    const locale = replyLocale(c.state.language, f.country, f.currency);
    const names = [f.collectorName, f.creditorName];
    // The replies of a turn are reworded at once: the turn waits one deadline, not one per reply.
    const sendable = await Promise.all(todo.map((r) => one(c, r, locale, channel, names)));
    todo.forEach((r, i) => out.set(r.seq, sendable[i]!));
    return out;
  };
}
