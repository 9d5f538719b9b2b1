import type { FastifyInstance } from 'fastify';
import type { Deliveries } from '../usecases/deliveries.js';
import type { Subscriptions } from '../usecases/subscriptions.js';
import deliveryRoutes from './delivery-routes.js';
import subscriptionRoutes from './subscription-routes.js';

/** The integrators' webhook API: subscriptions, then their deliveries and replays. */
export default async function webhookRoutes(
  app: FastifyInstance,
  deps: { subscriptions: Subscriptions; deliveries: Deliveries },
) {
  await subscriptionRoutes(app, deps);
  await deliveryRoutes(app, deps);
}
