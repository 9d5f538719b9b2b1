/**
 * Ports of the domain-event path: modules write facts' events through an `EventOutbox` inside the
 * transaction that changes the fact; the worker's consumer claims them from a `DomainEventStore`
 * and hands each to its handlers (the strategy engine's event router, the webhook fan-out).
 */

/** What every domain event carries; each module declares its own closed union on top of it. */
export interface DomainEvent {
  type: string;
  orgId: string;
}

export interface NewDomainEvent<E extends DomainEvent = DomainEvent> {
  /**
   * Unique per organisation when the same fact may be written twice (an inbound event processed
   * again after a crash): the second write is skipped. Null: the event is written once by
   * construction (in the fact's own transaction).
   */
  key: string | null;
  event: E;
}

export interface EventOutbox<E extends DomainEvent = DomainEvent> {
  /** Writes the events in the caller's transaction (or on its own when there is none). */
  append(events: ReadonlyArray<NewDomainEvent<E>>, at: Date): Promise<void>;
}

export interface StoredDomainEvent {
  /** Position in the log (allocation order, not commit order). */
  seq: number;
  orgId: string;
  type: string;
  key: string | null;
  payload: DomainEvent;
  recordedAt: Date;
  /** Deliveries before this one that failed. */
  attempts: number;
}

/** Where an event sits in the log, for handlers that de-duplicate or describe it (webhooks). */
export interface DomainEventMeta {
  /** Unique and stable: the same event handed over again has the same `seq`. */
  seq: number;
  key: string | null;
  recordedAt: Date;
}

export interface ClaimEventsOptions {
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Events that failed this many times are left for an operator. */
  maxAttempts: number;
}

export interface DomainEventStore {
  /**
   * Leases up to `limit` unprocessed events, lowest `seq` first, skipping rows another consumer
   * holds (`FOR UPDATE SKIP LOCKED`, then a lease) and rows waiting for a retry.
   */
  claim(o: ClaimEventsOptions): Promise<StoredDomainEvent[]>;
  /** Marks events of this owner's lease processed. */
  markProcessed(owner: string, seqs: readonly number[], at: Date): Promise<void>;
  /** Releases a failed event for a retry at `retryAt`. */
  markFailed(owner: string, seq: number, error: string, retryAt: Date): Promise<void>;
}
