import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { DeliveryFilter, DeliveryStore, SubscriptionStore } from '../ports.js';

/** Reading a subscription's deliveries and queueing them again. */
export function createDeliveries(d: {
  deliveries: DeliveryStore;
  subscriptions: SubscriptionStore;
  clock: Clock;
}) {
  async function subscription(orgId: string, id: string) {
    const s = await d.subscriptions.get(orgId, id);
    if (!s) throw new SaldoError('not_found', `webhook subscription ${id} not found`);
    return s;
  }

  return {
    async list(orgId: string, subscriptionId: string, filter: DeliveryFilter) {
      await subscription(orgId, subscriptionId);
      return d.deliveries.list(orgId, subscriptionId, filter);
    },
    /** One delivery again (delivered, failed or pending), with a fresh attempt count. */
    async replay(orgId: string, deliveryId: string) {
      const r = await d.deliveries.replay(orgId, deliveryId, d.clock.now());
      if (!r) throw new SaldoError('not_found', `webhook delivery ${deliveryId} not found`);
      return r;
    },
    /** Every event of the subscription's types since `since`, again (or for the first time). */
    async replaySince(orgId: string, subscriptionId: string, since: Date) {
      const now = d.clock.now();
      if (since.getTime() > now.getTime())
        throw new SaldoError('validation', 'since is in the future', [
          { path: 'since', message: 'in the future' },
        ]);
      const s = await subscription(orgId, subscriptionId);
      return { queued: await d.deliveries.replaySince(orgId, s, since, now) };
    },
  };
}
export type Deliveries = ReturnType<typeof createDeliveries>;
