import type { Channel } from '@saldo/core/channels';
import type { OrgInboundEvent } from './channel-provider.js';
import type { TimelinePersonal } from '../../record/index.js';

/**
 * Minimal ports the inbound pipeline needs from the common record. The lead's Postgres record
 * implements them; `adapters/memory/` has in-memory fakes.
 */
export interface ContactPointMatch {
  debtorId: string;
  accountId: string | null;
}

export interface ContactPointLookup {
  /** Debtors owning this normalised address (E.164 phone, lower-case e-mail) in the org. */
  findByAddress(orgId: string, channel: Channel, address: string): Promise<ContactPointMatch[]>;
  /** The debtor an outbound message was sent to (status callbacks carry no sender). */
  findByOutboundId(orgId: string, providerMessageId: string): Promise<ContactPointMatch | null>;
  /** `findByOutboundId` for many ids in one query (optional): matched ids only. */
  findByOutboundIds?(
    orgId: string,
    providerMessageIds: readonly string[],
  ): Promise<Map<string, ContactPointMatch>>;
}

export interface ChannelTimelineEntry {
  orgId: string;
  debtorId: string;
  accountId: string | null;
  occurredAt: string;
  kind: 'message' | 'call' | 'status_change';
  channel: Channel;
  direction: 'inbound' | 'outbound';
  /** Non-personal: what happened, without the words said or the address. */
  summary: string;
  data: Record<string, unknown>;
  /** The message's text, the sender's address: sealed under the debtor's key (ADR 0010). */
  personal?: TimelinePersonal;
}

export interface TimelineWriter {
  append(entry: ChannelTimelineEntry): Promise<void>;
  /** `append` for many entries in one statement (optional). */
  appendMany?(entries: readonly ChannelTimelineEntry[]): Promise<void>;
}

export interface OptOutRecorder {
  /** Records an opt-out for a debtor's channel (and address); immediate, idempotent. */
  optOut(input: {
    orgId: string;
    debtorId: string;
    channel: Channel;
    address: string;
    source: string;
    at: Date;
  }): Promise<void>;
}

/**
 * What processing an inbound event tells the rest of Saldo (the strategy engine reads replies,
 * opens, clicks and opt-outs from them). `inboundId` makes handlers idempotent on redelivery.
 */
export type ChannelDomainEvent =
  | {
      type: 'channel.message_received';
      inboundId: string;
      orgId: string;
      debtorId: string | null;
      unknownSender: boolean;
      event: OrgInboundEvent;
    }
  | {
      type: 'channel.status_changed';
      inboundId: string;
      orgId: string;
      debtorId: string | null;
      event: OrgInboundEvent;
    }
  | {
      type: 'channel.call_progress';
      inboundId: string;
      orgId: string;
      debtorId: string | null;
      event: OrgInboundEvent;
    }
  | {
      type: 'channel.opted_out';
      inboundId: string;
      orgId: string;
      debtorId: string;
      channel: Channel;
      keyword: string;
    };

/**
 * Where the inbound pipeline publishes its events: the domain-event outbox, written in the
 * transaction that records the inbound facts (timeline, opt-out, delivery status). Publishing an
 * event already written for the same inbound event is a no-op.
 */
export interface EventBus {
  publish(e: ChannelDomainEvent): Promise<void>;
  /** `publish` for many events in one statement, in order (optional). */
  publishMany?(events: readonly ChannelDomainEvent[]): Promise<void>;
}
