import type { OrgInboundEvent } from './channel-provider.js';

/**
 * Durable store of every inbound message and status callback. `storeOnce` must be durable when it
 * resolves: webhooks are acknowledged only after it. De-duplicated by (org, provider,
 * providerMessageId); a duplicate returns `stored: false` and the existing record's id.
 */
export interface StoredInbound {
  id: string;
  event: OrgInboundEvent;
  receivedAt: Date;
  attempts: number;
  processedAt: Date | null;
  lastError: string | null;
}

export interface InboundStore {
  storeOnce(event: OrgInboundEvent, receivedAt: Date): Promise<{ stored: boolean; id: string }>;
  /**
   * `storeOnce` for several events in one statement (optional: a store without it is called once
   * per event). Results in input order; a second copy of an event in the same call is a duplicate.
   */
  storeMany?(
    events: readonly OrgInboundEvent[],
    receivedAt: Date,
  ): Promise<Array<{ stored: boolean; id: string }>>;
  markProcessed(id: string, at: Date): Promise<void>;
  /** `markProcessed` for several events in one statement (optional, as storeMany). */
  markProcessedMany?(ids: readonly string[], at: Date): Promise<void>;
  /** Records a failed processing attempt; the event stays unprocessed and is retried. */
  markFailed(id: string, error: string, at: Date): Promise<void>;
  /** Unprocessed events, oldest first, with fewer than `maxAttempts` failures. */
  listUnprocessed(limit: number, maxAttempts?: number): Promise<StoredInbound[]>;
  get(id: string): Promise<StoredInbound | null>;
}
