import type { Conversation, HandoffSummary, Mood } from './types.js';
import { describeAgreement, type ReplyFormat } from './replies/render.js';

const moodWords: Record<'es' | 'en', Record<Mood, string>> = {
  es: { calm: 'tranquilo', upset: 'molesto', distressed: 'afligido', abusive: 'agresivo' },
  en: { calm: 'calm', upset: 'upset', distressed: 'distressed', abusive: 'abusive' },
};

/** The debtor's mood from the conversation's signals: the strongest one wins. */
export function moodOf(c: Conversation): Mood {
  if (c.signals.abuse > 0) return 'abusive';
  if (c.signals.hardship) return 'distressed';
  if (c.signals.refusals >= 2 || c.signals.notUnderstood >= 2) return 'upset';
  return 'calm';
}

/**
 * What an agent needs to pick the conversation up: what the debtor asked for (as understood), what
 * was offered, refused and agreed, the mood, and whether the identity was verified.
 */
export function handoffSummary(c: Conversation, f: ReplyFormat): HandoffSummary {
  const understood = [...new Set(c.understood)];
  const describe = (notes: Conversation['offers']['made']) =>
    notes.map((n) => describeAgreement(n.agreement, f));
  const offered = describe(c.offers.made);
  const refused = describe(c.offers.refused);
  const agreed = describe(c.offers.agreed);
  const mood = moodOf(c);
  const verified = c.verification.verifiedAtTurn !== null;
  const none = f.lang === 'es' ? 'nada' : 'nothing';
  const list = (xs: string[]) => (xs.length > 0 ? xs.join('; ') : none);
  const text =
    f.lang === 'es'
      ? `Identidad ${verified ? 'verificada' : 'no verificada'}. Entendido: ${list(understood)}. Ofrecido: ${list(offered)}. Rechazado: ${list(refused)}. Acordado: ${list(agreed)}. Ánimo: ${moodWords.es[mood]}.`
      : `Identity ${verified ? 'verified' : 'not verified'}. Understood: ${list(understood)}. Offered: ${list(offered)}. Refused: ${list(refused)}. Agreed: ${list(agreed)}. Mood: ${moodWords.en[mood]}.`;
  return { understood, offered, refused, agreed, mood, verified, text };
}
