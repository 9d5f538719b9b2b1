import twilio from 'twilio';
import { assertUnreachable } from '@saldo/core';
import {
  isVoiceStep,
  nextVoiceTurn,
  type InboundEvent,
  type VoiceAction,
  type VoiceScript,
} from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { TwilioSettings } from '../ports/channel-settings.js';
import type { VoiceScriptStore } from '../ports/voice-script-store.js';
import { twilioFailure } from './twilio-messaging.js';
import { TwilioRequestClient, type TwilioHttpClient } from './twilio-request-client.js';

/**
 * Twilio Programmable Voice: outbound scripted calls with answering-machine detection, and TwiML
 * for each turn of the voicebot loop (core `nextVoiceTurn`) over `<Gather input="speech dtmf">`.
 */
export const VOICE_WEBHOOK_PATH = '/v1/webhooks/twilio/voice';
export const STATUS_WEBHOOK_PATH = '/v1/webhooks/twilio/status';

export function voiceUrl(publicUrl: string, scriptId: string, step: string, attempt: number): string {
  const q = new URLSearchParams({ script: scriptId, step, attempt: String(attempt) });
  return `${publicUrl.replace(/\/+$/, '')}${VOICE_WEBHOOK_PATH}?${q.toString()}`;
}

/** Renders the actions of one turn as TwiML. Every `<Say>` and `<Gather>` is in the script's locale. */
export function actionsToTwiml(
  actions: readonly VoiceAction[],
  opts: { locale: string; publicUrl: string; scriptId: string },
): string {
  const r = new twilio.twiml.VoiceResponse();
  const language = opts.locale as 'es-MX';
  for (const a of actions) {
    switch (a.kind) {
      case 'say':
        r.say({ language }, a.text);
        break;
      case 'gather': {
        // actionOnEmptyResult: silence also comes back to us, so the loop can re-ask or end politely.
        const g = r.gather({
          input: ['speech', 'dtmf'],
          language,
          numDigits: 1,
          timeout: 5,
          speechTimeout: 'auto',
          actionOnEmptyResult: true,
          method: 'POST',
          action: voiceUrl(opts.publicUrl, opts.scriptId, a.step, a.attempt),
        });
        g.say({ language }, a.prompt);
        break;
      }
      case 'dial':
        r.dial({ answerOnBridge: true }, a.number);
        break;
      case 'hangup':
        r.hangup();
        break;
      default:
        assertUnreachable(a, 'voice action');
    }
  }
  return r.toString();
}

/**
 * TwiML answering one voice webhook. Unknown scripts hang up. A machine gets only the voicemail
 * (`nextVoiceTurn`), and for US debtors that voicemail template must pass the limited-content check
 * (US-REGF-LCM in core required-content) when it is saved. `country` is kept for the audit trail.
 */
export function voiceTurnTwiml(input: {
  script: VoiceScript | null;
  scriptId: string;
  country: string;
  event: Extract<InboundEvent, { type: 'call' }> | undefined;
  attempt: number;
  publicUrl: string;
}): string {
  const { script, event } = input;
  if (!script || !event || !isVoiceStep(event.step))
    return actionsToTwiml([{ kind: 'hangup' }], {
      locale: 'en-US',
      publicUrl: input.publicUrl,
      scriptId: input.scriptId,
    });
  const turn = nextVoiceTurn(script, {
    step: event.step,
    attempt: input.attempt,
    ...(event.answeredBy ? { answeredBy: event.answeredBy } : {}),
    ...(event.speech ? { speech: event.speech } : {}),
    ...(event.digits ? { digits: event.digits } : {}),
  });
  return actionsToTwiml(turn.actions, {
    locale: script.locale,
    publicUrl: input.publicUrl,
    scriptId: input.scriptId,
  });
}

export interface TwilioVoiceOptions {
  orgId: string;
  settings: TwilioSettings;
  publicUrl: string;
  scripts: VoiceScriptStore;
  /** SALDO_PROVIDER_TIMEOUT_MS: the deadline of each API request (shorter than the send lease). */
  timeoutMs: number;
  httpClient?: TwilioHttpClient;
}

export class TwilioVoiceProvider implements ChannelProvider {
  readonly id = 'twilio' as const;
  readonly channels = ['call', 'voicebot'] as const;
  readonly #client: ReturnType<typeof twilio>;
  constructor(private readonly opts: TwilioVoiceOptions) {
    this.#client = twilio(opts.settings.accountSid, opts.settings.authToken, {
      httpClient: opts.httpClient ?? new TwilioRequestClient({ timeoutMs: opts.timeoutMs }),
    });
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    if (msg.channel !== 'call' && msg.channel !== 'voicebot')
      return {
        ok: false,
        reason: 'unsupported_channel',
        detail: `Twilio Voice does not send ${msg.channel}`,
        retryable: false,
      };
    if (!msg.voiceScriptId)
      return {
        ok: false,
        reason: 'provider_error',
        detail: 'a call needs a stored voice script (voiceScriptId)',
        retryable: false,
      };
    const from = this.opts.settings.fromVoice ?? this.opts.settings.fromSms;
    if (!from)
      return {
        ok: false,
        reason: 'provider_error',
        detail: 'no caller id configured (TWILIO_FROM_SMS)',
        retryable: false,
      };
    try {
      const call = await this.#client.calls.create({
        to: msg.to,
        from,
        url: voiceUrl(this.opts.publicUrl, msg.voiceScriptId, 'answer', 0),
        method: 'POST',
        // DetectMessageEnd waits for the beep, so a voicemail is recorded whole (a partial one is not an LCM).
        machineDetection: 'DetectMessageEnd',
        statusCallback: `${this.opts.publicUrl.replace(/\/+$/, '')}${STATUS_WEBHOOK_PATH}`,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      });
      return { ok: true, providerMessageId: call.sid, status: 'queued' };
    } catch (e) {
      // A second call is a second contact the law counts (Reg F's 7 in 7): an unknown outcome is
      // given up for a person to decide, never dialled again blindly (ADR 0011).
      return twilioFailure(e, { unknownRetryable: false });
    }
  }

  onEvent(_listener: InboundListener): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}
