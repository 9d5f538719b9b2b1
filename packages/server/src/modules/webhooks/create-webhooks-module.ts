// The webhooks module: integrators' subscriptions to domain events, the fan-out that queues a
// delivery per subscription (a handler of the event consumer), the worker's delivery job, and the
// API (docs/webhooks.md).
import { hostname } from 'node:os';
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PeriodicJob } from '../../shared/jobs/periodic.js';
import { createHttpWebhookSender, systemHostResolver } from './adapters/http-webhook-sender.js';
import { createSqlDeliveryStore } from './adapters/sql-delivery-store.js';
import { createSqlSubscriptionStore } from './adapters/sql-subscription-store.js';
import type { HostResolver, WebhookSender } from './ports.js';
import webhookRoutes from './routes/webhook-routes.js';
import { createDeliveries } from './usecases/deliveries.js';
import { createWebhookDeliverer, type DeliverWebhooksOptions } from './usecases/deliver-webhooks.js';
import { createWebhookFanOut } from './usecases/fan-out.js';
import { createSubscriptions } from './usecases/subscriptions.js';
import type { WebhookUrlPolicy } from './url-rules.js';
import { webhookSecretBox } from './webhook-secrets.js';

/** The module's configuration slice (platform/config.ts): where receivers may be. */
export type WebhooksConfig = WebhookUrlPolicy;

export interface WebhooksDeps {
  db: Db;
  clock: Clock;
  /** The root secret key (and retired ones, which only open): signing secrets are sealed with it. */
  rootSecret: string;
  retiredSecrets?: readonly string[];
  /** Saldo's version, for the User-Agent. */
  version: string;
  /** Lease owner prefix; default host:pid. */
  owner?: string;
  log?: (msg: string, data: Record<string, unknown>) => void;
}

/** Tuning and test seams: the HTTP sender, the resolver used at save, the delivery job's sizes. */
export interface WebhooksOptions {
  sender?: WebhookSender;
  resolveHost?: HostResolver;
  delivery?: Pick<DeliverWebhooksOptions, 'timeoutMs' | 'leaseMs' | 'batchSize' | 'maxAttempts'>;
}

let instances = 0;

export function createWebhooksModule(deps: WebhooksDeps, config: WebhooksConfig, o: WebhooksOptions = {}) {
  const { db, clock } = deps;
  const box = webhookSecretBox(deps.rootSecret, deps.retiredSecrets);
  const store = createSqlSubscriptionStore(db);
  const deliveryStore = createSqlDeliveryStore(db);
  const subscriptions = createSubscriptions({
    store,
    box,
    clock,
    policy: config,
    resolveHost: o.resolveHost ?? systemHostResolver,
  });
  const deliveries = createDeliveries({ deliveries: deliveryStore, subscriptions: store, clock });
  const deliverer = createWebhookDeliverer({
    deliveries: deliveryStore,
    sender: o.sender ?? createHttpWebhookSender(config),
    box,
    clock,
    owner: `${deps.owner ?? `${hostname()}:${process.pid}:${++instances}`}:wh`,
    userAgent: `Saldo-Webhooks/${deps.version}`,
    ...o.delivery,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const quiet = <T extends Record<string, number>>(r: T) =>
    Object.values(r).some((n) => n > 0) ? r : undefined;
  const jobs: PeriodicJob[] = [
    { name: 'webhook-deliveries', everyMs: 1_000, run: async () => quiet(await deliverer.drain(5)) },
  ];
  const routes: RoutePlugin[] = [(app) => webhookRoutes(app, { subscriptions, deliveries })];
  return {
    subscriptions,
    deliveries,
    /** The domain-event handler that queues deliveries (given to the event consumer). */
    fanOut: createWebhookFanOut({ deliveries: deliveryStore, clock }),
    /** The delivery job (the worker runs it; tests drain it). */
    deliverer,
    routes,
    jobs,
  };
}
export type WebhooksModule = ReturnType<typeof createWebhooksModule>;
