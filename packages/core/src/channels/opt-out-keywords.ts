/**
 * Carrier opt-out keywords. When one of them is the whole message, the sender has revoked consent
 * for that address and Saldo records the opt-out at once (the engine target is immediate; the legal
 * outer limit is 10 business days, 47 CFR 64.1200(a)(10)–(12), FCC 24-18; compliance rule
 * US-TCPA-REVOKE). STOP, QUIT, END, CANCEL and UNSUBSCRIBE are per-se reasonable revocations there;
 * STOPALL is the carrier-standard variant; REVOKE and OPT OUT are added by FCC 24-18; BAJA, ALTO,
 * PARAR, CANCELAR and FIN are the Spanish equivalents used by carriers in MX, ES and CO.
 *
 * Free text that means the same ("ya no me escriban") is the NLU's job (intent `stop_contact`),
 * not this matcher's: a keyword is matched only when it is the entire message. This is the one
 * keyword list of Saldo: the NLU's rules read the same keywords (`carrierKeywords`), also
 * surrounded by filler ("STOP please").
 *
 * @example
 * optOutKeywords.includes('BAJA'); // true
 */
export const optOutKeywords = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPT OUT',
  'OPTOUT',
  'BAJA',
  'ALTO',
  'PARAR',
  'CANCELAR',
  'FIN',
] as const;
export type OptOutKeyword = (typeof optOutKeywords)[number];

/**
 * Carrier opt-in keywords that undo an opt-out (START/UNSTOP on US carriers; ALTA/INICIO in Spanish).
 *
 * @example
 * optInKeywords.includes('START'); // true
 */
export const optInKeywords = ['START', 'UNSTOP', 'YES', 'ALTA', 'INICIO'] as const;

function canonical(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s.!¡?¿,;:"'*_~-]+/g, ' ')
    .trim()
    .toUpperCase();
}

/**
 * The keyword when the whole message is an opt-out keyword (case, accents, surrounding
 * punctuation and spaces ignored), otherwise null.
 *
 * @example
 * matchOptOutKeyword(' Stop. ') // 'STOP'
 * matchOptOutKeyword('please stop calling me') // null (an NLU matter)
 */
export function matchOptOutKeyword(text: string): OptOutKeyword | null {
  const c = canonical(text);
  return (optOutKeywords as readonly string[]).includes(c) ? (c as OptOutKeyword) : null;
}

/**
 * The opt-in keyword when the whole message is one, otherwise null.
 *
 * @example
 * matchOptInKeyword('start') // 'START'
 */
export function matchOptInKeyword(text: string): (typeof optInKeywords)[number] | null {
  const c = canonical(text);
  return (optInKeywords as readonly string[]).includes(c) ? (c as (typeof optInKeywords)[number]) : null;
}
