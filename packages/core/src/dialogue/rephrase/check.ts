import { assertUnreachable } from '../../errors/index.js';
import type { Channel } from '../../channels/channel.js';
import { smsSegments } from '../../channels/sms-segments.js';
import { detectLanguage } from '../../nlu/language.js';
import type { ReplyContent, ReplyKind } from '../types.js';
import { sameFacts } from './facts.js';
import type { ReplyLocale } from './locale.js';
import { missingRequiredLine, requiredLines } from './required-lines.js';
import type { FactDifference, FactKind } from './types.js';

/**
 * Replies a rewording may be asked for. Never `identity_check`: the compliance engine exempts it
 * from the debt-collector disclosure because the engine guarantees it carries no information about a
 * debt (property-tested), which a model's rewording cannot guarantee; and before verification the
 * reader may not be the debtor.
 */
export const rephrasableKinds = ['disclosure', 'conversation'] as const satisfies readonly ReplyKind[];

/**
 * Whether a reply may be reworded: its kind allows it, and it declares nothing that rests on the
 * engine's exact wording — an acknowledgement or an opt-out confirmation passes a state block or an
 * opt-out only because it asks for nothing (replies/compose.ts), which a rewording cannot guarantee.
 */
export function mayRephrase(kind: ReplyKind, content?: Partial<ReplyContent> | null): boolean {
  if (content?.acknowledgementOnly === true || content?.optOutConfirmation === true) return false;
  return (rephrasableKinds as readonly string[]).includes(kind);
}

/** Why a rewording is not used (the template is sent instead). */
export const rephraseRefusals = [
  'empty',
  'too_long',
  'over_channel_limit',
  'language_changed',
  'markup',
  'required_line_missing',
  'facts_changed',
] as const;
export type RephraseRefusal = (typeof rephraseRefusals)[number];

export type RephraseVerdict =
  | { ok: true; text: string }
  | { ok: false; reason: RephraseRefusal; kinds?: FactKind[]; differences?: FactDifference[] };

export interface RephraseCheck {
  template: string;
  rephrased: string;
  locale: ReplyLocale;
  channel: Channel;
  /** Names the reply must keep as they are (the collector, the creditor). */
  names?: readonly string[];
}

/** A WhatsApp text message's body limit (Cloud API: 4,096 characters). */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** An SMS rewording may not take more segments than the template (cost, and a split message); WhatsApp has its limit. */
function withinChannel(channel: Channel, text: string, template: string): boolean {
  switch (channel) {
    case 'sms':
      return smsSegments(text).segments <= smsSegments(template).segments;
    case 'whatsapp':
      return text.length <= WHATSAPP_TEXT_LIMIT;
    case 'email':
    case 'letter':
    case 'call':
    case 'voicebot':
    case 'voicemail':
      return true;
    default:
      return assertUnreachable(channel);
  }
}

/**
 * The language of what the rewording wrote, the required sentences left out (they are the
 * template's own and would outvote a short sentence in the other language).
 */
function sameLanguage(template: string, rephrased: string, locale: ReplyLocale): boolean {
  const own = (t: string) => {
    let out = '';
    let at = 0;
    for (const line of requiredLines(t, locale.locale)) {
      out += `${t.slice(at, line.start)} `;
      at = line.end;
    }
    return out + t.slice(at);
  };
  const before = detectLanguage(own(template), locale.lang);
  const after = detectLanguage(own(rephrased), locale.lang);
  return !after.foreign && after.lang === before.lang;
}

/** Markers, placeholders, Markdown or HTML the model left in: nothing a debtor should read. */
const MARKUP = /\[\[[^\]]*\]\]|\{[^{}\s]*\}|<\/?[a-z][^>]*>|\*\*|__|`/i;

/**
 * Whether a rewording of a reply may be sent instead of it. Refused when it is empty, more than
 * twice as long, over the channel's limit, in another language, with markup the template lacks,
 * without one of the required sentences (word for word, in order), or stating other facts
 * (`sameFacts`). The caller sends the template whenever the answer is not `ok`.
 */
export function checkRephrasing(c: RephraseCheck): RephraseVerdict {
  const text = c.rephrased.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > 2 * c.template.length) return { ok: false, reason: 'too_long' };
  if (!withinChannel(c.channel, text, c.template)) return { ok: false, reason: 'over_channel_limit' };
  if (!sameLanguage(c.template, text, c.locale)) return { ok: false, reason: 'language_changed' };
  if (MARKUP.test(text) && !MARKUP.test(c.template)) return { ok: false, reason: 'markup' };
  if (missingRequiredLine(c.template, text, c.locale.locale))
    return { ok: false, reason: 'required_line_missing' };
  const facts = sameFacts(c.template, text, c.locale, c.names ?? []);
  if (!facts.same)
    return {
      ok: false,
      reason: 'facts_changed',
      kinds: facts.differences.map((d) => d.kind),
      differences: facts.differences,
    };
  return { ok: true, text };
}
