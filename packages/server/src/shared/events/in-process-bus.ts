/** What the bus needs of an event: its type, for error messages. */
export interface BusEvent {
  type: string;
}
export type EventHandler<E> = (e: E) => void | Promise<void>;

/**
 * The in-process {@link EventBus}: `publish` awaits every subscriber in order. A subscriber that
 * throws does not stop the others, but `publish` then rejects, so the inbound event is marked
 * failed and processed again later: delivery is at-least-once, and subscribers de-duplicate by
 * `inboundId`. Nothing is buffered in memory: durability comes from `inbound_events`.
 */
export class InProcessEventBus<E extends BusEvent> {
  readonly #handlers = new Set<EventHandler<E>>();

  subscribe(handler: EventHandler<E>): () => void {
    // Wrapped so the same function can be subscribed twice and unsubscribed independently.
    const h: EventHandler<E> = (e) => handler(e);
    this.#handlers.add(h);
    return () => {
      this.#handlers.delete(h);
    };
  }

  async publish(e: E): Promise<void> {
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
