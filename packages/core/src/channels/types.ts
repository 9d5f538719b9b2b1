import { assertUnreachable } from '../errors/index.js';
import type { Channel } from './channel.js';

/**
 * Message vocabulary shared by core, server and web (the channels themselves are in `channel.ts`).
 * Closed unions: adding a kind makes every exhaustive `switch` (ending in `assertUnreachable`) fail
 * to compile until it is handled.
 */

/** Providers Saldo talks to. `sandbox` is the in-process simulator (the default); `fake` is the test double. */
export const providers = ['sandbox', 'fake', 'smtp', 'twilio', 'meta'] as const;
export type ProviderId = (typeof providers)[number];

/**
 * Normalised delivery status of one outbound message or call. Provider-specific values are mapped
 * onto these (see the adapters). Engagement (`opened`, `clicked`, `read`) and call outcomes are
 * statuses too, because they arrive through the same callbacks.
 */
export const deliveryStatuses = [
  'queued',
  'sent',
  'delivered',
  'read',
  'opened',
  'clicked',
  'failed',
  'undelivered',
  'bounced',
  'complained',
  'ringing',
  'answered_human',
  'answered_machine',
  'no_answer',
  'busy',
  'completed',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** Statuses after which nothing else is expected for delivery (engagement may still follow). */
export const terminalFailureStatuses = [
  'failed',
  'undelivered',
  'bounced',
  'complained',
  'no_answer',
  'busy',
] as const satisfies readonly DeliveryStatus[];

export function isDeliveryStatus(x: string): x is DeliveryStatus {
  return (deliveryStatuses as readonly string[]).includes(x);
}

/** Template languages and the regional variants Saldo ships defaults for. */
export const templateLanguages = ['es', 'en'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];
export const templateLocales = ['es-MX', 'es-ES', 'es-US', 'en-US'] as const;
export type TemplateLocale = (typeof templateLocales)[number];

export function languageOf(locale: string): TemplateLanguage {
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** What a template is for. Strategy nodes pick templates by purpose + channel + locale. */
export const templatePurposes = [
  'reminder',
  'follow_up',
  'payment_received',
  'reminder_call',
  'voicemail',
] as const;
export type TemplatePurpose = (typeof templatePurposes)[number];

/**
 * A normalised event received from a provider: an inbound message, a status callback for an
 * outbound message, or a step of a call. `providerMessageId` is the de-duplication key and is
 * unique per (org, provider): an inbound message's own id, `<outboundId>:<status>` for a status
 * callback, `<callId>:<step>` for a call step.
 */
export type InboundEvent = InboundMessageEvent | StatusEvent | CallEvent;

interface InboundEventBase {
  provider: ProviderId;
  providerMessageId: string;
  channel: Channel;
  /** ISO-8601 UTC instant: when the provider says it happened, or when Saldo received it. */
  occurredAt: string;
  /** The provider's payload, kept for audit and reprocessing (no secrets). */
  raw: Record<string, unknown>;
}

export interface InboundMessageEvent extends InboundEventBase {
  type: 'message';
  /** Sender contact point as the provider gives it, normalised: E.164 for phones, lower-case for email. */
  from: string;
  to: string;
  text: string;
  mediaUrls: string[];
}

export interface StatusEvent extends InboundEventBase {
  type: 'status';
  /** The provider id of the outbound message or call this status is about. */
  outboundId: string;
  status: DeliveryStatus;
  errorCode?: string;
  detail?: string;
  /** For `clicked`: the link that was followed. */
  url?: string;
}

export interface CallEvent extends InboundEventBase {
  type: 'call';
  callId: string;
  from: string;
  to: string;
  /** The script step the call was in when the provider called back. */
  step: string;
  answeredBy?: 'human' | 'machine' | 'unknown';
  speech?: string;
  digits?: string;
}

/** A normalised address: `+15551234567`, `ana@example.com`. */
export function normaliseContactPoint(channel: Channel, address: string): string {
  const a = address.trim();
  switch (channel) {
    case 'email':
      return a.toLowerCase();
    case 'sms':
    case 'whatsapp':
    case 'call':
    case 'voicebot':
    case 'voicemail':
      return a.replace(/^whatsapp:/i, '').replace(/[\s().-]/g, '');
    case 'letter':
      return a;
    default:
      return assertUnreachable(channel, 'channel');
  }
}
