import type { Channel, Language } from './intents.js';
import { foldText } from './normalize.js';

/** "whats" is WhatsApp unless it is "what's" ("whats the amount", "whats up"). */
const whatsNotApp =
  '(?!\\s+(?:the|up|that|this|your|ur|my|going|goin|good|new|a|it|wrong|happening|next|left|due|owed|he|she|they|you|u|poppin|in|on|with|for|so|is|was|this)\\b)';

const channelPatterns: ReadonlyArray<[Channel, RegExp]> = [
  [
    'whatsapp',
    new RegExp(
      `\\b(whats\\s?app|whatsap|watsap|wasap|guasap|whats${whatsNotApp}|wats${whatsNotApp}|wsp|wpp|wapp|wa)\\b`,
      'g',
    ),
  ],
  ['email', /\b(e-?mail|mail|correo|correo electronico|emails?|inbox|gmail|hotmail|outlook)\b|@\w/g],
  [
    'sms',
    /\b(sms|mensajes? de texto|textos?|text\s+me|text\s+message|texts?|texting|txt|mensajito|mensajitos|by\s+text)\b/g,
  ],
  // Asking to be called ("llámame", "me pueden marcar", "call me", "by phone"), not a call that happened
  // ("me llamó", "me llaman", "llamadas", "you called", "keep calling", "this phone").
  [
    'call',
    /\b(llam(?:a|ame|enme|eme|adme|ar|arme|arle|arla|arlo|arnos|en|e|es|as)|marc(?:a|ar|ame|anme|arme|ale|arle)|marque\w*|(?:por|al)\s+(?:el\s+)?telefono|telefonicamente|llamada\s+telefonica|mejor\s+al\s+(?:cel|celu|celular|movil|fijo)|phone\s+me|(?:by|over\s+the|on\s+the|via)\s+phone|phone\s+call|call(?!\s+(?:list|it\b|center))|ring\s+me|give\s+me\s+a\s+ring|habla(?:me|rme)|hablenme|hableme)\b/g,
  ],
];

/** A mention inside a refusal ("no me llamen", "stop texting", "quit calling", "ni por sms") is not a preference. */
const negatedBefore =
  /\b(no|nunca|ya no|ni|dejen de|deja de|dejar de|dejad de|basta de|basta con|stop|quit|cease|don'?t|do not|never|no more|not|sin|si me vuelven a|si me vuelves a|si vuelven a)\s+(?:\w+\s+){0,3}$/;
/** "the text", "a text from you", "you keep texting": the collector's messages, not the one asked for. */
const collectorText = /\b(the|this|your|ur|my|that|these|those|el|ese)\s+$/;
const collectorTexting = /\b(keep|kept|been|you|you're|u|are|y'all|guys)\s+$/;

/**
 * The contact channel a reply asks for (`sms|whatsapp|email|call`). A refused channel is not a
 * preference: "no me llamen, escríbanme por whatsapp" → whatsapp; "stop calling me" → none.
 *
 * @example
 * extractChannel('mejor mándame un correo') // → 'email'
 * extractChannel('call me after 6') // → 'call'
 * extractChannel('de qué empresa me llaman?') // → undefined (a call that happens is not a request)
 */
export function extractChannel(text: string, lang?: Language): Channel | undefined {
  const folded = foldText(text).slice(0, 2000);
  const hits: Array<{ channel: Channel; index: number; negated: boolean }> = [];
  for (const [channel, re] of channelPatterns) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      const before = folded.slice(Math.max(0, m.index - 12), m.index);
      if (
        channel === 'sms' &&
        ((/^texts?$/.test(m[0]) && collectorText.test(before)) ||
          (m[0] === 'texting' && collectorTexting.test(before)))
      )
        continue;
      // In English "mail" is the post ("mail it to me"); in Spanish "mail" is e-mail.
      if (channel === 'email' && m[0] === 'mail' && lang === 'en') continue;
      hits.push({
        channel,
        index: m.index,
        negated: negatedBefore.test(folded.slice(Math.max(0, m.index - 30), m.index)),
      });
    }
  }
  hits.sort((a, b) => a.index - b.index);
  return hits.find((h) => !h.negated)?.channel;
}
