import type { FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import type { ChannelWebhooks, EmailTracking } from '../ports/channel-provider.js';
import type { ReceiveInbound } from '../usecases/receive-inbound.js';
import { metaWebhookRoutes, twilioWebhookRoutes } from './provider-webhook-routes.js';
import { trackingRoutes } from './tracking-routes.js';
import { createWebhookIntake } from './webhook-intake.js';

/**
 * Provider webhooks and email tracking. Public routes: they authenticate by signature (Twilio
 * `X-Twilio-Signature` over SALDO_PUBLIC_URL + path with the organisation's auth token; Meta
 * `X-Hub-Signature-256` over the raw body with the app secret). Anything unsigned or mis-signed
 * gets 403 and is logged. Order: verify → store durably → acknowledge → record the event's facts
 * and domain events in the background (failures are retried by `processPending`, nothing is
 * dropped). Reading replies and moving journeys is the worker's job, never the request's.
 */
export interface WebhookRouteDeps {
  webhooks: ChannelWebhooks;
  inbound: ReceiveInbound;
  tracking?: EmailTracking;
  /** Rejections and background failures; defaults to the request logger. */
  log?: (level: 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

export default async function webhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  await app.register(formbody);
  // Meta signs the exact bytes: keep the JSON body as a string and parse it after verification.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const intake = createWebhookIntake(deps);
  await twilioWebhookRoutes(app, deps.webhooks, intake);
  await metaWebhookRoutes(app, deps.webhooks, intake);
  if (deps.tracking) await trackingRoutes(app, deps.tracking, deps.inbound, intake.log);
}
