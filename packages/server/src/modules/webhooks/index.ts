export {
  createWebhooksModule,
  type WebhooksConfig,
  type WebhooksDeps,
  type WebhooksModule,
  type WebhooksOptions,
} from './create-webhooks-module.js';
export { resealWebhookSecrets } from './adapters/reseal-webhook-secrets.js';
export { webhookSecretBox } from './webhook-secrets.js';
export { webhookEventTypes, type WebhookEventBody, type WebhookEventType } from './webhook-event-types.js';
export { SIGNATURE_HEADER, verifySignature } from './signature.js';
export { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './retry-schedule.js';
export type { WebhookDelivery, WebhookSender, WebhookSubscription } from './ports.js';
