import type { Channel, DeliveryStatus, ProviderId } from '@saldo/core/channels';
import type { ChannelProvider } from './channel-provider.js';
import type { ContactChannel, ComplianceReason } from './messaging.js';

/**
 * Ports of the compliance-gated send path (`usecases/contact-debtor.ts`): what it loads about the
 * account, where it records outbound messages and refusals, and how it finds a provider.
 * Postgres implementations live in `adapters/db/channels/`.
 */

/** Call outcomes as the compliance engine counts them. */
export const callOutcomes = [
  'no_answer',
  'voicemail',
  'connected',
  'conversation',
  'busy',
  'not_connected',
] as const;
export type CallOutcome = (typeof callOutcomes)[number];

export interface OutboundMessageRecord {
  id: string;
  orgId: string;
  debtorId: string;
  accountId: string | null;
  channel: Channel;
  templateId: string;
  recipient: string;
  provider: ProviderId;
  providerMessageId: string | null;
  idempotencyKey: string;
  status: DeliveryStatus | 'answered';
  outcome: CallOutcome | null;
  requestedBy: string;
  error: string | null;
  retryable: boolean;
  /** While ahead, a process may be calling the provider for this `queued` row (see `insertOnce`). */
  sendLeaseUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewOutboundMessage {
  orgId: string;
  debtorId: string;
  accountId: string;
  channel: ContactChannel;
  templateId: string;
  recipient: string;
  provider: ProviderId;
  idempotencyKey: string;
  requestedBy: string;
  at: Date;
  /** End of the send lease (default: `at` + 60 s). */
  leaseUntil?: Date;
}

/** One past outbound contact of a debtor, for the compliance history. */
export interface OutboundHistoryItem {
  at: string;
  channel: Channel;
  accountId: string | null;
  status: OutboundMessageRecord['status'];
  outcome: CallOutcome | null;
  /** False when the provider never accepted it (it never left Saldo). */
  handedToProvider: boolean;
  idempotencyKey: string;
}

export interface OutboundMessageStore {
  /**
   * Inserts a `queued` row under (org, idempotencyKey) with a send lease (the send intent). When the
   * key exists: a row that failed with a retryable error is `claimed` again; a `queued` row with no
   * provider id whose lease has passed (its sender died mid-send) is `resumed`, under the same id;
   * anything else is a duplicate. Claiming and resuming take a new lease.
   */
  insertOnce(
    m: NewOutboundMessage,
  ): Promise<{ kind: 'inserted' | 'claimed' | 'resumed'; id: string } | { kind: 'duplicate'; id: string }>;
  /** The provider accepted it. In the caller's transaction, with the timeline event that records it. */
  markSent(
    orgId: string,
    id: string,
    providerMessageId: string,
    status: DeliveryStatus,
    at: Date,
  ): Promise<void>;
  markFailed(orgId: string, id: string, error: string, retryable: boolean, at: Date): Promise<void>;
  /** A status callback: moves the status forward (never back) and sets the call outcome. */
  applyStatus(
    orgId: string,
    provider: ProviderId,
    providerMessageId: string,
    status: DeliveryStatus,
    at: Date,
  ): Promise<OutboundMessageRecord | null>;
  /** `applyStatus` for a run of callbacks in one statement (optional): same result as applying them in order. */
  applyStatusMany?(
    orgId: string,
    items: ReadonlyArray<{ provider: ProviderId; providerMessageId: string; status: DeliveryStatus }>,
    at: Date,
  ): Promise<void>;
  get(orgId: string, id: string): Promise<OutboundMessageRecord | null>;
  findByKey(orgId: string, idempotencyKey: string): Promise<OutboundMessageRecord | null>;
  historyForDebtor(orgId: string, debtorId: string, since: Date, until: Date): Promise<OutboundHistoryItem[]>;
  /** Batch forms of findByKey / historyForDebtor (one query each for a dispatch batch). */
  findByKeys?(orgId: string, idempotencyKeys: readonly string[]): Promise<Map<string, OutboundMessageRecord>>;
  historyForDebtors?(
    orgId: string,
    debtorIds: readonly string[],
    since: Date,
    until: Date,
  ): Promise<Map<string, OutboundHistoryItem[]>>;
}

/** Everything the send path needs about one account, its debtor and their contact data. */
export interface ContactTarget {
  orgId: string;
  accountId: string;
  accountStatus: string;
  currency: string;
  balanceMinor: number;
  tags: string[];
  creditorName: string;
  collectorName: string;
  /** Next pending promise or plan instalment (YYYY-MM-DD), if any. */
  nextDueDate: string | null;
  /** Another account of the same debtor is in a debtor-level state (cease, bankrupt, deceased). */
  otherAccountStatuses: string[];
  openDispute: boolean;
  /** The debtor's date on which collection contact resumes after a pause agreed with them, if any. */
  pausedUntil: string | null;
  debtor: {
    id: string;
    firstName: string;
    lastName: string;
    language: 'es' | 'en';
    country: string;
    region: string | null;
    timezone: string;
    vulnerabilities: string[];
  };
  contactPoints: {
    kind: 'phone' | 'email' | 'whatsapp';
    value: string;
    lineType: string | null;
    verified: boolean;
    bounced: boolean;
    /** A wrong party answered on it (the dialogue marks it): collection never uses it again. */
    wrongParty: boolean;
  }[];
  consents: { channel: string; state: 'granted' | 'denied' | 'unknown'; optedOutAt: string | null }[];
  /** When the debtor last wrote on WhatsApp (the 24-hour service window). */
  lastWhatsAppInboundAt: string | null;
}

export interface ContactTargetStore {
  load(orgId: string, accountId: string): Promise<ContactTarget | null>;
  /** Several accounts in one query (a dispatch batch); accounts not found are absent. */
  loadMany?(orgId: string, accountIds: readonly string[]): Promise<Map<string, ContactTarget>>;
}

export interface ComplianceRefusal {
  orgId: string;
  accountId: string;
  debtorId: string;
  channel: ContactChannel;
  templateId: string;
  idempotencyKey: string;
  requestedBy: string;
  reasons: (ComplianceReason & { pack?: string; severity?: string })[];
  nextAllowedAt: string | null;
  at: Date;
}

export interface ComplianceRefusalStore {
  record(r: ComplianceRefusal): Promise<string>;
  listForAccount(
    orgId: string,
    accountId: string,
    limit: number,
  ): Promise<(ComplianceRefusal & { id: string })[]>;
}

/** The provider that carries a channel for an organisation (its own settings, else the sandbox). */
export interface ChannelRouter {
  forChannel(orgId: string, channel: Channel): Promise<ChannelProvider>;
}

/** Signed links to the (future) payment portal: `${SALDO_PUBLIC_URL}/pay/<token>`. */
export interface PaymentLinks {
  linkFor(orgId: string, accountId: string, now: Date): string;
}
