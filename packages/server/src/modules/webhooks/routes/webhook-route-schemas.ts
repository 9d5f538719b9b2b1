import { MAX_WEBHOOK_URL_LENGTH } from '../url-rules.js';
import { webhookEventTypes } from '../webhook-event-types.js';
import type { Role } from '../../../shared/http/route-kit.js';

/** Administrators manage subscriptions; compliance officers may also read them and their deliveries. */
export const WRITERS: readonly Role[] = ['admin'];
export const READERS: readonly Role[] = ['admin', 'compliance'];
export const tags = ['webhooks'];

export const url = { type: 'string', minLength: 1, maxLength: MAX_WEBHOOK_URL_LENGTH };
export const events = {
  type: 'array',
  minItems: 1,
  maxItems: webhookEventTypes.length,
  items: { type: 'string', enum: [...webhookEventTypes] },
};
export const description = { type: 'string', maxLength: 500 };
export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', maxLength: 100 } },
};
