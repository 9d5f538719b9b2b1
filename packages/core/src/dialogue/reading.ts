/**
 * What the engine makes of one debtor message: the NLU's intent, corrected where the engine reads
 * more than the NLU can ("attorney", which the NLU files under bankruptcy; a refused channel inside a
 * redirection), and the signals that change how the bot answers (an opt-out anywhere, vulnerability).
 */
import { preferenceChannelOf, type PreferenceChannel, type TwoWayChannel } from '../channels/channel.js';
import { isIntent, type Intent } from '../nlu/intents.js';
import { foldAccents } from '../nlu/normalize.js';
import type { NluResult } from '../nlu/parse.js';

/** The NLU's intents plus what the engine recognises itself. */
export type DialogueIntent = Intent | 'attorney';

export interface Reading {
  text: string;
  folded: string;
  intent: DialogueIntent;
  understanding: NluResult;
  /** The debtor withdrew a channel: the turn's one, or the one named ("stop calling me"). */
  optOut: PreferenceChannel | null;
  /** Illness, disability, bereavement, mental health: a person should take over, gently. */
  vulnerable: boolean;
  /** "Gracias", "thanks": a smalltalk turn that closes rather than opens. */
  thanks: boolean;
}

const attorneyWords =
  /\b(abogad[oa]s?|licenciad[oa] que me (representa|lleva)|mi representante legal|despacho juridico|attorney|lawyer|legal counsel|legal representative)\b/;
const bankruptcyWords = /\b(quiebra|concurso|bancarrota|insolven\w*|bankrupt\w*|chapter (7|11|13))\b/;
const vulnerableWords =
  /\b(enferm\w*|hospital\w*|cancer|quimio\w*|cirugia|operaron|discapacidad|depresion|ansiedad|salud mental|diagnostic\w*|sick|illness|ill|disab\w*|chemo\w*|surgery|depress\w*|anxiety|mental health|diagnos\w*|funeral|fallecio mi|murio mi|passed away|died)\b/;
const thanksWords = /\b(gracias|grax|thanks?|thank you|thx|ty)\b/;

const refusedChannels: ReadonlyArray<[RegExp, PreferenceChannel]> = [
  [
    /\b(no me (llame|llamen|marque|marquen|hablen)|dejen de (llamar|marcar)\w*|ya no (me )?(llamen|marquen)|no (mas )?llamadas|sin llamadas|stop calling|quit calling|don'?t call|do not call|no (more )?calls)\b/,
    'call',
  ],
  [
    /\b(no me (manden|envien|escriban) (mas )?(mensajes|sms|textos)|dejen de (mandar|enviar)\w* (mensajes|sms)|stop texting|don'?t text|do not text|no (more )?texts)\b/,
    'sms',
  ],
  [
    /\b(no me (manden|envien) (mas )?correos|dejen de mandar\w* correos|stop emailing|no (more )?emails)\b/,
    'email',
  ],
  [/\b(no (me escriban |mas )?(por )?whats?app|dejen de escribir(me)? por whats?app)\b/, 'whatsapp'],
];

/** "Por acá no", "not here": the channel the message came through is the one refused. */
const hereRefused =
  /\b(por (aca|aqui|este medio) no|no (por|en) (aca|aqui|este medio)|not (here|on here|this way))\b/;

function refusedChannel(folded: string, current: PreferenceChannel | null): PreferenceChannel | null {
  for (const [re, channel] of refusedChannels) if (re.test(folded)) return channel;
  return hereRefused.test(folded) ? current : null;
}

export function readTurn(text: string, channel: TwoWayChannel, understanding: NluResult): Reading {
  const folded = foldAccents(text.toLowerCase());
  const nluIntent: Intent = isIntent(understanding.intent) ? understanding.intent : 'unknown';
  const secondary = understanding.secondary ?? [];
  const optingOut = nluIntent === 'stop_contact' || secondary.includes('stop_contact');
  const current = preferenceChannelOf(channel);
  let optOut: PreferenceChannel | null = null;
  if (optingOut || nluIntent === 'contact_preference') {
    // A redirection ("text me, don't call"; "mandame un mail, por acá no") withdraws only the channel it refuses.
    const named = refusedChannel(folded, current);
    optOut = nluIntent === 'contact_preference' ? named : (named ?? current);
  }
  const attorney = attorneyWords.test(folded) && !bankruptcyWords.test(folded);
  return {
    text,
    folded,
    intent: attorney ? 'attorney' : nluIntent,
    understanding,
    optOut,
    vulnerable: vulnerableWords.test(folded),
    thanks: thanksWords.test(folded),
  };
}
