import {
  dialogueReplyTemplateId,
  type Messaging,
  type VoiceDialogue,
  type VoiceDialogueAnswer,
  type VoiceDialogueLocale,
} from '../../channels/index.js';
import type { CallbackRequests, Caller, DialogueFactsReader, PlacedCall } from '../ports.js';
import type { RunTurn, TurnOutcome } from './run-turn.js';
import type { Clock } from '../../../shared/clock/clock.js';

/** Said before hanging up when a person takes over: the call ends, a person calls back. */
const CALL_BACK: Record<'es' | 'en', string> = {
  es: 'Una persona de nuestro equipo le devolverá la llamada. Gracias, hasta luego.',
  en: 'A person from our team will call you back. Thank you, goodbye.',
};

/** Said to a debtor who calls in: a person calls back (nothing about a debt before they verify). */
const CALLED_IN: Record<'es' | 'en', (collector: string) => string> = {
  es: (c) =>
    `Gracias por llamar a ${c}. Una persona de nuestro equipo le devolverá la llamada lo antes posible. Hasta luego.`,
  en: (c) =>
    `Thank you for calling ${c}. A person from our team will call you back as soon as possible. Goodbye.`,
};

/** Said to a caller whose number is on no debtor's record: how to reach us in writing. */
const UNKNOWN_CALLER: Record<'es' | 'en', string> = {
  es: 'Gracias por llamar. No encontramos este número en nuestros registros. Si recibió un mensaje nuestro, respóndanos por mensaje a este mismo número. Hasta luego.',
  en: 'Thank you for calling. We could not find this number in our records. If you received a message from us, reply to it by text at this same number. Goodbye.',
};

/** After this many turns of silence or talk on one call, the bot ends it (a call is not endless). */
export const MAX_CALL_TURNS = 40;

/** The bot's voice for the debtor: es-ES in Spain, es-MX for other Spanish speakers, en-US in English. */
export function voiceLocaleOf(call: Pick<PlacedCall | Caller, 'language' | 'country'>): VoiceDialogueLocale {
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
  facts: Pick<DialogueFactsReader, 'callOf' | 'callerOf'>;
  callbacks: CallbackRequests;
  messaging: Messaging;
  clock: Clock;
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
    async calledIn({ orgId, callId, from }): Promise<VoiceDialogueAnswer> {
      const caller = await d.facts.callerOf(orgId, from);
      if (!caller) {
        // North American numbers hear English first; everyone else Spanish.
        const lang = from.startsWith('+1') ? 'en' : 'es';
        return { locale: lang === 'en' ? 'en-US' : 'es-MX', say: [UNKNOWN_CALLER[lang]], end: true };
      }
      await d.callbacks.open(orgId, caller, { callId, from, at: d.clock.now() });
      return {
        locale: voiceLocaleOf(caller),
        say: [CALLED_IN[caller.language](caller.collectorName)],
        end: true,
      };
    },

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
