import {
  dialogueReplyTemplateId,
  type Messaging,
  type VoiceDialogue,
  type VoiceDialogueAnswer,
  type VoiceDialogueLocale,
} from '../../channels/index.js';
import type { DialogueFactsReader, PlacedCall } from '../ports.js';
import type { RunTurn, TurnOutcome } from './run-turn.js';

/** Said before hanging up when a person takes over: the call ends, a person calls back. */
const CALL_BACK: Record<'es' | 'en', string> = {
  es: 'Una persona de nuestro equipo le devolverá la llamada. Gracias, hasta luego.',
  en: 'A person from our team will call you back. Thank you, goodbye.',
};

/** After this many turns of silence or talk on one call, the bot ends it (a call is not endless). */
export const MAX_CALL_TURNS = 40;

/** The bot's voice for the debtor: es-ES in Spain, es-MX for other Spanish speakers, en-US in English. */
export function voiceLocaleOf(call: Pick<PlacedCall, 'language' | 'country'>): VoiceDialogueLocale {
  if (call.language === 'en') return 'en-US';
  return call.country === 'ES' ? 'es-ES' : 'es-MX';
}

/**
 * The conversation of a voicebot call: each `<Gather>`'s speech is a turn of the SAME conversation as
 * the debtor's other channels (keyed `voice:<call>:<attempt>`, so Twilio retrying a webhook runs
 * nothing twice). The channel put the speech on the timeline with the call; the bot's words are
 * written by the runner. No reply is spoken without the compliance decision for that call
 * (`Messaging.checkWithoutSending`, the call itself excluded from its history); a refusal ends the call unsaid.
 */
export function createVoiceDialogue(d: {
  runTurn: RunTurn;
  facts: Pick<DialogueFactsReader, 'callOf'>;
  messaging: Messaging;
  log: (msg: string, data: Record<string, unknown>) => void;
}): VoiceDialogue {
  async function allowed(orgId: string, call: PlacedCall, out: TurnOutcome): Promise<boolean> {
    if (!d.messaging.checkWithoutSending) return false; // no compliance decision, no words
    for (const r of out.replies) {
      if (r.replyKind === null) continue;
      const decision = await d.messaging.checkWithoutSending({
        orgId,
        accountId: call.accountId,
        channel: 'voicebot',
        templateId: dialogueReplyTemplateId(r.replyKind),
        idempotencyKey: call.idempotencyKey,
        requestedBy: { kind: 'dialogue', id: out.conversation.id },
        reply: {
          text: r.text,
          kind: r.replyKind,
          content: r.replyContent ?? { miniMiranda: false, optOutInstructions: false },
        },
      });
      if (decision.kind === 'refused') {
        d.log('dialogue voice reply refused', { conversationId: out.conversation.id, seq: r.seq });
        return false;
      }
    }
    return true;
  }

  return {
    async turn({ orgId, callId, speech, attempt }): Promise<VoiceDialogueAnswer | null> {
      const call = await d.facts.callOf(orgId, callId);
      if (!call) return null;
      const locale = voiceLocaleOf(call);
      // Answered: people say "¿Bueno?" / "Hello?" first; that is the conversation's first turn.
      if (speech === null) return { locale, say: [], end: false };
      if (speech.trim() === '') return { locale, say: [], end: attempt >= MAX_CALL_TURNS };
      const out = await d.runTurn({
        orgId,
        debtorId: call.debtorId,
        accountId: call.accountId,
        text: speech,
        origin: { channel: 'voicebot', from: null },
        sourceKey: `voice:${callId}:${attempt}`,
        debtorOnTimeline: true,
        repliesSent: false,
      });
      if (!(await allowed(orgId, call, out))) return { locale, say: [], end: true };
      const say = out.replies.map((r) => r.text);
      const status = out.conversation.status;
      if (status === 'handed_off') return { locale, say: [...say, CALL_BACK[call.language]], end: true };
      return { locale, say, end: status === 'closed' || attempt >= MAX_CALL_TURNS };
    },
  };
}
