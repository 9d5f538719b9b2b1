import { assertUnreachable } from '@saldo/core';
import { isVoiceStep, matchOptOutKeyword, menuChoice, type Channel } from '@saldo/core/channels';
import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { ChannelDomainEvent, ContactPointLookup, ContactPointMatch, EventBus, OptOutRecorder, TimelineWriter } from '../ports/channel-records.js';
import type { Clock } from '../ports/clock.js';
import type { InboundStore } from '../ports/inbound-store.js';

/**
 * Inbound never lost: store durably (deduplicated) → acknowledge the provider → process (match the
 * debtor, honour opt-out keywords, write the timeline, emit an event). Processing failures leave the
 * event unprocessed; `processPending` retries them, including after a crash between store and
 * processing. Processing is at-least-once: consumers de-duplicate by `inboundId`.
 */
export interface ReceiveInboundDeps {
  store: InboundStore;
  contacts: ContactPointLookup;
  timeline: TimelineWriter;
  events: EventBus;
  optOuts: OptOutRecorder;
  clock: Clock;
  log?: (msg: string, data: Record<string, unknown>) => void;
  /** Failures after which an event is left for an operator (still stored). Default 10. */
  maxAttempts?: number;
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'failed' | 'not_found';

export interface ReceiveInbound {
  /** Durable and idempotent: resolves only when every event is stored. Returns ids to process. */
  store(events: readonly OrgInboundEvent[]): Promise<{ ids: string[]; duplicates: number }>;
  process(id: string): Promise<ProcessOutcome>;
  /** Retries everything not yet processed (call at boot and on an interval). */
  processPending(limit?: number): Promise<{ processed: number; failed: number }>;
}

export function createReceiveInbound(deps: ReceiveInboundDeps): ReceiveInbound {
  const maxAttempts = deps.maxAttempts ?? 10;
  const log = deps.log ?? (() => {});

  async function process(id: string): Promise<ProcessOutcome> {
    const rec = await deps.store.get(id);
    if (!rec) return 'not_found';
    if (rec.processedAt) return 'already_processed';
    try {
      await handle(id, rec.event);
      await deps.store.markProcessed(id, deps.clock.now());
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
        if (matches.length === 0) log('inbound from an unknown sender kept and flagged', { inboundId, channel: e.channel, provider: e.provider });
        for (const m of matches) {
          if (keyword) await optOut(inboundId, e, m, e.channel, e.from, `keyword:${keyword}`);
          await deps.timeline.append({ orgId: e.orgId, debtorId: m.debtorId, accountId: m.accountId, occurredAt: e.occurredAt, kind: 'message', channel: e.channel, direction: 'inbound', summary: e.text.slice(0, 280), data: { inboundId, provider: e.provider, providerMessageId: e.providerMessageId, from: e.from, mediaUrls: e.mediaUrls, ...(keyword ? { optOutKeyword: keyword } : {}) } });
        }
        if (matches.length === 0) await publish({ type: 'channel.message_received', inboundId, orgId: e.orgId, debtorId: null, unknownSender: true, event: e });
        for (const m of matches) await publish({ type: 'channel.message_received', inboundId, orgId: e.orgId, debtorId: m.debtorId, unknownSender: false, event: e });
        return;
      }
      case 'status':
        for (const m of matches)
          await deps.timeline.append({ orgId: e.orgId, debtorId: m.debtorId, accountId: m.accountId, occurredAt: e.occurredAt, kind: 'status_change', channel: e.channel, direction: 'outbound', summary: `${e.channel} ${e.status.replace('_', ' ')}${e.errorCode ? ` (${e.errorCode})` : ''}`, data: { inboundId, provider: e.provider, outboundId: e.outboundId, status: e.status, ...(e.url ? { url: e.url } : {}), ...(e.detail ? { detail: e.detail } : {}) } });
        await publish({ type: 'channel.status_changed', inboundId, orgId: e.orgId, debtorId: matches[0]?.debtorId ?? null, event: e });
        return;
      case 'call': {
        // "No me llamen" / 9 in the menu of a scripted call is an opt-out of calls, honoured now.
        const stop = isVoiceStep(e.step) && e.step === 'menu' && menuChoice({ ...(e.speech ? { speech: e.speech } : {}), ...(e.digits ? { digits: e.digits } : {}) }) === 'stop';
        for (const m of matches) {
          if (stop) await optOut(inboundId, e, m, 'call', e.to, 'voice_menu');
          await deps.timeline.append({ orgId: e.orgId, debtorId: m.debtorId, accountId: m.accountId, occurredAt: e.occurredAt, kind: 'call', channel: e.channel, direction: 'outbound', summary: callSummary(e), data: { inboundId, callId: e.callId, step: e.step, ...(e.answeredBy ? { answeredBy: e.answeredBy } : {}), ...(e.speech ? { speech: e.speech } : {}), ...(e.digits ? { digits: e.digits } : {}) } });
        }
        await publish({ type: 'channel.call_progress', inboundId, orgId: e.orgId, debtorId: matches[0]?.debtorId ?? null, event: e });
        return;
      }
      default:
        return assertUnreachable(e, 'inbound event');
    }
  }

  async function optOut(inboundId: string, e: OrgInboundEvent, m: ContactPointMatch, channel: Channel, address: string, source: string): Promise<void> {
    await deps.optOuts.optOut({ orgId: e.orgId, debtorId: m.debtorId, channel, address, source, at: deps.clock.now() });
    await deps.events.publish({ type: 'channel.opted_out', inboundId, orgId: e.orgId, debtorId: m.debtorId, channel, keyword: source });
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

  return {
    async store(events) {
      const ids: string[] = [];
      let duplicates = 0;
      const now = deps.clock.now();
      for (const ev of events) {
        const r = await deps.store.storeOnce(ev, now);
        if (r.stored) ids.push(r.id);
        else duplicates += 1;
      }
      return { ids, duplicates };
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

function callSummary(e: Extract<OrgInboundEvent, { type: 'call' }>): string {
  if (e.answeredBy === 'machine') return 'call answered by a machine';
  if (e.speech) return `call (${e.step}): "${e.speech.slice(0, 200)}"`;
  if (e.digits) return `call (${e.step}): pressed ${e.digits}`;
  return `call ${e.step}`;
}
