import twilio from 'twilio';
import type { VoiceDialogueAnswer, VoiceDialogueLocale } from '../ports/channel-provider.js';
import { voiceUrl } from './twilio-voice.js';

/** The step of a voicebot call whose turns the dialogue runs (`?script=…&step=dialogue&attempt=n`). */
export const DIALOGUE_STEP = 'dialogue';

/** The voice of each locale (Amazon Polly through Twilio): a native speaker of the debtor's variant. */
export const dialogueVoices: Record<VoiceDialogueLocale, string> = {
  'es-MX': 'Polly.Mia',
  'es-ES': 'Polly.Lucia',
  'en-US': 'Polly.Joanna',
};

/**
 * TwiML of one turn of a conversation on a call: the bot's replies in `<Say>`, then a
 * `<Gather input="speech">` whose result comes back to the voice webhook as the next turn
 * (`attempt` + 1 keys it, so a retried webhook is the same turn), or `<Hangup/>` when it ends.
 */
export function dialogueTwiml(
  answer: VoiceDialogueAnswer,
  opts: { publicUrl: string; scriptId: string; attempt: number },
): string {
  const r = new twilio.twiml.VoiceResponse();
  const language = answer.locale;
  const voice = dialogueVoices[answer.locale] as 'Polly.Mia';
  if (answer.end) {
    for (const text of answer.say) r.say({ voice, language }, text);
    r.hangup();
    return r.toString();
  }
  // The replies are said inside the Gather, so the debtor may answer before they end (barge-in);
  // silence comes back too (actionOnEmptyResult), as an empty turn.
  const g = r.gather({
    input: ['speech'],
    language,
    speechTimeout: 'auto',
    timeout: 6,
    actionOnEmptyResult: true,
    method: 'POST',
    action: voiceUrl(opts.publicUrl, opts.scriptId, DIALOGUE_STEP, opts.attempt + 1),
  });
  for (const text of answer.say) g.say({ voice, language }, text);
  return r.toString();
}
