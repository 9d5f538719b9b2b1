import { optOutKeywords } from '../channels/opt-out-keywords.js';
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

/**
 * CTIA / carrier opt-out keywords, English and Spanish, folded: the one list of core
 * (`channels/opt-out-keywords.ts`, which records an opt-out when a keyword is the whole message).
 *
 * @example
 * carrierKeywords.includes('baja'); // true
 */
export const carrierKeywords: readonly string[] = optOutKeywords.map((k) => k.toLowerCase());

/** Filler that may surround a keyword sent alone ("STOP please", "BAJA por favor", "ya, alto"). */
const filler =
  '(?:\\s*(?:por\\s+favor|porfavor|x\\s+favor|xfa|sms|please|pls|plz|porfa|ya|now|ahora|gracias|thanks|thank\\s+you|all|todo|todos|ok|okay|de\\s+una\\s+vez|stop|alto|basta))*';
const keywordOnly = new RegExp(
  `^${filler}\\s*(?:${carrierKeywords.join('|')}|stop\\s+all|para|para\\s+ya|ya\\s+basta|basta|desuscribir(?:me)?|unsub|opt\\s*-?\\s*out|salir|remove|detener|stop\\s+sms|no\\s+sms)${filler}\\s*$`,
);

/** Spanish object pronouns before a contact verb: "no me llamen", "no le marquen" ("la/lo" only with calling verbs, below). */
const obj = '(?:me\\s+|nos\\s+|le\\s+|les\\s+|te\\s+)?';
/** Stems of Spanish contact verbs ("llamar", "marcar", "escribir", "molestar", "chingar"…). */
const esContact =
  '(?:llam|marc|timbr|escrib|mand|envi|molest|contact|acos|jod|hostig|fastidi|insist|busc|spame|habl|freg|ching|romper|hinch|dar(?:me|nos)?\\s+la\\s+lata|estar\\s+(?:llam|marc|escrib|mand|molest|ching|freg|jod|habl))';
/** Stems of English contact verbs ("calling", "callin", "texting", "bugging"…). */
const enContact =
  '(?:call|text|messag|contact|e-?mail|send|remind|bother|bug|harass|writ|ring|phon|reach|hit\\w*\\s+(?:me\\s+)?up|blow\\w*\\s+up|spam)';

