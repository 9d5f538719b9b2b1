import type { Channel, DeliveryStatus, InboundEvent, ProviderId } from '@saldo/core/channels';

/**
 * The channel port: one provider (sandbox, SMTP, Twilio, Meta…) sends messages on some channels and
 * turns what the provider tells us (webhooks, tracking hits, bounce mails, simulated events) into
 * normalised `InboundEvent`s. Every implementation passes `adapters/channels/channel-provider.contract.ts`.
 */
export interface OutboundMessage {
  /** Saldo's id for this attempt (`msg_…`): idempotency key, tracking token subject. */
  messageId: string;
  orgId: string;
  channel: Channel;
  /** E.164 phone or e-mail address. */
  to: string;
  subject?: string;
  text: string;
  html?: string;
  /**
   * WhatsApp: the template to send instead of free-form text outside the 24-hour window. Meta sends
   * it by name + language; Twilio by `twilioContentSid` with `parameters` as contentVariables.
   */
  whatsapp?: {
    name: string;
    language: string;
    parameters: string[];
    approved: boolean;
    twilioContentSid?: string;
  };
  /** WhatsApp free-form: when the debtor last wrote to us (the 24-hour window). */
  lastInboundAt?: Date | null;
  /** Calls: the id of a stored voice script the voice webhook plays. */
  voiceScriptId?: string;
  /** Email: the one-click unsubscribe URL for List-Unsubscribe. */
  unsubscribeUrl?: string;
}

export const sendFailureReasons = [
  'outside_service_window',
  'template_not_approved',
  'invalid_recipient',
  'unsupported_channel',
  'rate_limited',
  'provider_error',
  'outcome_unknown',
] as const;
export type SendFailureReason = (typeof sendFailureReasons)[number];

/**
 * A provider's answer. A failure says whether trying again may help (`retryable`) and, when the
 * provider said when (`Retry-After`), how long to wait first. `outcome_unknown`: the request may
 * have reached the provider but no answer came (timeout, connection reset) — it may have been
 * accepted; `retryable` is then the provider's policy for that doubt (ADR 0011): true where the
 * next attempt reconciles first (`reconcile`) or a duplicate is tolerable, false to dead-letter it.
 */
export type SendResult = { ok: true; providerMessageId: string; status: DeliveryStatus } | SendFailure;

export interface SendFailure {
  ok: false;
  reason: SendFailureReason;
  detail: string;
  retryable: boolean;
  /** The provider asked us to wait this long before trying again (Retry-After). */
  retryAfterMs?: number;
}

/**
 * What a provider knows of a message whose earlier attempt ended with an unknown outcome: it
 * accepted it (under this id), it has no such message (safe to send), or it cannot tell.
 */
export type Reconciliation =
  | { kind: 'accepted'; providerMessageId: string; status: DeliveryStatus }
  | { kind: 'not_accepted' }
  | { kind: 'unknown'; detail: string };

/** An event attributed to an organisation. */
export type OrgInboundEvent = InboundEvent & { orgId: string };
export type InboundListener = (e: OrgInboundEvent) => void | Promise<void>;

export interface ChannelProvider {
  readonly id: ProviderId;
  readonly channels: readonly Channel[];
  send(msg: OutboundMessage): Promise<SendResult>;
  /**
   * Optional: looks the message up at the provider after an attempt whose outcome was unknown,
   * before it is sent again. `since`: when the first attempt was made.
   */
  reconcile?(msg: OutboundMessage, since: Date): Promise<Reconciliation>;
  /**
   * Events the provider produces by itself (sandbox simulations, email tracking and bounces).
   * Webhook-driven providers produce theirs through `ChannelWebhooks` instead.
   */
  onEvent(listener: InboundListener): () => void;
  close(): Promise<void>;
}

/** A webhook request as the HTTP layer sees it, before any trust. */
export interface WebhookRequest {
  /** Path and query exactly as received, e.g. `/v1/webhooks/twilio/voice?step=menu`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Form fields (Twilio) or query parameters (Meta handshake). */
  params: Record<string, string>;
  /** The exact bytes of the body (Meta signs them). */
  rawBody?: string;
}

export type WebhookVerdict =
  { ok: true; orgId: string; events: OrgInboundEvent[] } | { ok: false; reason: string };

/**
 * Verification + normalisation of provider webhooks (ports so that `api/` never imports adapters).
 * A request is trusted only after its signature checks out with the organisation's secret.
 */
export interface ChannelWebhooks {
  twilio(kind: 'messages' | 'status' | 'voice', req: WebhookRequest): Promise<WebhookVerdict>;
  /** Meta's GET handshake: the challenge to echo, or null (→ 403). */
  metaHandshake(params: Record<string, string>): Promise<string | null>;
  meta(req: WebhookRequest): Promise<WebhookVerdict>;
  /** TwiML for a call step (after the event is stored). */
  voiceResponse(orgId: string, event: OrgInboundEvent | undefined, req: WebhookRequest): Promise<string>;
}

/** Email open/click tracking: signed tokens in the pixel and link URLs. */
export interface EmailTracking {
  open(token: string): OrgInboundEvent | null;
  click(token: string): { event: OrgInboundEvent; url: string } | null;
}

/** A voice the bot speaks in: the debtor's locale, as Twilio's `<Say>`/`<Gather>` know them. */
export const voiceDialogueLocales = ['es-MX', 'es-ES', 'en-US'] as const;
export type VoiceDialogueLocale = (typeof voiceDialogueLocales)[number];

/** What the bot says on a call after one spoken turn, and whether the call goes on. */
export interface VoiceDialogueAnswer {
  locale: VoiceDialogueLocale;
  /** Each reply, in order, as spoken; empty when there is nothing to say (the call just connected). */
  say: string[];
  /** The conversation closed or went to a person (or a reply was refused): hang up after `say`. */
  end: boolean;
}

/**
 * The conversation of a voicebot call (implemented by the dialogue module, attached when the
 * dialogue is on). `speech` null = the call was just answered by a person: the bot listens first.
 * Null = no conversation for this call (an unknown call): the scripted call goes on.
 */
export interface VoiceDialogue {
  turn(input: {
    orgId: string;
    callId: string;
    speech: string | null;
    attempt: number;
  }): Promise<VoiceDialogueAnswer | null>;
  /**
   * A call the debtor placed to Saldo's number (no script of ours): who is calling, a callback for a
   * person, and what to say before hanging up.
   */
  calledIn(input: { orgId: string; callId: string; from: string }): Promise<VoiceDialogueAnswer>;
}
