import type { ChannelDomainEvent } from '../../modules/channels/ports/channel-records.js';
import type {
  ChannelEventHandler,
  SubscribableEventBus,
} from '../../modules/channels/ports/contact-records.js';

/**
 * The in-process {@link EventBus}: `publish` awaits every subscriber in order. A subscriber that
 * throws does not stop the others, but `publish` then rejects, so the inbound event is marked
 * failed and processed again later: delivery is at-least-once, and subscribers de-duplicate by
 * `inboundId`. Nothing is buffered in memory: durability comes from `inbound_events`.
 */
export class InProcessEventBus implements SubscribableEventBus {
  readonly #handlers = new Set<ChannelEventHandler>();

  subscribe(handler: ChannelEventHandler): () => void {
    // Wrapped so the same function can be subscribed twice and unsubscribed independently.
    const h: ChannelEventHandler = (e) => handler(e);
    this.#handlers.add(h);
    return () => {
      this.#handlers.delete(h);
    };
  }

  async publish(e: ChannelDomainEvent): Promise<void> {
    const errors: unknown[] = [];
    for (const h of [...this.#handlers]) {
      try {
        await h(e);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1)
      throw new AggregateError(errors, `${errors.length} subscribers failed on ${e.type}`);
  }
}
