import { preferenceChannelOf } from '@saldo/core/channels';
import type { ChannelDomainEvent } from '../../channels/index.js';
import type { DomainEvent } from '../../events/index.js';
import type { RecordDomainEvent } from '../../record/index.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type { JourneyStore, OutboxStore, PromiseBook, ReplyReader, UnitOfWork } from '../ports.js';
import type { Definitions } from './decide.js';
import { createJourneyEvents } from './journey-events.js';
import { createReplyHandler } from './reply-handler.js';

/** The domain events that move journeys (others are ignored). */
export type RoutedEvent = ChannelDomainEvent | RecordDomainEvent;

/** What `handle` reports it applied (the consumer tallies them per run). */
export const routerTallies = ['replies', 'opens', 'clicks', 'opt_outs', 'payments', 'promises'] as const;
export type RouterTally = (typeof routerTallies)[number];

export interface EventRouterOptions {
  journeys: JourneyStore;
  outbox: OutboxStore;
  definitions: Definitions;
  clock: Clock;
  /** One database transaction for a reply's journey updates and promises; default: none. */
  tx?: UnitOfWork;
  /** Reads free-text replies (the platform passes the NLU); without it a reply is `unknown`. */
  replies?: ReplyReader;
  /** Where promises made in replies are recorded (the platform passes the record). */
  promises?: PromiseBook;
  /** See ReplyHandlerOptions.promiseDays (default 7). */
  promiseDays?: number;
  /** See ReplyHandlerOptions.conversationChannels (default: none). */
  conversationChannels?: ReadonlySet<string>;
  log?: (msg: string, data: Record<string, unknown>) => void;
}

/**
 * Turns domain events (replies, opens, clicks, opt-outs, payments, promises) into journey events,
 * applied exactly once: each has a key (`inboundId` + account, payment id, promise id) stored in
 * the journey inbox with the new state, so an event delivered twice is a no-op. The worker's
 * domain-event consumer calls `handle`.
 */
export function createEventRouter(o: EventRouterOptions) {
  const log = o.log ?? (() => {});
  const events = createJourneyEvents(o);
  const handleReply = createReplyHandler({
    journeys: o.journeys,
    events,
    clock: o.clock,
    tx: o.tx ?? ((fn) => fn()),
    promiseDays: o.promiseDays ?? 7,
    log,
    ...(o.replies ? { replies: o.replies } : {}),
    ...(o.promises ? { promises: o.promises } : {}),
    ...(o.conversationChannels ? { conversationChannels: o.conversationChannels } : {}),
  });
  const applied = (r: string, tally: RouterTally) => (r === 'applied' ? tally : null);

  async function handle(event: DomainEvent): Promise<RouterTally | null> {
    const e = event as RoutedEvent;
    switch (e.type) {
      case 'channel.message_received':
        if (e.debtorId === null || e.event.type !== 'message') return null;
        return (await handleReply({
          inboundId: e.inboundId,
          orgId: e.orgId,
          debtorId: e.debtorId,
          message: e.event,
        }))
          ? 'replies'
          : null;
      case 'channel.status_changed': {
        if (e.event.type !== 'status') return null;
        const status = e.event.status;
        const type =
          status === 'opened' || status === 'read' ? 'opened' : status === 'clicked' ? 'clicked' : null;
        if (type === null) return null;
        const c = await o.outbox.byProviderMessage(e.orgId, e.event.outboundId);
        if (!c) return null;
        const r = await events.apply(e.orgId, c.accountId, `in:${e.inboundId}:${c.accountId}`, () => [
          { type, nodeId: c.nodeId },
        ]);
        return applied(r, type === 'opened' ? 'opens' : 'clicks');
      }
      case 'channel.opted_out': {
        // An opt-out of a voicebot or voicemail is an opt-out of calls (the debtor's channel choice).
        const channel = preferenceChannelOf(e.channel);
        if (channel === null) return null;
        const took = await events.forDebtor(e.orgId, e.debtorId, `in:${e.inboundId}`, () => [
          { type: 'opted_out', channel },
        ]);
        return took.length > 0 ? 'opt_outs' : null;
      }
      case 'channel.call_progress':
        // Voicebot answers arrive as classified replies; call progress itself does not move journeys.
        return null;
      case 'payment.recorded':
        return applied(await events.paid(e), 'payments');
      case 'promise.made':
        return applied(await events.promised(e), 'promises');
      case 'promise.kept':
      case 'promise.broken':
      case 'account.status_changed':
        // Journeys read balances, promises and statuses as account facts on their next decision.
        return null;
      default:
        // A type this version does not know (written by a newer one during a rolling deploy).
        return null;
    }
  }

  return { handle, tallies: routerTallies, paymentRecorded: events.paid, promiseRecorded: events.promised };
}
export type EventRouter = ReturnType<typeof createEventRouter>;
