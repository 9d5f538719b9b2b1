import { detectLanguage } from '../nlu/language.js';
import type { Language } from '../nlu/intents.js';

/** A language asked for by name ("en español por favor", "can you write in English"). */
const named: Record<Language, RegExp> = { es: /\bespa(n|ñ)ol\b/i, en: /\benglish\b/i };

/**
 * How far the other language's words must outnumber the conversation's in one message (accents and
 * ¿¡ count for Spanish) before the bot answers in it: "what is this about" (4) or "sí, claro" (4)
 * switch; "ok", "yes", "who is this?" (3) or a date of birth do not.
 */
const SWITCH_MARGIN = 4;

/**
 * The language the bot answers a turn in: the conversation's (the debtor's recorded language at
 * first), unless the debtor names the other one or clearly writes in it. A debtor who switches is
 * answered in the language they use from then on.
 */
export function languageAfter(current: Language, text: string): Language {
  const other: Language = current === 'es' ? 'en' : 'es';
  if (named[other].test(text) && !named[current].test(text)) return other;
  const guess = detectLanguage(text, current);
  return !guess.foreign && guess.lang === other && guess.margin >= SWITCH_MARGIN ? other : current;
}
