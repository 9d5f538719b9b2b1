import type { Clock } from '../../../../shared/clock/clock.js';
import type { EventOutbox } from '../../../events/index.js';
import type { ChannelDomainEvent, EventBus } from '../../ports/channel-records.js';

/**
 * The inbound pipeline's events into the domain-event outbox. An inbound event processed again
 * (after a crash before it was marked) publishes the same keys, which the outbox skips.
 */
export function createChannelEventOutbox(outbox: EventOutbox<ChannelDomainEvent>, clock: Clock): EventBus {
  return {
    publish: (e) => outbox.append([{ key: channelEventKey(e), event: e }], clock.now()),
    publishMany: (events) =>
      outbox.append(
        events.map((e) => ({ key: channelEventKey(e), event: e })),
        clock.now(),
      ),
  };
}

/** One event per inbound event, debtor and (for opt-outs) channel. */
export function channelEventKey(e: ChannelDomainEvent): string {
  const base = `${e.type}:${e.inboundId}:${e.debtorId ?? 'unknown'}`;
  return e.type === 'channel.opted_out' ? `${base}:${e.channel}` : base;
}
