import type { OrgInboundEvent } from './channel-provider.js';

/**
 * Mail arriving at Saldo's inbound SMTP listener (replies, bounces, complaints). The listener speaks
 * SMTP; this port decides what to accept and stores what it accepts through the inbound pipeline
 * BEFORE the listener answers 250, like a webhook is stored before it is acknowledged.
 */
export type RecipientVerdict = { ok: true } | { ok: false; reason: string };

export type MailReceipt =
  /** Stored (or already stored): answer 250, then run `process` (failures are retried by processPending). */
  | { kind: 'stored'; stored: number; duplicates: number; process(): Promise<void> }
  /** Permanently refused (no organisation can be found for it): answer 550. */
  | { kind: 'rejected'; reason: string };

export interface InboundMailReceiver {
  /** RCPT TO: one of Saldo's addresses at an accepted domain, naming a known message? */
  recipient(address: string): Promise<RecipientVerdict>;
  /** DATA: parse, route to organisations and store durably. Throws when storage fails (answer 451). */
  receive(mail: { raw: string; recipients: readonly string[] }): Promise<MailReceipt>;
}

/** Finds the organisation and the provider id of an outbound message from Saldo's own id alone. */
export interface OutboundMessageLocator {
  locate(
    messageId: string,
  ): Promise<{ orgId: string; channel: string; providerMessageId: string | null } | null>;
}

/** Turns one raw message into normalised events for an organisation (adapters/channels/email-inbound.ts). */
export type InboundMailParser = (
  raw: string,
  ctx: { orgId: string; receivedAt: Date; originalMessageId?: string; saldoMessageId?: string },
) => OrgInboundEvent[];
