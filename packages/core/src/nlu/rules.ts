import type { Intent } from './intents.js';
import { foldText } from './normalize.js';

/**
 * Deterministic rules for the intents where a miss is costly. A missed opt-out is a legal
 * violation (TCPA 47 CFR 64.1200; CTIA carrier keywords; Mexico's REPEP/LFPC art. 18; Spain's
 * LGT art. 66 / Lista Robinson; Colombia's Ley 2300 de 2023): `stop_contact` must have recall 1.0
 * on carrier keywords and clear imperative phrasings, while ordinary sentences that merely contain
 * such a word ("I'll stop by the office", "al fin pude juntar el dinero", "the end of the month")
 * must not fire. The same holds, less strictly, for wrong party, deceased, bankruptcy and dispute.
 */

/** CTIA / carrier opt-out keywords, English and Spanish. */
export const carrierKeywords = ['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit', 'baja', 'alto', 'parar', 'cancelar', 'fin'] as const;

/** Filler that may surround a keyword sent alone ("STOP please", "BAJA por favor", "ya, alto"). */
const filler = '(?:\\s*(?:por\\s+favor|please|pls|plz|porfa|ya|now|ahora|gracias|thanks|thank\\s+you|all|todo|todos|ok|okay|de\\s+una\\s+vez|stop|alto|basta))*';
const keywordOnly = new RegExp(`^${filler}\\s*(?:${carrierKeywords.join('|')}|stop\\s+all|para|para\\s+ya|ya\\s+basta|basta|desuscribir(?:me)?|unsub|opt\\s*-?\\s*out)${filler}\\s*$`);

