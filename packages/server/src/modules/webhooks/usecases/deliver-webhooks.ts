import type { Clock } from '../../../shared/clock/clock.js';
import type { SecretBox } from '../../../shared/crypto/secret-box.js';
import type { ClaimedDelivery, DeliveryStore, WebhookSender } from '../ports.js';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../retry-schedule.js';
import { sendAttempt } from './send-attempt.js';

export interface DeliverWebhooksOptions {
  deliveries: DeliveryStore;
  sender: WebhookSender;
  box: SecretBox;
  clock: Clock;
  /** Unique per process (host:pid:n): the lease owner. */
  owner: string;
  /** `Saldo-Webhooks/<version>`. */
  userAgent: string;
  /** A receiver that has not answered by then has failed this attempt. Default 10 s. */
  timeoutMs?: number;
  /** Longer than the timeout: a job that dies mid-send leaves the delivery to be claimed again. */
  leaseMs?: number;
  /** Deliveries claimed (and sent at once, concurrently) per tick. */
  batchSize?: number;
  maxAttempts?: number;
  log?: (msg: string, data: Record<string, unknown>) => void;
}

export type DeliveryTally = {
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
};

/**
 * The worker's delivery job: claims due deliveries, POSTs each signed event to its subscription's
 * URL, and records the attempt — 2xx is delivered; anything else, a timeout or a connection error
 * is tried again after the back-off (retry-schedule.ts), and after the last attempt it is `failed`.
 * At least once: a job that dies after the receiver answered but before recording it leaves its
 * lease to expire, and the delivery is sent again (receivers de-duplicate by `Saldo-Event-Id`).
 */
export function createWebhookDeliverer(o: DeliverWebhooksOptions) {
  const timeoutMs = o.timeoutMs ?? 10_000;
  const leaseMs = o.leaseMs ?? Math.max(60_000, timeoutMs * 3);
  const batchSize = o.batchSize ?? 20;
  const maxAttempts = o.maxAttempts ?? MAX_DELIVERY_ATTEMPTS;
  const log = o.log ?? (() => {});

  const attempt = (c: ClaimedDelivery) => sendAttempt(o, c, timeoutMs);

  async function deliver(c: ClaimedDelivery, tally: DeliveryTally) {
    const result = await attempt(c);
    const attempts = c.attempts + 1;
    const giveUp = !result.delivered && (attempts >= maxAttempts || c.event === null);
    const retryAt =
      result.delivered || giveUp ? null : new Date(o.clock.now().getTime() + retryDelayMs(attempts));
    await o.deliveries.recordAttempt(o.owner, c.id, { ...result, retryAt });
    if (result.delivered) tally.delivered++;
    else if (giveUp) {
      tally.failed++;
      log('webhook delivery failed; left for a replay', { delivery: c.id, attempts, error: result.error });
    } else tally.retrying++;
  }

  async function tick(): Promise<DeliveryTally> {
    const claimed = await o.deliveries.claim({
      owner: o.owner,
      now: o.clock.now(),
      leaseMs,
      limit: batchSize,
    });
    const tally: DeliveryTally = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
    await Promise.all(claimed.map((c) => deliver(c, tally)));
    return tally;
  }

  /** Ticks until fewer than a batch is claimed (or `maxBatches`). */
  async function drain(maxBatches = Number.POSITIVE_INFINITY): Promise<DeliveryTally> {
    const total: DeliveryTally = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
    for (let b = 0; b < maxBatches; b++) {
      const r = await tick();
      for (const k of Object.keys(total) as (keyof DeliveryTally)[]) total[k] += r[k];
      if (r.claimed < batchSize) break;
    }
    return total;
  }

  return { tick, drain, owner: o.owner };
}
export type WebhookDeliverer = ReturnType<typeof createWebhookDeliverer>;
