import twilio from 'twilio';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  Reconciliation,
  SendFailure,
  SendResult,
} from '../ports/channel-provider.js';
import type { TwilioSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import { noAnswerFailure, retryAfterMs } from './provider-failures.js';
import { TwilioRequestClient, type TwilioHttpClient, type TwilioRestError } from './twilio-request-client.js';
import { twilioWhatsAppContent } from './twilio-whatsapp-content.js';

export type { TwilioHttpClient } from './twilio-request-client.js';

export const MESSAGING_STATUS_PATH = '/v1/webhooks/twilio/status';

export interface TwilioMessagingOptions {
  orgId: string;
  settings: TwilioSettings;
  /** SALDO_PUBLIC_URL: status callbacks go to <publicUrl>/v1/webhooks/twilio/status. */
  publicUrl: string;
  /** Decides the WhatsApp 24-hour window (free-form text or a Content template). */
  clock: Clock;
  /** SALDO_PROVIDER_TIMEOUT_MS: the deadline of each API request (shorter than the send lease). */
  timeoutMs: number;
  /** Replaces the SDK client built with `timeoutMs` (tests: one pointed at a local fake, with its own timeout). */
  httpClient?: TwilioHttpClient;
}

/** A text with its links masked (they differ between two renderings of one message). */
const withoutLinks = (text: string) => text.replace(/https?:\/\/\S+/g, '<link>');

/** How far before the first attempt a message Twilio lists may be dated (clock skew) and still be ours. */
const RECONCILE_SKEW_MS = 60_000;

/**
 * SMS and WhatsApp through Twilio's Messaging API (the official SDK). WhatsApp outside the 24-hour
 * window goes out as a Twilio Content template (twilio-whatsapp-content.ts). Inbound messages and
 * status callbacks arrive as webhooks (webhooks/twilio-webhook.ts), not through `onEvent`.
 *
 * Twilio takes no idempotency key, so an attempt that timed out or lost its connection is an
 * unknown outcome, retried only after `reconcile` looked for the message in Twilio's list
 * (ADR 0011).
 */
export class TwilioMessagingProvider implements ChannelProvider {
  readonly id = 'twilio' as const;
  readonly channels = ['sms', 'whatsapp'] as const;
  readonly #client: ReturnType<typeof twilio>;

  constructor(private readonly opts: TwilioMessagingOptions) {
    this.#client = twilio(opts.settings.accountSid, opts.settings.authToken, {
      httpClient: opts.httpClient ?? new TwilioRequestClient({ timeoutMs: opts.timeoutMs }),
    });
  }

  #addresses(msg: OutboundMessage): { to: string; from: string } | null {
    const wa = msg.channel === 'whatsapp';
    const from = wa ? this.opts.settings.fromWhatsApp : this.opts.settings.fromSms;
    if (!from) return null;
    return {
      to: wa ? `whatsapp:${msg.to}` : msg.to,
      from: wa && !from.startsWith('whatsapp:') ? `whatsapp:${from}` : from,
    };
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
        ...this.#addresses(msg)!,
        ...content.fields,
        statusCallback: `${this.opts.publicUrl.replace(/\/+$/, '')}${MESSAGING_STATUS_PATH}`,
      });
      return {
        ok: true,
        providerMessageId: m.sid,
        status: m.status === 'accepted' || m.status === 'queued' ? 'queued' : 'sent',
      };
    } catch (e) {
      return twilioFailure(e, { unknownRetryable: true, now: this.opts.clock.now() });
    }
  }

  /**
   * After an unknown outcome: the messages Twilio lists from our sender to the debtor, created since
   * the first attempt (less a minute of skew), with the same text when we sent free-form text.
   * Twilio's message carries nothing of ours, so the text and the time are the match: one message
   * is ours (accepted), none means Twilio never took it, more than one cannot be told apart. Links
   * are left out of the comparison: a signed payment link is issued again at each rendering.
   */
  async reconcile(msg: OutboundMessage, since: Date): Promise<Reconciliation> {
    const addresses = this.#addresses(msg);
    if (!addresses) return { kind: 'unknown', detail: 'no sender configured' };
    const free = msg.channel === 'sms' || !msg.whatsapp;
    const listed = await this.#client.messages.list({ ...addresses, limit: 50 });
    const text = withoutLinks(msg.text);
    const ours = listed.filter(
      (m) =>
        m.dateCreated.getTime() >= since.getTime() - RECONCILE_SKEW_MS &&
        (!free || withoutLinks(m.body ?? '') === text),
    );
    if (ours.length === 0) return { kind: 'not_accepted' };
    if (ours.length > 1)
      return { kind: 'unknown', detail: `${ours.length} messages to ${msg.to} match, none can be told ours` };
    const m = ours[0]!;
    return {
      kind: 'accepted',
      providerMessageId: m.sid,
      status: m.status === 'accepted' || m.status === 'queued' ? 'queued' : 'sent',
    };
  }

  onEvent(_listener: InboundListener): () => void {
    return () => {};
  }
  async close(): Promise<void> {}
}

/**
 * Maps an SDK error to a send failure. A `RestException` (Twilio answered: status + code) is final
 * or retryable by its code; no answer at all (timeout, reset) is an unknown outcome, retryable or
 * not as the caller's policy says (`unknownRetryable`). `now` reads a Retry-After given as a date.
 */
export function twilioFailure(e: unknown, o: { unknownRetryable: boolean; now?: Date }): SendFailure {
  const err = e as Partial<TwilioRestError>;
  if (typeof err.status !== 'number') return noAnswerFailure(e, 'no answer from Twilio', o.unknownRetryable);
  const detail = `${err.code ?? ''} ${err.message ?? String(e)}`.trim();
  const wait = retryAfterMs(err.retryAfter, o.now);
  const after = wait !== undefined ? { retryAfterMs: wait } : {};
  // 21211 invalid 'To', 21614 not a mobile number, 63024 invalid WhatsApp recipient, 21610 recipient unsubscribed.
  if (err.code === 21211 || err.code === 21614 || err.code === 63024 || err.code === 21610)
    return { ok: false, reason: 'invalid_recipient', detail, retryable: false };
  // 63016: free-form WhatsApp outside the 24-hour window (our own check should have caught it).
  if (err.code === 63016) return { ok: false, reason: 'outside_service_window', detail, retryable: false };
  if (err.status === 429 || err.code === 20429)
    return { ok: false, reason: 'rate_limited', detail, retryable: true, ...after };
  return { ok: false, reason: 'provider_error', detail, retryable: err.status >= 500, ...after };
}
