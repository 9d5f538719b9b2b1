import twilio from 'twilio';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { TwilioSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import { twilioWhatsAppContent } from './twilio-whatsapp-content.js';

/** The SDK's HTTP client type; tests inject one that points at a local fake API on 127.0.0.1. */
export type TwilioHttpClient = NonNullable<NonNullable<Parameters<typeof twilio>[2]>['httpClient']>;

export const MESSAGING_STATUS_PATH = '/v1/webhooks/twilio/status';

export interface TwilioMessagingOptions {
  orgId: string;
  settings: TwilioSettings;
  /** SALDO_PUBLIC_URL: status callbacks go to <publicUrl>/v1/webhooks/twilio/status. */
  publicUrl: string;
  /** Decides the WhatsApp 24-hour window (free-form text or a Content template). */
  clock: Clock;
  httpClient?: TwilioHttpClient;
}

/**
 * SMS and WhatsApp through Twilio's Messaging API (the official SDK). WhatsApp outside the 24-hour
 * window goes out as a Twilio Content template (twilio-whatsapp-content.ts). Inbound messages and
 * status callbacks arrive as webhooks (webhooks/twilio-webhook.ts), not through `onEvent`.
 */
export class TwilioMessagingProvider implements ChannelProvider {
  readonly id = 'twilio' as const;
  readonly channels = ['sms', 'whatsapp'] as const;
  readonly #client: ReturnType<typeof twilio>;

  constructor(private readonly opts: TwilioMessagingOptions) {
    this.#client = twilio(
      opts.settings.accountSid,
      opts.settings.authToken,
      opts.httpClient ? { httpClient: opts.httpClient } : {},
    );
  }

  async send(msg: OutboundMessage): Promise<SendResult> {
    if (msg.channel !== 'sms' && msg.channel !== 'whatsapp')
      return {
        ok: false,
        reason: 'unsupported_channel',
        detail: `Twilio Messaging does not send ${msg.channel}`,
        retryable: false,
      };
    const wa = msg.channel === 'whatsapp';
    const from = wa ? this.opts.settings.fromWhatsApp : this.opts.settings.fromSms;
    if (!from)
      return {
        ok: false,
        reason: 'provider_error',
        detail: wa ? 'TWILIO_FROM_WHATSAPP is not configured' : 'TWILIO_FROM_SMS is not configured',
        retryable: false,
      };
    if (!/^\+[1-9]\d{6,14}$/.test(msg.to))
      return {
        ok: false,
        reason: 'invalid_recipient',
        detail: `not an E.164 number: ${msg.to}`,
        retryable: false,
      };
    const content = wa
      ? twilioWhatsAppContent(msg, this.opts.clock.now())
      : { ok: true as const, fields: { body: msg.text } };
    if (!content.ok) return content.failure;
    try {
      const m = await this.#client.messages.create({
        to: wa ? `whatsapp:${msg.to}` : msg.to,
        from: wa && !from.startsWith('whatsapp:') ? `whatsapp:${from}` : from,
        ...content.fields,
        statusCallback: `${this.opts.publicUrl.replace(/\/+$/, '')}${MESSAGING_STATUS_PATH}`,
      });
      return {
        ok: true,
        providerMessageId: m.sid,
        status: m.status === 'accepted' || m.status === 'queued' ? 'queued' : 'sent',
      };
    } catch (e) {
      return twilioFailure(e);
    }
  }

  onEvent(_listener: InboundListener): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

/** Maps an SDK error (RestException: status + code) to a send failure. */
export function twilioFailure(e: unknown): SendResult {
  const err = e as { status?: number; code?: number; message?: string };
  const detail = `${err.code ?? ''} ${err.message ?? String(e)}`.trim();
  // 21211 invalid 'To', 21614 not a mobile number, 63024 invalid WhatsApp recipient, 21610 recipient unsubscribed.
  if (err.code === 21211 || err.code === 21614 || err.code === 63024 || err.code === 21610)
    return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
  // 63016: free-form WhatsApp outside the 24-hour window (our own check should have caught it).
  if (err.code === 63016) return { ok: false, reason: 'outside_service_window', detail, retryable: false };
  if (err.status === 429 || err.code === 20429)
    return { ok: false, reason: 'rate_limited', detail, retryable: true };
  return {
    ok: false,
    reason: 'provider_error',
    detail,
    retryable: err.status === undefined || err.status >= 500,
  };
}
