import type { Language } from '../../nlu/intents.js';

/**
 * On a call the bot speaks its catalogue: the few sentences that talk about writing ("le escribe",
 * "write it with the month…") are said as speech. "Por escrito" / "in writing" stay: the validation
 * notice is sent in writing whatever the channel. `spoken.test.ts` checks that no other sentence of
 * any locale speaks of writing on a call.
 */
const SPOKEN: Record<Language, ReadonlyArray<readonly [RegExp, string]>> = {
  es: [
    [/\b([Ll])e escribe\b/g, '$1e habla'],
    [/No logré leer el dato\. Puede escribirlo/g, 'No logré entender el dato. Puede decirlo'],
    [/Dejaremos de escribir a este contacto/g, 'Dejaremos de llamar a este número'],
    [/dejaremos de escribirle/g, 'dejaremos de llamarle'],
    [/Le escribiremos/g, 'Le llamaremos'],
  ],
  en: [
    [/\bwriting on behalf\b/g, 'calling on behalf'],
    [/I could not read that\. You can write it/g, 'I did not catch that. You can say it'],
    [/We will stop writing to this contact/g, 'We will stop calling this number'],
    [/we will stop writing to you/g, 'we will stop calling you'],
    [/We will write again/g, 'We will call again'],
    [/write to us here any time/g, 'call us back any time'],
  ],
};

/** A catalogue sentence as the bot says it on a call. */
export function spoken(lang: Language, sentence: string): string {
  return SPOKEN[lang].reduce((s, [pattern, said]) => s.replace(pattern, said), sentence);
}
