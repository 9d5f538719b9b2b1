import { assertUnreachable } from '@saldo/core';
import { isVoiceStep, matchOptOutKeyword, menuChoice, type Channel } from '@saldo/core/channels';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type {
  ChannelDomainEvent,
  ChannelTimelineEntry,
  ContactPointLookup,
  ContactPointMatch,
  EventBus,
  OptOutRecorder,
  TimelineWriter,
} from '../ports/channel-records.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type { InboundStore } from '../ports/inbound-store.js';
import type { OutboundMessageStore } from '../ports/contact-records.js';

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
      await transaction(() => handle(id, e));
      if (!deferMark) await deps.store.markProcessed(id, deps.clock.now());
      return 'processed';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await deps.store.markFailed(id, message, deps.clock.now());
      log('inbound processing failed; will retry', { id, error: message });
      return 'failed';
    }
  }

  async function handle(inboundId: string, e: OrgInboundEvent): Promise<void> {
    const matches = await match(e);
    const publish = (x: ChannelDomainEvent) => deps.events.publish(x);
    switch (e.type) {
      case 'message': {
        const keyword = matchOptOutKeyword(e.text);
        if (matches.length === 0)
          log('inbound from an unknown sender kept and flagged', {
            inboundId,
            channel: e.channel,
            provider: e.provider,
          });
        for (const m of matches) {
          if (keyword) await optOut(inboundId, e, m, e.channel, e.from, `keyword:${keyword}`);
          await deps.timeline.append({
            orgId: e.orgId,
            debtorId: m.debtorId,
            accountId: m.accountId,
            occurredAt: e.occurredAt,
            kind: 'message',
            channel: e.channel,
            direction: 'inbound',
            summary: e.text.slice(0, 280),
            data: {
              inboundId,
              provider: e.provider,
              providerMessageId: e.providerMessageId,
              from: e.from,
              mediaUrls: e.mediaUrls,
              ...(keyword ? { optOutKeyword: keyword } : {}),
            },
          });
        }
        if (matches.length === 0)
          await publish({
            type: 'channel.message_received',
            inboundId,
            orgId: e.orgId,
            debtorId: null,
            unknownSender: true,
            event: e,
          });
        for (const m of matches)
          await publish({
            type: 'channel.message_received',
            inboundId,
            orgId: e.orgId,
            debtorId: m.debtorId,
            unknownSender: false,
            event: e,
          });
        return;
      }
      case 'status':
        for (const m of matches) await deps.timeline.append(statusEntry(inboundId, e, m));
        await deps.deliveries?.applyStatus(e.orgId, e.provider, e.outboundId, e.status, deps.clock.now());
        await publish({
          type: 'channel.status_changed',
          inboundId,
          orgId: e.orgId,
          debtorId: matches[0]?.debtorId ?? null,
          event: e,
        });
        return;
      case 'call': {
        // "No me llamen" / 9 in the menu of a scripted call is an opt-out of calls, honoured now.
        const stop =
          isVoiceStep(e.step) &&
          e.step === 'menu' &&
          menuChoice({
            ...(e.speech ? { speech: e.speech } : {}),
            ...(e.digits ? { digits: e.digits } : {}),
          }) === 'stop';
        if (e.answeredBy && e.answeredBy !== 'unknown')
          await deps.deliveries?.applyStatus(
            e.orgId,
            e.provider,
            e.callId,
            e.answeredBy === 'machine' ? 'answered_machine' : 'answered_human',
            deps.clock.now(),
          );
        for (const m of matches) {
          if (stop) await optOut(inboundId, e, m, 'call', e.to, 'voice_menu');
          await deps.timeline.append({
            orgId: e.orgId,
            debtorId: m.debtorId,
            accountId: m.accountId,
            occurredAt: e.occurredAt,
            kind: 'call',
            channel: e.channel,
            direction: 'outbound',
            summary: callSummary(e),
            data: {
              inboundId,
              callId: e.callId,
              step: e.step,
              ...(e.answeredBy ? { answeredBy: e.answeredBy } : {}),
              ...(e.speech ? { speech: e.speech } : {}),
              ...(e.digits ? { digits: e.digits } : {}),
            },
          });
        }
        await publish({
          type: 'channel.call_progress',
          inboundId,
          orgId: e.orgId,
          debtorId: matches[0]?.debtorId ?? null,
          event: e,
        });
        return;
      }
      default:
        return assertUnreachable(e, 'inbound event');
    }
  }

  async function optOut(
    inboundId: string,
    e: OrgInboundEvent,
    m: ContactPointMatch,
    channel: Channel,
    address: string,
    source: string,
  ): Promise<void> {
    await deps.optOuts.optOut({
      orgId: e.orgId,
      debtorId: m.debtorId,
      channel,
      address,
      source,
      at: deps.clock.now(),
    });
    await deps.events.publish({
      type: 'channel.opted_out',
      inboundId,
      orgId: e.orgId,
      debtorId: m.debtorId,
      channel,
      keyword: source,
    });
  }

  async function match(e: OrgInboundEvent): Promise<ContactPointMatch[]> {
    switch (e.type) {
      case 'message':
        return deps.contacts.findByAddress(e.orgId, e.channel, e.from);
      case 'status': {
        const m = await deps.contacts.findByOutboundId(e.orgId, e.outboundId);
        return m ? [m] : [];
      }
      case 'call': {
        const m = await deps.contacts.findByOutboundId(e.orgId, e.callId);
        return m ? [m] : deps.contacts.findByAddress(e.orgId, 'call', e.to);
      }
      default:
        return assertUnreachable(e, 'inbound event');
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

  /**
   * Status callbacks in bulk, in one transaction: one lookup per organisation, one timeline insert,
   * one delivery update per organisation, then the events published in order. False (nothing lost: the caller processes them one by one, and the
   * timeline de-duplicates) when the stores cannot batch or a batch write fails.
   */
  async function statusRun(run: ReadonlyArray<{ id: string; event: OrgInboundEvent }>): Promise<boolean> {
    const { findByOutboundIds } = deps.contacts;
    const { appendMany } = deps.timeline;
    if (
      !findByOutboundIds ||
      !appendMany ||
      !deps.store.markProcessedMany ||
      (deps.deliveries && !deps.deliveries.applyStatusMany)
    )
      return false;
    try {
      await transaction(() => writeStatusRun(run, findByOutboundIds, appendMany));
      return true;
    } catch (err) {
      log('batched status processing failed; processing one by one', {
        events: run.length,
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
  }

  async function writeStatusRun(
    run: ReadonlyArray<{ id: string; event: OrgInboundEvent }>,
    findByOutboundIds: NonNullable<ContactPointLookup['findByOutboundIds']>,
    appendMany: NonNullable<TimelineWriter['appendMany']>,
  ): Promise<void> {
    const matches = new Map<string, Map<string, ContactPointMatch>>();
    for (const orgId of new Set(run.map((x) => x.event.orgId))) {
      const ids = run.flatMap((x) =>
        x.event.orgId === orgId && x.event.type === 'status' ? [x.event.outboundId] : [],
      );
      matches.set(orgId, await findByOutboundIds.call(deps.contacts, orgId, ids));
    }
    const matchOf = (e: OrgInboundEvent) =>
      e.type === 'status' ? matches.get(e.orgId)?.get(e.outboundId) : undefined;
    const entries: ChannelTimelineEntry[] = [];
    for (const { id, event: e } of run) {
      const m = matchOf(e);
      if (m && e.type === 'status') entries.push(statusEntry(id, e, m));
    }
    await appendMany.call(deps.timeline, entries);
    for (const orgId of matches.keys()) {
      const items = run.flatMap((x) =>
        x.event.orgId === orgId && x.event.type === 'status'
          ? [{ provider: x.event.provider, providerMessageId: x.event.outboundId, status: x.event.status }]
          : [],
      );
      await deps.deliveries?.applyStatusMany?.(orgId, items, deps.clock.now());
    }
    const events = run.flatMap(({ id, event: e }): ChannelDomainEvent[] =>
      e.type === 'status'
        ? [
            {
              type: 'channel.status_changed',
              inboundId: id,
              orgId: e.orgId,
              debtorId: matchOf(e)?.debtorId ?? null,
              event: e,
            },
          ]
        : [],
    );
    if (deps.events.publishMany) await deps.events.publishMany(events);
    else for (const e of events) await deps.events.publish(e);
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

function statusEntry(
  inboundId: string,
  e: Extract<OrgInboundEvent, { type: 'status' }>,
  m: ContactPointMatch,
): ChannelTimelineEntry {
  return {
    orgId: e.orgId,
    debtorId: m.debtorId,
    accountId: m.accountId,
    occurredAt: e.occurredAt,
    kind: 'status_change',
    channel: e.channel,
    direction: 'outbound',
    summary: `${e.channel} ${e.status.replace('_', ' ')}${e.errorCode ? ` (${e.errorCode})` : ''}`,
    data: {
      inboundId,
      provider: e.provider,
      outboundId: e.outboundId,
      status: e.status,
      ...(e.url ? { url: e.url } : {}),
      ...(e.detail ? { detail: e.detail } : {}),
    },
  };
}

function callSummary(e: Extract<OrgInboundEvent, { type: 'call' }>): string {
  if (e.answeredBy === 'machine') return 'call answered by a machine';
  if (e.speech) return `call (${e.step}): "${e.speech.slice(0, 200)}"`;
  if (e.digits) return `call (${e.step}): pressed ${e.digits}`;
  return `call ${e.step}`;
}
