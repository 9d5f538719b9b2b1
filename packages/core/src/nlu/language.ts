import type { Language } from './intents.js';
import { foldText, tokenize } from './normalize.js';

/**
 * A small hand-made language scorer: frequent function words and debt-collection vocabulary of
 * each language. Enough for es/en on short replies (general-purpose language identifiers such as
 * fastText's mislabel "ya pagué" as Swahili) and it also spots other languages so they map to `unknown`.
 */
const words: Record<Language | 'other', ReadonlySet<string>> = {
  es: new Set(
    (
      'de la que el en y los las se por un una con para es mi lo le ya pero si tengo pago pagar pague puedo mas hoy manana ' +
      'quiero esta estoy soy favor gracias hola numero cuanto debo deuda dinero llamen llamar llamenme llamame dejen ' +
      'mensajes mensaje nunca nada eso esto quien usted ustedes somos tiene hay muy bien bueno vale claro dale listo buenas buenos dias tardes noches ' +
      'viernes lunes martes miercoles jueves sabado domingo semana mes quincena pesos euros dolares cuotas pagos meses ' +
      'baja alto parar cancelar fin ahora despues cuando donde como porque tambien aqui ese esa sus su al del ni sea yo te tu vos che ' +
      'correo llamada plata lana guita pasta trabajo chamba laburo curro paro murio fallecio quiebra mio mia mande envie hice fue ' +
      'cobro cobranza banco tarjeta credito prestamo cuenta descuento plazo abono deposito transferencia consigno consignar ahorita'
    ).split(' '),
  ),
  en: new Set(
    (
      "the to i you my is it and of in not this that can will pay paid please thanks thank hello hi dont don't i'm im " +
      'what who am do have be on for your yours stop call calls text texts texting calling number week friday monday tuesday wednesday thursday ' +
      'saturday sunday tomorrow today next month end day days money job lost sick wrong person dead died passed away ' +
      "bankruptcy want need can't cant won't wont already check balance owe debt how much link now later after before " +
      'yes yeah yep nope sure sorry bye good morning afternoon evening email emails message messages agent human ' +
      'someone talk speak with about from are was were they them he she his her we our us an by at or if so just get got ' +
      'dollars bucks installments payments plan discount settle unsubscribe quit cancel leave alone never'
    ).split(' '),
  ),
  other: new Set(
    (
      'je vous merci bonjour oui pas suis est une avec pour ich nicht danke und ist das bitte guten obrigado obrigada voce ' +
      'nao sim estou tudo bom grazie sono ciao buongiorno questo molto parlo salamat ako hindi ang mga sino naman kayo po opo'
    ).split(' '),
  ),
};

export interface LanguageGuess {
  lang: Language;
  /** True when neither Spanish nor English evidence was found but another language's was. */
  foreign: boolean;
  /** es/en evidence margin: 0 when the guess is a default. */
  margin: number;
}

/**
 * Guesses es/en from function words plus Spanish-only characters (ñ ¿ ¡ á é í ó ú).
 * `fallback` decides ties (e.g. from the debtor's zone); scripts other than Latin are `foreign`.
 *
 * @example
 * detectLanguage('ya pague el viernes').lang // → 'es'
 * detectLanguage('please stop texting me').lang // → 'en'
 */
export function detectLanguage(text: string, fallback: Language = 'es'): LanguageGuess {
  let es = /[ñ¿¡áéíóú]/i.test(text) ? 2 : 0;
  let en = 0;
  // Other scripts, and Vietnamese letters (ă ơ ư đ, dot-below and hook-above vowels) inside Latin script.
  let other =
    /[\u0400-\u04FF\u0600-\u06FF\u0590-\u05FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF\u0E00-\u0E7F\u1EA0-\u1EF9ăơưđĂƠƯĐ]/u.test(
      text,
    )
      ? 5
      : 0;
  for (const t of tokenize(foldText(text))) {
    if (words.es.has(t)) es += 1;
    if (words.en.has(t)) en += 1;
    if (words.other.has(t)) other += 1;
  }
  if (other > es && other > en) return { lang: fallback, foreign: true, margin: 0 };
  if (es === en) return { lang: fallback, foreign: false, margin: 0 };
  return { lang: es > en ? 'es' : 'en', foreign: false, margin: Math.abs(es - en) };
}
