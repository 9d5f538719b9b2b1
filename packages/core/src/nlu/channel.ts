import type { Channel } from './intents.js';
import { foldText } from './normalize.js';

const channelPatterns: ReadonlyArray<[Channel, RegExp]> = [
  ['whatsapp', /\b(whats\s?app|whatsap|watsap|wasap|guasap|whats|wats|wsp|wpp|wapp|wa)\b/g],
  ['email', /\b(e-?mail|mail|correo|correo electronico|emails?|inbox|gmail|hotmail|outlook)\b|@\w/g],
  ['sms', /\b(sms|mensajes? de texto|textos?|text\s+me|text\s+message|texts?|texting|txt|mensajito|mensajitos|by\s+text)\b/g],
  ['call', /\b(llam\w*|marc(?:a|ar|ame|anme|arme|ale|arle|ame|ar)|marque\w*|telefono|phone|call\w*|ring\s+me|give\s+me\s+a\s+ring|habla(?:me|rme))\b/g],
];

/** A mention inside a refusal ("no me llamen", "stop texting") is not a preference. */
const negatedBefore = /\b(no|nunca|ya no|dejen de|deja de|dejar de|stop|don'?t|do not|never|no more|not|sin)\s+(?:\w+\s+){0,2}$/;

/**
 * The contact channel a reply asks for (`sms|whatsapp|email|call`). A refused channel is not a
 * preference: "no me llamen, escríbanme por whatsapp" → whatsapp; "stop calling me" → none.
 *
 * @example
 * extractChannel('mejor mándame un correo') // → 'email'
 * extractChannel('call me after 6') // → 'call'
 */
export function extractChannel(text: string): Channel | undefined {
  const folded = foldText(text).slice(0, 2000);
  const hits: Array<{ channel: Channel; index: number; negated: boolean }> = [];
  for (const [channel, re] of channelPatterns) {
    re.lastIndex = 0;
    for (const m of folded.matchAll(re)) {
      if (channel === 'sms' && /^texts?$/.test(m[0]) && /\b(the|this|your|that|el|ese)\s+$/.test(folded.slice(0, m.index))) continue;
      hits.push({ channel, index: m.index, negated: negatedBefore.test(folded.slice(Math.max(0, m.index - 30), m.index)) });
    }
  }
  hits.sort((a, b) => a.index - b.index);
  return hits.find((h) => !h.negated)?.channel;
}
