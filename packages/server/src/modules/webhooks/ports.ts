// The webhooks module's ports: subscriptions, the delivery outbox, the HTTP sender and the
// resolver that checks a receiver's addresses when a subscription is saved.

/** A subscription as the API shows it (never its secret). */
export interface WebhookSubscription {
  id: string;
  orgId: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Until then the secret before the last rotation also signs deliveries. */
  previousSecretExpiresAt: string | null;
}

/** As stored: with the signing secrets sealed by the root key. */
export interface StoredSubscription extends WebhookSubscription {
  secretEnc: string;
  previousSecretEnc: string | null;
}

export interface SubscriptionChanges {
  url?: string | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
  description?: string | null | undefined;
}

export interface SecretRotation {
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
}

export interface SubscriptionStore {
  insert(s: StoredSubscription): Promise<void>;
  list(orgId: string): Promise<StoredSubscription[]>;
  get(orgId: string, id: string): Promise<StoredSubscription | null>;
  update(
    orgId: string,
    id: string,
    changes: SubscriptionChanges,
    at: Date,
  ): Promise<StoredSubscription | null>;
  rotateSecret(orgId: string, id: string, r: SecretRotation, at: Date): Promise<StoredSubscription | null>;
  /** Deletes it and its deliveries. */
  remove(orgId: string, id: string): Promise<boolean>;
}

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  /** Attempts made since it was queued (or replayed). */
  attempts: number;
  /** When it is tried next (pending only). */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  /** The receiver's HTTP status of the last attempt; null when it never answered. */
  lastStatus: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A delivery leased by the job, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  orgId: string;
  subscriptionId: string;
  /** Attempts before this one. */
  attempts: number;
  url: string;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
  /** The domain event; null when it is no longer stored. */
  event: { seq: number; type: string; recordedAt: Date; payload: Record<string, unknown> } | null;
}

export interface AttemptOutcome {
  at: Date;
  /** HTTP status, or null when there was no answer (timeout, connection refused, address refused). */
  status: number | null;
  delivered: boolean;
  error: string | null;
  durationMs: number;
  /** For a failure: when to try again, or null when it is given up (`failed`). */
  retryAt: Date | null;
}

export interface DeliveryFilter {
  status?: DeliveryStatus | undefined;
  limit: number;
  /** Page: deliveries of events before this sequence number. */
  beforeSeq?: number | undefined;
}

export interface DeliveryStore {
  /**
   * One pending delivery per enabled subscription of the event's organisation that asks for its
   * type; a (subscription, event) pair already queued is skipped. Returns how many were queued.
   */
  fanOut(e: { orgId: string; type: string; seq: number }, at: Date): Promise<number>;
  /** Leases due pending deliveries of enabled subscriptions (`FOR UPDATE SKIP LOCKED`). */
  claim(o: { owner: string; now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]>;
  /** Records an attempt of a delivery this owner leased (a late owner's record is ignored). */
  recordAttempt(owner: string, id: string, outcome: AttemptOutcome): Promise<void>;
  list(orgId: string, subscriptionId: string, f: DeliveryFilter): Promise<WebhookDelivery[]>;
  /** Queues one delivery again, whatever its status, with a fresh attempt count. */
  replay(orgId: string, deliveryId: string, at: Date): Promise<WebhookDelivery | null>;
  /**
   * Queues again every event of the subscription's types recorded since `since` — those delivered
   * or failed, and those it never had (events before it existed or before it asked for the type).
   */
  replaySince(
    orgId: string,
    sub: { id: string; events: readonly string[] },
    since: Date,
    at: Date,
  ): Promise<number>;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface WebhookSender {
  /**
   * POSTs and answers the receiver's status; throws when there is no answer (timeout, connection
   * error, an address the URL rules refuse).
   */
  post(req: WebhookRequest): Promise<{ status: number }>;
}

/** A host's addresses (an IP literal resolves to itself); throws when it does not resolve. */
export type HostResolver = (host: string) => Promise<string[]>;
