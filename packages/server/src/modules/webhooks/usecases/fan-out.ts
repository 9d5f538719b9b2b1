import type { Clock } from '../../../shared/clock/clock.js';
import type { DomainEvent, DomainEventMeta } from '../../events/index.js';
import type { DeliveryStore } from '../ports.js';
import { isWebhookEventType } from '../webhook-event-types.js';

/**
 * The domain-event handler that queues webhooks: one pending delivery per enabled subscription of
 * the event's organisation that asks for its type. Idempotent — a delivery is unique per
 * (subscription, event seq) — so the consumer may hand the same event over again (a crash before
 * it was marked, another handler's failure) without a second delivery.
 */
export function createWebhookFanOut(d: { deliveries: DeliveryStore; clock: Clock }) {
  return async (event: DomainEvent, meta: DomainEventMeta): Promise<null> => {
    if (isWebhookEventType(event.type))
      await d.deliveries.fanOut({ orgId: event.orgId, type: event.type, seq: meta.seq }, d.clock.now());
    return null; // no tally: the consumer's counts stay those of the strategy engine
  };
}
