import {
  createRng,
  hashSeed,
  pickWeighted,
  sandboxEngagement,
  sandboxReplyWeights,
  type SandboxSegment,
} from './sandbox-model.js';
import { sandboxConversationPhrases } from './sandbox-conversation-replies.js';
import {
  sandboxReplies,
  sandboxWeekdays,
  type SandboxMessageIntent,
  type SandboxReplyIntent,
} from './sandbox-replies.js';
import type { Channel } from './channel.js';
import type { TemplateLanguage } from './types.js';

/**
 * The sandbox's simulated debtor inside a conversation with the bot: given what the bot's last answer
 * left the conversation in, what the person writes next — or nothing. Pure and seeded like the
 * behaviour model: the same (seed, message id) always gives the same reply.
 */

/** What a simulated person knows about themselves (the demo portfolio's identity data). */
export interface SandboxPersona {
  /** `YYYY-MM-DD`. */
  dob?: string;
  nationalIdLast4?: string;
}

/** The conversation as the bot's answer left it (the engine's state, read by the server). */
export interface SandboxDialogueView {
  state: 'verifying' | 'locked' | 'open' | 'confirming' | 'handed_off' | 'closed';
  /** What the identity check asks for while verifying. */
  asked: 'dob' | 'national_id_last4' | null;
  /** Identity answers that did not match so far. */
  failedTries: number;
  /** Debtor messages in the conversation so far. */
  debtorTurns: number;
  /** The bot's answer offered choices (a plan, a pause) that a yes takes up. */
  offersOnTable: boolean;
  /** An agreement was reached: the person has what they came for. */
  agreed: boolean;
  /** Offers the person turned down so far. */
  refusals: number;
}

export interface SandboxConversationInput {
  seed: string | number;
  /** The bot's message being answered. */
  messageId: string;
  channel: Channel;
  segment: SandboxSegment;
  language: TemplateLanguage;
  persona: SandboxPersona | null;
  dialogue: SandboxDialogueView;
  /** The balance, for a plan in the person's own terms. */
  amountMinor?: number;
}

/** The person's next message. `intent` labels it when the words were chosen for one (else null). */
export interface SandboxConversationReply {
  afterMs: number;
  text: string;
  intent: SandboxMessageIntent | null;
}

/** A conversation ends after this many debtor messages whatever happens: no endless ping-pong. */
export const sandboxConversationMaxTurns = 6;

const MIN = 60_000;

/**
 * The simulated debtor's answer to the bot, or null when they stop writing: the bot closed or handed
 * the conversation over, an agreement was reached, the turn limit was hit, or they drop out.
 *
 * @example
 * sandboxConversationReply({ …, persona: { dob: '1988-04-12' },
 *   dialogue: { state: 'verifying', asked: 'dob', failedTries: 0, debtorTurns: 1, … } })
 * // { afterMs: 95000, text: 'naci el 12 de abril de 1988', intent: null }
 */
export function sandboxConversationReply(input: SandboxConversationInput): SandboxConversationReply | null {
  const d = input.dialogue;
  if (d.debtorTurns >= sandboxConversationMaxTurns) return null;
  if (d.state !== 'verifying' && d.state !== 'open' && d.state !== 'confirming') return null;
  if (d.state === 'open' && d.agreed && !d.offersOnTable) return null;
  const rng = createRng(hashSeed(`${input.seed}:${input.messageId}:conversation`));
  const engagement = sandboxEngagement(input.segment);
  if (rng() >= Math.min(0.95, 0.75 + 0.15 * engagement)) return null; // they stop answering
  const afterMs =
    input.channel === 'email'
      ? 5 * MIN + Math.floor(rng() * 120 * MIN)
      : 20_000 + Math.floor(rng() * 6 * MIN);
  const said = nextMessage(input, rng, Math.min(0.9, 0.5 + 0.25 * engagement));
  return said ? { afterMs, ...said } : null;
}

type Said = Omit<SandboxConversationReply, 'afterMs'>;

