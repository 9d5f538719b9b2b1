import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type {
  ContactPointLookup,
  EventBus,
  OptOutRecorder,
  TimelineWriter,
} from '../ports/channel-records.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type { InboundStore } from '../ports/inbound-store.js';
import type { OutboundMessageStore } from '../ports/contact-records.js';
import { createInboundFacts } from './receive-inbound-facts.js';
import { createStatusRun } from './receive-inbound-status-run.js';

/**
 * Inbound never lost: store durably (deduplicated) → acknowledge the provider → process (match the
 * debtor, honour opt-out keywords, write the timeline and the delivery status, publish the domain
 * events — all in one transaction). Reading replies and moving journeys happen later, in the
 * worker that consumes those events. Processing failures leave the event unprocessed;
 * `processPending` retries them, including after a crash between store and processing.
 * Processing is at-least-once: the timeline, opt-outs and event keys de-duplicate by `inboundId`.
 */
export interface ReceiveInboundDeps {
  store: InboundStore;
  contacts: ContactPointLookup;
  timeline: TimelineWriter;
  events: EventBus;
  optOuts: OptOutRecorder;
  /** Status callbacks and call answers move the outbound message forward (the contact history compliance reads). */
  deliveries?: Pick<OutboundMessageStore, 'applyStatus' | 'applyStatusMany'>;
  /** Runs one event's writes in one database transaction (the events with their facts); default: no transaction. */
  transaction?: <T>(fn: () => Promise<T>) => Promise<T>;
  clock: Clock;
  log?: (msg: string, data: Record<string, unknown>) => void;
  /** Failures after which an event is left for an operator (still stored). Default 10. */
  maxAttempts?: number;
  /** Addresses of erased debtors (the privacy module): a sender no debtor has is recognised. */
  suppressions?: InboundSuppressions;
}

/** What the inbound path asks and tells about an erased debtor's address (ADR 0010). */
export interface InboundSuppressions {
  isSuppressed(orgId: string, address: string): Promise<boolean>;
  /** An opt-out keyword from an erased person's address: kept with the address's suppression. */
  recordOptOut(orgId: string, address: string, channel: string): Promise<void>;
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'failed' | 'not_found';

export interface ReceiveInbound {
  /** Durable and idempotent: resolves only when every event is stored. Returns ids to process. */
  store(events: readonly OrgInboundEvent[]): Promise<{ ids: string[]; duplicates: number }>;
  /**
   * Processes one stored event. `justStored` is the event `store` has just written (so not yet
   * processed): it saves re-reading the row.
   */
  process(id: string, justStored?: OrgInboundEvent): Promise<ProcessOutcome>;
  /**
   * What a provider's own events take (sandbox, email bounces): store them all, then process each;
   * the processed ones are marked in one statement (a crash before that only means they are
   * processed again, which every consumer de-duplicates).
   */
  ingest(
    events: readonly OrgInboundEvent[],
  ): Promise<{ processed: number; failed: number; duplicates: number }>;
  /** Retries everything not yet processed (call at boot and on an interval). */
  processPending(limit?: number): Promise<{ processed: number; failed: number }>;
}

export function createReceiveInbound(deps: ReceiveInboundDeps): ReceiveInbound {
  const maxAttempts = deps.maxAttempts ?? 10;
  const log = deps.log ?? (() => {});
  const transaction = deps.transaction ?? (<T>(fn: () => Promise<T>) => fn());
  const facts = createInboundFacts(deps);
  const statusRun = createStatusRun(deps, transaction);

  async function process(
    id: string,
    justStored?: OrgInboundEvent,
    deferMark = false,
  ): Promise<ProcessOutcome> {
    let event = justStored;
    if (!event) {
      const rec = await deps.store.get(id);
      if (!rec) return 'not_found';
      if (rec.processedAt) return 'already_processed';
      event = rec.event;
    }
    try {
      const e = event;
      await transaction(() => facts.write(id, e));
      if (!deferMark) await deps.store.markProcessed(id, deps.clock.now());
      return 'processed';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await deps.store.markFailed(id, message, deps.clock.now());
      log('inbound processing failed; will retry', { id, error: message });
      return 'failed';
    }
  }

  async function storeAll(
    events: readonly OrgInboundEvent[],
  ): Promise<Array<{ stored: boolean; id: string }>> {
    const now = deps.clock.now();
    if (deps.store.storeMany) return deps.store.storeMany(events, now);
    const out: Array<{ stored: boolean; id: string }> = [];
    for (const ev of events) out.push(await deps.store.storeOnce(ev, now));
    return out;
  }

  return {
    async store(events) {
      const r = await storeAll(events);
      return {
        ids: r.filter((x) => x.stored).map((x) => x.id),
        duplicates: r.filter((x) => !x.stored).length,
      };
    },
    async ingest(events) {
      const stored = await storeAll(events);
      const batched = deps.store.markProcessedMany !== undefined;
      const done: string[] = [];
      let failed = 0;
      const one = async (id: string, e: OrgInboundEvent) => {
        const outcome = await process(id, e, batched);
        if (outcome === 'processed') done.push(id);
        else if (outcome === 'failed') failed += 1;
      };
      const fresh = stored.flatMap((r, i) => (r.stored ? [{ id: r.id, event: events[i]! }] : []));
      // Runs of delivery statuses (most of what providers send) are matched and written together;
      // everything else, and a run whose batch write fails, goes one by one. Order is kept.
      for (let i = 0; i < fresh.length;) {
        let j = i;
        while (j < fresh.length && fresh[j]!.event.type === 'status') j++;
        const run = fresh.slice(i, j);
        if (run.length > 1 && (await statusRun(run))) done.push(...run.map((x) => x.id));
        else for (const x of run) await one(x.id, x.event);
        if (j < fresh.length) await one(fresh[j]!.id, fresh[j]!.event);
        i = j + 1;
      }
      if (batched && done.length > 0) await deps.store.markProcessedMany!(done, deps.clock.now());
      return { processed: done.length, failed, duplicates: stored.filter((x) => !x.stored).length };
    },
    process,
    async processPending(limit = 100) {
      let processed = 0;
      let failed = 0;
      for (const rec of await deps.store.listUnprocessed(limit, maxAttempts)) {
        const r = await process(rec.id);
        if (r === 'processed') processed += 1;
        else if (r === 'failed') failed += 1;
      }
      return { processed, failed };
    },
  };
}