const stopPatterns: readonly RegExp[] = [
  // Imperative keyword at the start, followed by what to stop: "STOP texting", "BAJA de la lista", "stop it".
  /^(?:please\s+|pls\s+|por\s+favor\s+)?(?:stop|stopall|unsubscribe)\s+(?:all\b|it\b|now\b|(?:the|these|this|this\s+\w+)\s+(?:\w+\s+)?(?:calls|texts|messages|emails|harassment|nonsense|spam|robocalls|bs|crap)\b|this\s*$|sending|messag|text|call|contact|email|bother|harass|writ|ring|phon)/,
  /^(?:baja|alto)\s+(?:de\s+(?:la\s+lista|mi\s+numero|todo|sus)|mi\s+numero|por\s+favor|ya|a\s+(?:los|las|sus)\s+(?:mensajes|llamadas))/,
  // Spanish imperatives: "dejen de llamarme", "paren de escribir", "dejen d molestar", "dejen de estar chingando".
  new RegExp(
    `\\b(?<!no\\s)(?:dejen|deja|dejes|dejad|deje|dejeis|dejais|paren|parad|pare|para|terminen|basta)\\s+(?:ya\\s+)?d(?:e)?\\s+(?:${esContact}|joder)`,
  ),
  // "no me llamen", "ya no la llamen más", "no me vuelvan a marcar", "no me hablen".
  new RegExp(
    `\\b(?:no|nunca|ya\\s+no|jamas)\\s+${obj}(?:vuelvan\\s+a\\s+|vuelva\\s+a\\s+|vuelvas\\s+a\\s+|volvais\\s+a\\s+|mas\\s+)?(?:llamen|llames|llameis|llamar(?:me)?|marquen|marques|marqueis|marcar(?:me)?|buscar(?:me)?|escriban|escribas|escribais|escribir(?:me)?|manden|mandes|mandeis|mandar(?:me)?|envien|envies|envieis|enviar(?:me)?|molesten|molestes|molesteis|molestar|contacten|contactes|contacteis|contactar(?:me)?|busquen|hostiguen|acosen|jodan|jodais|hablen|hableis|hablar(?:me)?|chinguen|frieguen)\\b`,
  ),
  /\b(?:no|nunca|ya\s+no|jamas)\s+(?:la|lo|los|las)\s+(?:vuelvan\s+a\s+|mas\s+)?(?:llamen|llameis|llamar|marquen|marqueis|marcar|molesten|molesteis|molestar|contacten|contacteis|contactar|busquen|acosen|hostiguen)\b/,
  // "no me sigan llamando", "ya no me estén marcando", "no quiero que me sigan escribiendo".
  new RegExp(
    `\\b(?:no|ya\\s+no|nunca)\\s+${obj}(?:sigan|sigais|esten|esteis|estes|siga|sigas)\\s+${esContact}`,
  ),
  new RegExp(
    `\\bno\\s+(?:quiero|deseo)\\s+que\\s+${obj}(?:sigan\\s+|vuelvan\\s+a\\s+|esten\\s+)?${esContact}`,
  ),
  /\bno\s+(?:tiene\s+(?:caso|sentido)|sirve\s+de\s+nada|hace\s+falta)\s+que\s+(?:me\s+|le\s+|la\s+|lo\s+)?sigan\s+(?:llam|marc|timbr|escrib|mand|molest)/,
  /\b(?:dar(?:me)?|dame|denme|darnos|dadme|quiero|me\s+doy|solicito|pido)\s+(?:de\s+)?(?:la\s+)?baja\b/,
  /\bno\s+(?:quiero|deseo)\s+(?:recibir\s+|que\s+me\s+\w+\s+)?(?:mas\s+|ningun\w*\s+|ningun\s+tipo\s+de\s+|ni\s+una\s+|ni\s+un\s+)?(?:mensajes|llamadas|llamada|mensaje|correos|sms|whats\w*|notificaciones|comunicaciones|contacto|nada\s+de\s+ustedes)/,
  /\bno\s+mas\s+(?:mensajes|llamadas|correos|sms|whats\w*|mensajitos)\b/,
  // "borren mi número", "saquen mi número de su base", "bájenme de su lista", "retiren mis datos".
  /\b(?:borr(?:en|a|ad|ar|e)|elimin(?:en|a|ad|ar|e)|saqu(?:en|e)|quit(?:en|a|ad|ar|e)|sac(?:a|ad|ar|arme|ame)|retir(?:en|a|ad|ar|e))\s+(?:mi|mis|este|ese|de\s+su|de\s+la|me\s+de|de\s+sus)\s*(?:numero|datos|telefono|celular|contacto|lista|base|registros)/,
  /\b(?:baj|saq|sac|quit|retir|borr|elimin)\w*\s+(?:mi\s+(?:numero|telefono|celular|contacto|nombre|datos)\s+)?de\s+(?:la|las|su|sus|vuestra|vuestras|esta|este|esa|ese|esas|esos|tu|tus)\s+(?:lista|listas|base|bases|sistema|registros|directorio)\b/,
  /\b(?:ya\s+)?basta\s+(?:de|ya|con\s+(?!que\b))|\bbasta\s*$|\bya\s+vale\s+de\s+(?:llamad|mensaj)|\b(?:podrid[oa]s?|hart[oa]s?|cansad[oa]s?|mamad[oa]s?|aburrid[oa]s?)\s+(?:con|de)\s+(?:los\s+|las\s+|sus\s+|tantas\s+|tantos\s+|tanto\s+)?(?:llamad\w*|mensaj\w*|correos|whats\w*)/,
  /\b(?:paren|parad|pare|para|parenle|parale|parenla)\s+(?:ya\s+)?con\s+(?:los\s+|las\s+|sus\s+|tantos\s+|tantas\s+)?(?:llamad\w*|mensaj\w*|sms|whats\w*|correos)|\b(?:ya\s+)?(?:paren|parenle|parad)\s+(?:ya\s+)?con\s+(?:eso|esto)\b/,
  /\b(?:revoco|retiro)\s+(?:mi\s+|la\s+|el\s+)?(?:consentimiento|autorizacion)|\bno\s+(?:autorizo|doy\s+(?:mi\s+)?(?:permiso|autorizacion|consentimiento)|les\s+doy\s+(?:permiso|autorizacion))\b|\bderecho\s+de\s+oposicion\b/,
  /\b(?:cancel\w*|anul\w*)\s+(?:la\s+|mi\s+)?suscripcion\b|\bdesuscrib\w*/,
  // English: "stop calling", "quit blowing up my phone", "don't text me", "remove me from your list", "opt out".
  new RegExp(`\\b(?:stop|quit|cease|end)\\s+(?:\\w+\\s+)?${enContact}\\w*`),
  /\b(?:stop|end|no\s+more|enough\s+(?:with\s+)?)\s*(?:the\s+|these\s+|those\s+|your\s+|all\s+(?:the\s+|these\s+)?|with\s+the\s+)?(?:calls|texts|messages|emails|robocalls|harassment)\b/,
  /\b(?:stop|end|cease)\s+(?:all\s+|the\s+|these\s+|your\s+)(?:\w+\s+)?(?:calls|texts|messages|emails|robocalls)\b/,
  /^(?:please\s+)?no\s+(?:more\s+)?(?:calls|texts|messages|emails)(?:\s+(?:please|pls|thanks|thank\s+you))?\s*$|\bnada\s+de\s+(?:llamadas|mensajes|whats\w*|correos|sms)\b/,
  /\b(?:calls|texts|messages|emails|contact|harassment)\s+(?:to|must|needs?\s+to|has\s+to|have\s+to)\s+stop\b/,
  /\b(?:said|say|told\s+you|telling\s+you)\s+(?:to\s+)?stop\b/,
  /\b(?:don'?t|do\s+not|never|dont)\s+(?:ever\s+)?(?:call|text|contact|message|email|e-mail|phone|bother|write|ring|reach\s+out)\b/,
  /\b(?:you\s+)?(?:can'?t|cannot|may\s+not|are\s+not\s+allowed\s+to)\s+(?:contact|call|text|message)\s+me\b/,
  /\b(?:unsubscribe|opt\s*-?\s*out|opt\s+me\s+out|remove\s+(?:me|my\s+(?:number|name|info|phone))|take\s+(?:me|my\s+number)\s+off|delete\s+my\s+(?:number|info|contact)|lose\s+my\s+number|cease\s+(?:and\s+desist|all\s+communication|contact)|do\s+not\s+call\s+list|dnc\s+list)\b/,
  /\b(?:don'?t|do\s+not)\s+want\s+(?:any\s*more\s+|to\s+(?:receive|get)\s+(?:any\s*more\s+)?|your\s+|ur\s+|these\s+|those\s+|the\s+|more\s+)(?:calls|texts|messages|emails)\b/,
  /\b(?:don'?t|do\s+not)\s+want\s+to\s+be\s+(?:contacted|called|texted|messaged|emailed|bothered)\b/,
  /\b(?:revok\w*|withdraw\w*)\s+(?:my\s+)?consent\b|\b(?:don'?t|do\s+not|no\s+longer)\s+consent\b/,
  /\bleave\s+me\s+(?:the\s+\w+\s+)?alone\b|\bleave\s+me\s+be\b|^quit\s+it\s*$|\bdej(?:en|a|ad|e)me\s+(?:en\s+paz|tranquil[oa]s?)\b/,
  // Formal and indirect opt-outs: "cease all further contact", "I no longer wish to be contacted", "cesen toda comunicación".
  /\bcease\s+(?:all\s+|any\s+)?(?:further\s+)?(?:contact\w*|communicat\w*|calls?|calling|texting|messag\w*|correspondence)\b/,
  /\bno\s+longer\s+(?:contact|call|text|message|email|e-mail)\s+me\b|\b(?:don'?t|do\s+not|no\s+longer)\s+wish\s+to\s+(?:be\s+(?:contacted|called|texted)|receive\s+(?:any\s+)?(?:\w+\s+)?(?:calls|texts|messages|emails|communication))/,
  /\b(?:lose|delete|forget)\s+(?:this|my|that)\s+(?:number|phone\s+number)\b/,
  /\b(?:knock\s+it\s+off|cut\s+it\s+out|enough|i'?m\s+done|(?:sick|tired)\s+of)\s+(?:with\s+)?(?:the\s+|these\s+|those\s+|your\s+|all\s+(?:the\s+|these\s+|of\s+these\s+)?)?(?:phone\s+)?(?:calls|texts|messages|emails|robocalls)\b/,
  /\bdo\s+not\s+call\s+(?:list|registry)\b|\blista\s+robinson\b|\brepep\b|\bregistro\s+(?:de\s+)?no\s+llame\b/,
  /\bces(?:en|e|eis|ad|ar)\s+(?:en\s+|de\s+)?(?:toda\s+|todo\s+|las\s+|los\s+|sus\s+|vuestras\s+|vuestros\s+|el\s+|la\s+)?(?:comunicacion|contact|llamad|mensaj|envi|acoso|llam|escrib|molest)/,
  /\b(?:ya\s+esta\s+bien|ya\s+vale|suficiente|ya\s+estuvo|ya\s+chole)\s+(?:de|con)\s+(?:\w+\s+)?(?:llamad|mensaj|whats|correos|sms)/,
  /\b(?:abstenga|abstenganse|abstengan)\w*\s+de\s+(?:llam|marc|escrib|contact|envi|mand)/,
  /\bno\s+(?:me\s+)?(?:pueden|puede|podeis|deben)\s+(?:seguir\s+)?(?:llamar|contactar|escribir|marcar)(?:me)?\b/,
  /\b(?:don'?t|do\s+not|never)\s+want\s+to\s+hear\s+from\s+(?:you|your\s+company|y'?all)\b/,
  /\bif\s+you\s+(?:would\s+|could\s+)?(?:stopped|stop|quit)\s+(?:call|text|messag|contact|email|bother|harass)/,
  /\bno\s+(?:permission|right|consent)\s+to\s+(?:contact|call|text|message|email)\s+me\b/,
  /\bwant\s+(?:these|the|your|all\s+these|all\s+the)\s+(?:calls|texts|messages|emails)\s+(?:to\s+)?stop/,
  /\bremove\s+(?:this|my)\s+(?:number|phone|cell)\b/,
  // Formal, indirect and misspelt opt-outs (extra3 corpus): "end all communication", "please discontinue all calls",
  // "no more phone calls", "refrain from contacting me", "ejerzo mi derecho a no ser contactado", "bórrenme", "no me yamen".
  /\b(?:end|discontinue|suspend|terminate|halt)\s+(?:all\s+|any\s+)?(?:further\s+)?(?:communications?|contact|calls|texts|messages|correspondence|phone\s+calls)\b/,
  /\bno\s+(?:more|further)\s+(?:phone\s+)?(?:calls|texts|messages|contact|communications?|emails)\b|\b(?:want|wish)\s+no\s+(?:further\s+|more\s+)?(?:contact|communications?|calls)\b/,
  /\brefrain\s+from\s+(?:contact|call|text|messag|email)\w*|\b(?:don'?t|do\s+not)\s+want\s+(?:any\s+)?(?:contact|communication)\s+(?:from|with)\b|\b(?:don'?t|do\s+not)\s+want\s+you\s+(?:contacting|calling|texting)\s+me\b/,
  /\b(?:take|get)\s+(?:this|my)\s+(?:number|name|phone\s+number)\s+off\b|\bstop\s+msg\w*|\bstahp\b/,
  /\bderecho\s+a\s+no\s+ser\s+(?:contactad|llamad|molestad)\w*|\bno\s+(?:deseo|quiero)\s+ser\s+(?:contactad|llamad|molestad)\w*|\bme\s+opongo\s+a\s+que\s+me\s+(?:contact|llam|escrib|marqu)\w*/,
  /\b(?:suspend|cancel)(?:an|en|ad)\s+(?:los\s+|las\s+|sus\s+|todos\s+los\s+|todas\s+las\s+)?(?:mensajes|llamadas|correos|sms|whats\w*)\b|\bno\s+volver\s+a\s+(?:contactar|llamar|escribir|marcar)me\b/,
  /\bdejame\s+de\s+(?:escribir|llamar|molestar|marcar|joder)|\bya\s+no\s+me\s+(?:llame|escriba|marque|anden\s+(?:marcando|llamando|escribiendo))\b|\b(?:no+|ya\s+no)\s+me\s+yame(?:n|s)?\b|\bborr(?:en|a|ad)me\b|\bni\s+una?\s+(?:llamada|mensaje|whats\w*|correo)\s+mas\b|\bbajenle\s+a\s+(?:las\s+|los\s+|sus\s+)?(?:llamadas|mensajes|llamados)\b|\bquit\s+it\s+with\s+(?:the\s+|these\s+|your\s+)?(?:calls|texts|messages|emails)\b/,
  /\bno\s+(?:sigan|siga|sigais)\s+con\s+(?:las\s+|los\s+|sus\s+|tantas\s+|tantos\s+)?(?:llamad|mensaj|whats|correos)|\bevit(?:en|e|ad)\s+(?:llamar|contactar|escribir|marcar)|\bolvid\w*\s+(?:de\s+)?(?:mi|este)\s+(?:numero|telefono|celular)/,
  // Written after the dev set (extra4) showed fresh opt-outs the rules missed: typos ("stp", "txting", "kiero q me
  // yamen"), a contact adjective ("cease all telephone contact", "further text messages"), "can you not call me",
  // "I need them to stop" about calls, "quit hitting my line", "ponerse en contacto", "abstenerse de llamar".
  /\b(?:stop|stp|quit)\s+(?:\w+\s+)?(?:txt|msg|callin|textin)\w*|\bstp\s+(?:call|text|messag|contact)\w*/,
  /\bcease\s+(?:all\s+|any\s+)?(?:further\s+)?(?:(?:tele)?phone\s+|text\s+|collection\s+|written\s+)(?:contact|communication|calls?|messages?)\b/,
  /\b(?:stop|end|cease|discontinue)\s+(?:all\s+|any\s+)?(?:further\s+)?(?:communications?|correspondence|contacting\s+me)\b/,
  /\b(?:no\s+more|no\s+further)\s+(?:msgs|txts|sms|texts?\s+messages|text\s+messages|voicemails|robo\s*calls)\b/,
  /\b(?:don'?t|do\s+not|no\s+longer)\s+wish\s+to\s+(?:receive|get)\s+(?:any\s+)?(?:\w+\s+){0,2}(?:calls|texts|messages|emails|communications?|contact)\b/,
  /\b(?:revok\w*|withdraw\w*)\s+(?:any|all|the|my)\s+(?:\w+\s+)?consent\b/,
  /\b(?:can|could|would|will)\s+(?:you|u|y'?all)\s+(?:guys\s+|people\s+|all\s+)?(?:please\s+|pls\s+|just\s+)?not\s+(?:call|text|contact|message|email)\s+me\b|\bnot\s+(?:call|text|contact|message|email)\s+me\s+(?:anymore|any\s+more|again)\b/,
  /\b(?:calls?|calling|texts?|texting|messages?|msgs)\b.*\b(?:need|want)\s+(?:them|you|u|y'?all|it\s+all)\s+to\s+(?:stop|end)\b/,
  /\b(?:want|need)\s+(?:these|the|your|all\s+these|all\s+the|all\s+of\s+these)\s+(?:phone\s+)?(?:calls|texts|messages|emails)\s+to\s+(?:stop|end|cease)\b/,
  /\b(?:don'?t|do\s+not|never)\s+want\s+to\s+hear\s+from\s+(?:u|you\s+guys|u\s+guys|you\s+people|your\s+(?:agency|office|people))\b/,
  /\b(?:quit|stop)\s+hit\w*\s+(?:up\s+)?my\s+(?:line|phone|cell|number)\b/,
  /\babsten\w*\s+de\s+(?:llam|marc|escrib|contact|envi|mand)|\bno\s+(?:vuelvan|vuelva|volvais|vuelvas|se\s+vuelvan)\s+a\s+(?:ponerse|poneros|ponerte|comunicarse)\s+en\s+contacto\b|\bno\s+se\s+(?:pongan|ponga)\s+en\s+contacto\b/,
  /\b(?:calls?|calling|texts?|texting|messages?|msgs)\b.*\bstop$|\b(?:llam|marc|escrib|mand)\w*\b.*\bdejen\s+de\s+hacerlo\b/,
  /\bno\s+(?:me\s+)?(?:rompan|jodan|molesten|hinchen|frieguen)\s+(?:mas\s+)?con\s+(?:los\s+|las\s+|sus\s+|tantos\s+|tantas\s+)?(?:llamad|mensaj|whats|correos)/,
  /\bno\s+(?:quiero|kiero|qiero|deseo)\s+(?:que|q|k|ke)\s+(?:me\s+|nos\s+|le\s+)?(?:sigan\s+|vuelvan\s+a\s+)?(?:yam|llam|marc|escrib|contact)\w*/,
  // Fifth pass (idioms of "leave my phone alone"): "radio silence", "exit my inbox", "stay off my line", "scrub
  // this number from your records", "back off", "olvídense de mi número", "no me busquen más".
  /\bradio\s+silence\b|\b(?:exit|get\s+out\s+of|stay\s+out\s+of|stay\s+off|get\s+off|keep\s+off|stay\s+away\s+from)\s+(?:my|mah)\s+(?:inbox|phone|line|dms?|cell|texts|messages|voicemail)\b/,
  /\b(?:scrub|erase|wipe|purge|delete|remove|take)\s+(?:this|my|the|that)\s+(?:(?:phone|cell|contact)\s+)?(?:(?:number|no|info|information|details|name|contact|data)\s+)?(?:from|off|out\s+of)\s+(?:your|ur|y'?all'?s?|the|all\s+your)\s+(?:records|list|lists|system|database|files|contacts|dialer|call\s+list)\b/,
  /\bback\s+off\b(?!\s+(?:the|of|on)\b)|\bgive\s+it\s+a\s+rest\b/,
  // "hagan de cuenta que este número no existe", "pretend this number doesn't exist", "bájenle (dos rayitas) a los
  // mensajes", "no volver a llamar a esta casa".
  /\b(?:este|mi|this|my)\s+(?:numero|telefono|celular|number|phone)\s+(?:ya\s+)?(?:no\s+existe|doesn'?t\s+exist|does\s+not\s+exist)\b/,
  /\bbajen(?:le)?\s+(?:\w+\s+){0,3}a\s+(?:las\s+|los\s+|sus\s+|tantas\s+|tantos\s+)?(?:llamadas|mensajes|llamados|whats\w*|correos)\b/,
  /\bno\s+volver\s+a\s+(?:llamar|marcar|escribir|contactar|timbrar)\s+(?:a\s+)?(?:esta|este|a\s+este|mi|nuestr[oa])\s+(?:casa|numero|telefono|celular|hogar)/,

  /\bolvid(?:ense|aos|ate|ese)\s+de\s+(?:(?:mi|este|mis)\s+(?:numero|telefono|celular|contacto|datos)\b|mi\s*$)|\b(?:no|ya\s+no)\s+me\s+(?:busquen|busqueis|busques)\s+mas\b/,
];

/**
 * "STOP. I mean it this time.", "… no need to keep reminding me, just stop": the keyword as a sentence
 * of its own, first or last, before the punctuation is dropped ("I can't stop" is not one).
 */
const stopSentence =
  /^\s*(?:please\s+)?(?:stop|basta|alto)\s*[.!]+(?:\s|$)|(?:[.,;!]\s*|\b(?:just|please|pls|so|now)\s+)(?:stop|basta)(?:\s+(?:it|now|already|please|pls|ya))?\s*[.!]*\s*$/i;

const ruleSets: ReadonlyArray<[Intent, readonly RegExp[]]> = [
  [
    'deceased',
    [
      /\b(?:fallecio|murio|fallecido|fallecida|difunto|difunta|q\s*e\s*p\s*d|en\s+paz\s+descanse|ya\s+no\s+esta\s+con\s+nosotros|acta\s+de\s+defuncion|se\s+nos\s+fue|finado|finada|ha\s+fallecido|descanse\s+en\s+paz)\b/,
      /\b(?:passed\s+away|died|is\s+deceased|was\s+deceased|deceased|is\s+dead|has\s+passed|death\s+certificate|passed\s+last|rest\s+in\s+peace)\b/,
    ],
  ],
  [
    'bankruptcy',
    [
      /\b(?:bancarrota|concurso\s+(?:de\s+acreedores|mercantil|de\s+persona\s+natural)|insolvencia|segunda\s+oportunidad|declar\w*\s+en\s+(?:quiebra|concurso)|suspension\s+de\s+pagos|reorganizacion\s+empresarial|liquidacion\s+patrimonial|procedimiento\s+concursal|quiebra\s+personal|negociacion\s+de\s+deudas|concurso\s+(?:preventivo|de\s+persona)|pedi\s+la\s+quiebra|me\s+(?:declare|declararon)\s+(?:en\s+)?(?:quiebra|insolvente))\b/,
      /\b(?:bankrupt\w*|chapter\s+(?:7|13|seven|thirteen)|insolven\w*|filed\s+for\s+(?:bk|bankruptcy|chapter))\b/,
    ],
  ],
  [
    'wrong_party',
    [
      /\b(?:numero\s+equivocado|equivocad[oa]s?\s+de\s+(?:numero|persona)|se\s+equivoc\w*\s+de\s+(?:numero|persona)|no\s+conozco\s+a\s+(?:esa\s+persona|ese\s+senor|esa\s+senora|nadie\s+con\s+ese|ningun)|aqui\s+no\s+vive|no\s+vive\s+aqui|ya\s+no\s+vive|no\s+es\s+mi\s+nombre|no\s+se\s+quien\s+es|no\s+soy\s+(?:esa\s+persona|la\s+persona|quien\s+buscan))\b/,
      /\b(?:wrong\s+(?:number|person|guy|girl|lady|phone)|no\s+one\s+(?:here\s+)?by\s+that\s+name|nobody\s+(?:here\s+)?by\s+that\s+name|doesn'?t\s+live\s+here|not\s+my\s+name|(?:got|have)\s+the\s+wrong|i\s+don'?t\s+know\s+(?:who\s+that\s+is|that\s+person|anyone\s+named))\b/,
    ],
  ],
  [
    'dispute',
    [
      /\b(?:robo\s+de\s+identidad|suplantacion|usurpacion\s+de\s+identidad|no\s+reconozco\s+(?:esa|esta|la|el|ese|este)\s+(?:deuda|cargo|cuenta|credito|prestamo)|nunca\s+(?:contrate|saque|pedi|solicite|firme|abri)|no\s+es\s+mi\s+deuda)\b/,
      /\b(?:identity\s+theft|stolen\s+identity|not\s+my\s+debt|never\s+(?:opened|signed\s+up|took\s+out|applied)|don'?t\s+recognize\s+(?:this|that|the)\s+(?:debt|charge|account|creditor|original))\b/,
    ],
  ],
];

export interface RuleHit {
  intent: Intent;
  /** True for a carrier keyword sent alone: no classifier can overrule it. */
  keyword: boolean;
}

/** Folded text without punctuation, the form every rule pattern reads. */
function ruleText(text: string): string {
  return foldText(text)
    .replace(/[.,:;/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 2000);
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
  const folded = ruleText(text);
  const hits: RuleHit[] = [];
  for (const [intent, res] of ruleSets)
    if (res.some((re) => re.test(folded))) hits.push({ intent, keyword: false });
  if (keywordOnly.test(folded)) hits.push({ intent: 'stop_contact', keyword: true });
  else if (stopPatterns.some((re) => re.test(folded)) || stopSentence.test(text))
    hits.push({ intent: 'stop_contact', keyword: false });
  return hits;
}

/**
 * Implicit opt-outs that are not the message's point, so they never take the primary slot: a threat
 * conditioned on being contacted again ("si me vuelven a llamar los voy a buscar": abuse) and a channel
 * refused inside a redirection ("por WhatsApp mejor, llamadas no": contact_preference). `parse` adds
 * them as a secondary `stop_contact` (which callers treat as an opt-out), each only with its intent:
 * "si me vuelven a llamar en la tarde les contesto" is no threat.
 */
const contactAgainThreat: readonly RegExp[] = [
  /\b(?:si|como|cuando)\s+(?:me\s+|nos\s+|le\s+)?(?:vuelven|vuelves|vuelve|volveis|vuelvan|vuelvas|volvais|siguen|sigues|seguis)\s+(?:a\s+)?(?:llam|marc|timbr|escrib|mand|molest|contact|yam)\w*/,
  /\b(?:vuelva|vuelvan|vuelve|volved|vuelvas)\s+a\s+(?:llam|marc|timbr|escrib|molest)\w*\s+y\b/,
  /\b(?:call|text|message|contact|email)\s+(?:me\s+)?(?:one\s+more\s+time|again|once\s+more)\s+and\b|\bone\s+more\s+(?:call|text|message)\s+and\b|\bif\s+(?:you|u|y'?all)\s+(?:call|text|contact|message)\s+(?:me\s+)?(?:again|one\s+more\s+time)\b|\bkeep\s+(?:calling|texting|it\s+up)\s+and\b/,
];
const refusedChannel =
  /\b(?:llamadas|calls|mensajes|texts|correos|emails)\s+no\b(?!\s+(?:me\s+)?(?:llegan|go|come|funcionan|work))|\bno\s+(?:atiendo|contesto|puedo\s+(?:contestar|atender)|respondo)\s+(?:las\s+|sus\s+)?(?:llamadas|el\s+telefono|el\s+celular)\b|\b(?:don'?t|can'?t|cannot|do\s+not)\s+(?:answer|take|pick\s+up)\s+(?:calls|the\s+phone|phone\s+calls)\b|\bno\s+calls\b/;

/**
 * The implicit opt-out in a reply, if any (see above).
 *
 * @example
 * implicitOptOut('si me vuelven a llamar los voy a buscar') // → 'threat'
 * implicitOptOut('por wasap mejor, llamadas no') // → 'refused_channel'
 */
export function implicitOptOut(text: string): 'threat' | 'refused_channel' | undefined {
  const folded = ruleText(text);
  if (contactAgainThreat.some((re) => re.test(folded))) return 'threat';
  return refusedChannel.test(folded) ? 'refused_channel' : undefined;
}