function nextMessage(input: SandboxConversationInput, rng: () => number, pYes: number): Said | null {
  const d = input.dialogue;
  const phrases = sandboxConversationPhrases[input.language];
  if (d.state === 'verifying') return identityAnswer(input, rng);
  if (d.state === 'confirming' || d.offersOnTable)
    return rng() < pYes
      ? { text: pick(phrases.yes, rng), intent: 'affirm' }
      : { text: pick(phrases.no, rng), intent: 'deny' };
  if (d.refusals > 0) {
    // Turned an offer down: counter in their own terms half the time, else let it rest.
    return rng() < 0.5 ? planInOwnTerms(input, rng) : null;
  }
  const weights = sandboxReplyWeights(input.segment).filter(([intent]) => intent !== 'wrong_party');
  const intent = pickWeighted(weights, rng());
  if (intent === 'payment_plan' && rng() < 0.5) return planInOwnTerms(input, rng);
  return { text: phrase(input.language, intent, rng), intent };
}

/** The identity answer: the real one, sometimes a typo first, rarely "that is not me". */
function identityAnswer(input: SandboxConversationInput, rng: () => number): Said {
  const phrases = sandboxConversationPhrases[input.language];
  const r = rng();
  if (r < 0.02) return { text: phrase(input.language, 'wrong_party', rng), intent: 'wrong_party' };
  const typo = input.dialogue.failedTries === 0 && r < 0.14;
  const { dob, nationalIdLast4 } = input.persona ?? {};
  if (input.dialogue.asked === 'dob' && dob) {
    const written = writtenDate(typo ? nearbyDate(dob) : dob, input.language, rng);
    return { text: pick(phrases.dob, rng).replace('{dob}', written), intent: null };
  }
  if (input.dialogue.asked === 'national_id_last4' && nationalIdLast4) {
    const digits = typo ? swapMiddle(nationalIdLast4) : nationalIdLast4;
    return { text: pick(phrases.last4, rng).replace('{last4}', digits), intent: null };
  }
  return { text: pick(phrases.dontKnow, rng), intent: null };
}

function planInOwnTerms(input: SandboxConversationInput, rng: () => number): Said {
  const monthly = Math.max(
    10,
    Math.round((input.amountMinor ?? 100_000) / 100 / (3 + Math.floor(rng() * 4)) / 10) * 10,
  );
  const amount = input.language === 'en' ? `$${monthly}` : String(monthly);
  const text = pick(sandboxConversationPhrases[input.language].planAmount, rng).replace('{amount}', amount);
  return { text, intent: 'payment_plan' };
}

function phrase(language: TemplateLanguage, intent: SandboxReplyIntent, rng: () => number): string {
  const days = sandboxWeekdays[language];
  return pick(sandboxReplies[language][intent], rng).replace(
    '{day}',
    days[Math.floor(rng() * 5)] ?? days[0] ?? '',
  );
}

/** A date of birth as people write it: numbers in the language's order, ISO, or the month in words. */
function writtenDate(iso: string, language: TemplateLanguage, rng: () => number): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const month = sandboxConversationPhrases[language].months[Number(m) - 1] ?? m;
  const day = String(Number(d));
  const forms =
    language === 'es'
      ? [`${d}/${m}/${y}`, `${day} de ${month} de ${y}`, `${d}-${m}-${y}`, iso]
      : [`${m}/${d}/${y}`, `${month} ${day}, ${y}`, `${month} ${day} ${y}`, iso];
  return pick(forms, rng);
}

/** A slip of the finger: the day next to the real one (always a valid date). */
function nearbyDate(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  const day = Number(d);
  return `${y}-${m}-${String(day < 28 ? day + 1 : day - 1).padStart(2, '0')}`;
}

function swapMiddle(s: string): string {
  return s.length < 3 || s[1] === s[2]
    ? `${s.slice(0, -1)}${s.endsWith('0') ? '1' : '0'}`
    : `${s[0]}${s[2]}${s[1]}${s.slice(3)}`;
}

function pick<T>(items: readonly T[], rng: () => number): T {
  const item = items[Math.floor(rng() * items.length)] ?? items[0];
  if (item === undefined) throw new Error('sandbox conversation: no phrase');
  return item;
}