const stopPatterns: readonly RegExp[] = [
  // Imperative keyword at the start, followed by what to stop: "STOP texting", "BAJA de la lista".
  /^(?:please\s+|pls\s+|por\s+favor\s+)?(?:stop|stopall|unsubscribe)\s+(?:all\s+|it\s+|now\s+|the\s+|these\s+|this\s+|sending|messag|text|call|contact|email|bother|harass|writ|ring|phon)/,
  /^(?:baja|alto)\s+(?:de\s+(?:la\s+lista|mi\s+numero|todo|sus)|mi\s+numero|por\s+favor|ya|a\s+(?:los|las|sus)\s+(?:mensajes|llamadas))/,
  // Spanish imperatives: "dejen de llamarme", "paren de escribir", "no me llamen", "no vuelvan a marcar".
  /\b(?:dejen|deja|dejes|dejad|deje|paren|parad|pare|pará|para|terminen|basta)\s+(?:ya\s+)?de\s+(?:llam|marc|escrib|mand|envi|molest|contact|acos|joder|jodern|hostig|fastidi|insist|busc|spame)/,
  /\b(?:no|nunca|ya\s+no|jamas)\s+(?:me\s+|nos\s+|le\s+|les\s+)?(?:vuelvan\s+a\s+|vuelva\s+a\s+|vuelvas\s+a\s+|volvais\s+a\s+|mas\s+)?(?:llamen|llames|llameis|llamar(?:me)?|marquen|marques|marcar(?:me)?|buscar(?:me)?|escriban|escribas|escribais|escribir(?:me)?|manden|mandes|mandeis|mandar(?:me)?|envien|envies|enviar(?:me)?|molesten|molestes|molesteis|molestar|contacten|contactes|contacteis|contactar(?:me)?|busquen|hostiguen|acosen|jodan)\b/,
  /\b(?:dar(?:me)?|dame|denme|darnos|quiero|me\s+doy|solicito|pido)\s+(?:de\s+)?(?:la\s+)?baja\b/,
  /\bno\s+quiero\s+(?:recibir\s+|que\s+me\s+\w+\s+)?(?:mas\s+|ningun\w*\s+)?(?:mensajes|llamadas|correos|sms|whats\w*|notificaciones|nada\s+de\s+ustedes)/,
  /\bno\s+mas\s+(?:mensajes|llamadas|correos|sms|whats\w*)\b/,
  /\b(?:borr(?:en|a|ad|ar|e)|elimin(?:en|a|ad|ar|e)|saqu(?:en|e)|quit(?:en|a|ad|ar|e)|sac(?:a|ad|ar|arme|ame|ame))\s+(?:mi|mis|de\s+su|de\s+la|me\s+de|de\s+sus)\s*(?:numero|datos|telefono|contacto|lista|base|registros)/,
  /\b(?:ya\s+)?basta\s+(?:de|ya|con)\b|\bbasta\s*$|\b(?:podrid[oa]s?|hart[oa]s?|cansad[oa]s?)\s+(?:con|de)\s+(?:los\s+|las\s+|sus\s+|tantas\s+|tantos\s+)?(?:llamad\w*|mensajes|correos|whats\w*)/,
  /\b(?:revoco|retiro)\s+(?:mi\s+)?(?:consentimiento|autorizacion)/,
  /\b(?:cancel\w*|anul\w*)\s+(?:la\s+|mi\s+)?suscripcion\b|\bdesuscrib\w*/,
  // English: "stop calling", "don't text me", "remove me from your list", "opt out".
  /\b(?:stop|quit|cease|end)\s+(?:\w+\s+)?(?:calling|texting|messaging|contacting|emailing|e-mailing|sending|bothering|harass\w*|writing|ringing|phoning|reaching\s+out|hitting\s+me\s+up|blowing\s+up)/,
  /\b(?:don'?t|do\s+not|never|dont)\s+(?:ever\s+)?(?:call|text|contact|message|email|e-mail|phone|bother|write|ring|reach\s+out)\b/,
  /\b(?:unsubscribe|opt\s*-?\s*out|remove\s+(?:me|my\s+(?:number|name|info))|take\s+(?:me|my\s+number)\s+off|delete\s+my\s+(?:number|info|contact)|cease\s+(?:and\s+desist|all\s+communication|contact)|do\s+not\s+call\s+list)\b/,
  /\bno\s+more\s+(?:calls|texts|messages|emails|contact)\b/,
  /\b(?:don'?t|do\s+not)\s+want\s+(?:any\s*more\s+|to\s+(?:receive|get)\s+(?:any\s*more\s+)?|your\s+)(?:calls|texts|messages|emails)\b/,
  /\b(?:revok\w*|withdraw\w*)\s+(?:my\s+)?consent\b/,
  /\bleave\s+me\s+alone\b|\bdejen?me\s+en\s+paz\b|\bdejadme\s+en\s+paz\b/,
  /\b(?:don'?t|do\s+not)\s+want\s+to\s+hear\s+from\s+you\b/,
];

const ruleSets: ReadonlyArray<[Intent, readonly RegExp[]]> = [
  ['deceased', [
    /\b(?:fallecio|murio|fallecido|fallecida|difunto|difunta|q\s*e\s*p\s*d|en\s+paz\s+descanse|ya\s+no\s+esta\s+con\s+nosotros|acta\s+de\s+defuncion|se\s+nos\s+fue|finado|finada|ha\s+fallecido|descanse\s+en\s+paz)\b/,
    /\b(?:passed\s+away|died|is\s+deceased|was\s+deceased|deceased|is\s+dead|has\s+passed|death\s+certificate|passed\s+last|rest\s+in\s+peace)\b/,
  ]],
  ['bankruptcy', [
    /\b(?:bancarrota|concurso\s+(?:de\s+acreedores|mercantil|de\s+persona\s+natural)|insolvencia|segunda\s+oportunidad|declar\w*\s+en\s+(?:quiebra|concurso)|suspension\s+de\s+pagos|reorganizacion\s+empresarial|liquidacion\s+patrimonial)\b/,
    /\b(?:bankrupt\w*|chapter\s+(?:7|13|seven|thirteen)|insolven\w*|filed\s+for\s+(?:bk|bankruptcy|chapter))\b/,
  ]],
  ['wrong_party', [
    /\b(?:numero\s+equivocado|equivocad[oa]s?\s+de\s+(?:numero|persona)|se\s+equivoc\w*\s+de\s+(?:numero|persona)|no\s+conozco\s+a\s+(?:esa\s+persona|ese\s+senor|esa\s+senora|nadie\s+con\s+ese|ningun)|aqui\s+no\s+vive|no\s+vive\s+aqui|ya\s+no\s+vive|no\s+es\s+mi\s+nombre|no\s+se\s+quien\s+es|no\s+soy\s+(?:esa\s+persona|la\s+persona|quien\s+buscan))\b/,
    /\b(?:wrong\s+(?:number|person|guy|girl|lady|phone)|no\s+one\s+(?:here\s+)?by\s+that\s+name|nobody\s+(?:here\s+)?by\s+that\s+name|doesn'?t\s+live\s+here|not\s+my\s+name|(?:got|have)\s+the\s+wrong|i\s+don'?t\s+know\s+(?:who\s+that\s+is|that\s+person|anyone\s+named))\b/,
  ]],
  ['dispute', [
    /\b(?:robo\s+de\s+identidad|suplantacion|usurpacion\s+de\s+identidad|no\s+reconozco\s+(?:esa|esta|la|el|ese|este)\s+(?:deuda|cargo|cuenta|credito|prestamo)|nunca\s+(?:contrate|saque|pedi|solicite|firme|abri)|no\s+es\s+mi\s+deuda)\b/,
    /\b(?:identity\s+theft|stolen\s+identity|not\s+my\s+debt|never\s+(?:opened|signed\s+up|took\s+out|applied)|don'?t\s+recognize\s+(?:this|that|the)\s+(?:debt|charge|account|creditor|original))\b/,
  ]],
];

export interface RuleHit {
  intent: Intent;
  /** True for a carrier keyword sent alone: no classifier can overrule it. */
  keyword: boolean;
}

/**
 * Every high-stakes intent the rules see, in priority order (deceased, bankruptcy, wrong_party,
 * dispute, then stop_contact). The caller decides which is primary; an opt-out is never dropped.
 *
 * @example
 * ruleIntents('STOP') // → [{ intent: 'stop_contact', keyword: true }]
 * ruleIntents("I'll stop by the office to pay") // → []
 */
export function ruleIntents(text: string): RuleHit[] {
  const folded = foldText(text).replace(/[.,:;/\\-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 2000);
  const hits: RuleHit[] = [];
  for (const [intent, res] of ruleSets) if (res.some((re) => re.test(folded))) hits.push({ intent, keyword: false });
  if (keywordOnly.test(folded)) hits.push({ intent: 'stop_contact', keyword: true });
  else if (stopPatterns.some((re) => re.test(folded))) hits.push({ intent: 'stop_contact', keyword: false });
  return hits;
}
