import { randomUUID } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { SecretBox } from '../../../shared/crypto/secret-box.js';
import type {
  HostResolver,
  StoredSubscription,
  SubscriptionChanges,
  SubscriptionStore,
  WebhookSubscription,
} from '../ports.js';
import { newSigningSecret } from '../signature.js';
import type { WebhookUrlPolicy } from '../url-rules.js';
import { isWebhookEventType, webhookEventTypes } from '../webhook-event-types.js';
import { webhookSecretAad } from '../webhook-secrets.js';
import { checkWebhookUrl } from './check-webhook-url.js';

export interface NewSubscription {
  url: string;
  events: string[];
  description?: string | undefined;
}

export interface SubscriptionsDeps {
  store: SubscriptionStore;
  box: SecretBox;
  clock: Clock;
  policy: WebhookUrlPolicy;
  resolveHost: HostResolver;
}

/** What the API shows: never a secret, sealed or not. */
export function publicSubscription(s: StoredSubscription): WebhookSubscription {
  const { secretEnc: _s, previousSecretEnc: _p, ...shown } = s;
  return shown;
}

const notFound = (id: string) => new SaldoError('not_found', `webhook subscription ${id} not found`);

/** The longest a previous secret may keep signing after a rotation. */
export const MAX_PREVIOUS_SECRET_HOURS = 168;

/**
 * An organisation's webhook subscriptions. The signing secret is generated here, sealed at once
 * and shown only in the answer to create and rotate.
 */
export function createSubscriptions(d: SubscriptionsDeps) {
  const events = (list: string[]) => {
    const unknown = list.filter((t) => !isWebhookEventType(t));
    if (unknown.length || list.length === 0)
      throw new SaldoError(
        'validation',
        unknown.length ? `unknown event types: ${unknown.join(', ')}` : 'events: at least one event type',
        [{ path: 'events', message: `one or more of ${webhookEventTypes.join(', ')}` }],
      );
    return [...new Set(list)].sort();
  };

  async function create(orgId: string, input: NewSubscription) {
    const url = await checkWebhookUrl(input.url, d.policy, d.resolveHost);
    const id = `wh_${randomUUID().replaceAll('-', '')}`;
    const secret = newSigningSecret();
    const now = d.clock.now().toISOString();
    const stored: StoredSubscription = {
      id,
      orgId,
      url,
      events: events(input.events),
      description: input.description ?? null,
      enabled: true,
      createdAt: now,
      updatedAt: now,
      previousSecretExpiresAt: null,
      secretEnc: d.box.seal(secret, webhookSecretAad(orgId, id, 'current')),
      previousSecretEnc: null,
    };
    await d.store.insert(stored);
    return { subscription: publicSubscription(stored), secret };
  }

  async function get(orgId: string, id: string): Promise<WebhookSubscription> {
    const s = await d.store.get(orgId, id);
    if (!s) throw notFound(id);
    return publicSubscription(s);
  }

  async function update(orgId: string, id: string, changes: SubscriptionChanges) {
    const checked = {
      ...changes,
      ...(changes.url !== undefined
        ? { url: await checkWebhookUrl(changes.url, d.policy, d.resolveHost) }
        : {}),
      ...(changes.events !== undefined ? { events: events(changes.events) } : {}),
    };
    const s = await d.store.update(orgId, id, checked, d.clock.now());
    if (!s) throw notFound(id);
    return publicSubscription(s);
  }

  /**
   * A new secret signs from now on; the current one keeps signing beside it (a second `v1=`) for
   * `previousValidHours`, so receivers can switch without losing deliveries. 0: at once.
   */
  async function rotateSecret(orgId: string, id: string, previousValidHours: number) {
    const s = await d.store.get(orgId, id);
    if (!s) throw notFound(id);
    const now = d.clock.now();
    const secret = newSigningSecret();
    const keep = previousValidHours > 0;
    const previous = keep ? d.box.open(s.secretEnc, webhookSecretAad(orgId, id, 'current')) : null;
    const rotated = await d.store.rotateSecret(
      orgId,
      id,
      {
        secretEnc: d.box.seal(secret, webhookSecretAad(orgId, id, 'current')),
        previousSecretEnc:
          previous === null ? null : d.box.seal(previous, webhookSecretAad(orgId, id, 'previous')),
        previousSecretExpiresAt: keep ? new Date(now.getTime() + previousValidHours * 3_600_000) : null,
      },
      now,
    );
    if (!rotated) throw notFound(id);
    return { subscription: publicSubscription(rotated), secret };
  }

  async function remove(orgId: string, id: string): Promise<void> {
    if (!(await d.store.remove(orgId, id))) throw notFound(id);
  }

  return {
    create,
    list: async (orgId: string) => (await d.store.list(orgId)).map(publicSubscription),
    get,
    update,
    rotateSecret,
    remove,
  };
}
export type Subscriptions = ReturnType<typeof createSubscriptions>;
