import type { Clock } from '../../../shared/clock/clock.js';
import type { DomainEvent, DomainEventMeta, DomainEventStore } from '../ports.js';

/**
 * Handles one event. Must be idempotent (the strategy engine's journey inbox makes it so; the
 * webhook fan-out de-duplicates by `meta.seq`): an event is delivered again when its consumer dies
 * before marking it, or when another handler of the same event failed. Returns what it did, for
 * the tally (`'payments'`, `'replies'`…), or null.
 */
export type DomainEventHandler = (event: DomainEvent, meta: DomainEventMeta) => Promise<string | null | void>;

export interface EventConsumerOptions {
  store: DomainEventStore;
  /**
   * Every event goes to each handler, in this order; it is marked processed when all of them
   * succeeded, and retried (all of them again) when one failed.
   */
  handle: DomainEventHandler | readonly DomainEventHandler[];
  clock: Clock;
  /** Unique per process (host:pid:n): the lease owner. */
  owner: string;
  batchSize?: number;
  /** A claimed event not marked within this time is delivered again. */
  leaseMs?: number;
  /** Failures after which an event is left for an operator (still stored). Default 10. */
  maxAttempts?: number;
  /** Delay before retrying an event that failed `attempts` times (1 after the first failure). */
  backoffMs?: (attempts: number) => number;
  /** Keys the tally always has (0 when nothing of that kind was handled). */
  tallies?: readonly string[];
  log?: (msg: string, data: Record<string, unknown>) => void;
}

export type ConsumeResult = { claimed: number; processed: number; failed: number } & Record<string, number>;

/**
 * The worker side of the domain-event outbox: claims a batch (lowest sequence first, skipping what
 * other consumers hold), hands each event to the handler in order, marks the handled ones
 * processed in one statement and schedules a failed one for a retry with backoff. Delivery is
 * at-least-once (a consumer killed before the mark leaves its lease to expire); the effect is
 * exactly once because handlers de-duplicate by event key.
 */
export function createEventConsumer(o: EventConsumerOptions) {
  const batchSize = o.batchSize ?? 200;
  const leaseMs = o.leaseMs ?? 60_000;
  const maxAttempts = o.maxAttempts ?? 10;
  const backoffMs = o.backoffMs ?? ((n: number) => Math.min(3_600_000, 5_000 * 2 ** (n - 1)));
  const log = o.log ?? (() => {});
  const handlers: readonly DomainEventHandler[] = typeof o.handle === 'function' ? [o.handle] : o.handle;
  const empty = (): ConsumeResult =>
    Object.assign({ claimed: 0, processed: 0, failed: 0 }, ...(o.tallies ?? []).map((k) => ({ [k]: 0 })));

  async function tick(): Promise<ConsumeResult> {
    const now = o.clock.now();
    const claimed = await o.store.claim({ owner: o.owner, now, leaseMs, limit: batchSize, maxAttempts });
    const res = empty();
    res.claimed = claimed.length;
    const done: number[] = [];
    for (const e of claimed) {
      try {
        const meta = { seq: e.seq, key: e.key, recordedAt: e.recordedAt };
        for (const handle of handlers) {
          const what = await handle(e.payload, meta);
          if (what) res[what] = (res[what] ?? 0) + 1;
        }
        done.push(e.seq);
      } catch (err) {
        // One event that keeps failing must not hold back the others: it waits for its retry.
        const message = err instanceof Error ? err.message : String(err);
        res.failed++;
        const attempts = e.attempts + 1;
        await o.store.markFailed(o.owner, e.seq, message, new Date(now.getTime() + backoffMs(attempts)));
        log(attempts >= maxAttempts ? 'domain event failed; left for an operator' : 'domain event failed', {
          seq: e.seq,
          type: e.type,
          attempts,
          error: message,
        });
      }
    }
    await o.store.markProcessed(o.owner, done, o.clock.now());
    res.processed = done.length;
    return res;
  }

  /** Ticks until fewer than a batch is claimed (or `maxBatches`). */
  async function drain(maxBatches = Number.POSITIVE_INFINITY): Promise<ConsumeResult> {
    const total = empty();
    for (let b = 0; b < maxBatches; b++) {
      const r = await tick();
      for (const [k, v] of Object.entries(r)) total[k] = (total[k] ?? 0) + v;
      if (r.claimed < batchSize) break;
    }
    return total;
  }

  return { tick, drain, owner: o.owner };
}
export type EventConsumer = ReturnType<typeof createEventConsumer>;
