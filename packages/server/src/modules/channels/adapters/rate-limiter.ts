import type { Channel, DeliveryStatus, ProviderId } from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { Clock } from '../../../shared/clock/clock.js';

/**
 * Token bucket per provider + channel (messages per second), on the injected clock. `take` never
 * waits: a caller that gets `false` reschedules (the send fails as `rate_limited`, retryable).
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.#tokens = burst;
    this.#last = clock.now().getTime();
  }
  take(n = 1): boolean {
    const now = this.clock.now().getTime();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.ratePerSecond);
    this.#last = now;
    if (this.#tokens < n) return false;
    this.#tokens -= n;
    return true;
  }
  /** Milliseconds until `n` tokens are available. */
  waitMs(n = 1): number {
    return this.#tokens >= n ? 0 : Math.ceil(((n - this.#tokens) / this.ratePerSecond) * 1000);
  }
}

/** Defaults from the providers' documented limits (Twilio long code ≈1 msg/s; Meta Cloud API ≈80/s). */
export const defaultRates: Partial<Record<ProviderId, Partial<Record<Channel, number>>>> = {
  twilio: { sms: 1, whatsapp: 20, call: 1, voicebot: 1 },
  meta: { whatsapp: 80 },
  smtp: { email: 20 },
  sandbox: {
    email: 1000,
    sms: 1000,
    whatsapp: 1000,
    call: 1000,
    voicebot: 1000,
    voicemail: 1000,
    letter: 1000,
  },
};

/** Per provider + channel counters: sent, failed by reason, and statuses seen. */
export class DeliveryMetrics {
  readonly #counters = new Map<string, number>();
  inc(provider: ProviderId, channel: Channel, what: string, by = 1): void {
    const k = `${provider}|${channel}|${what}`;
    this.#counters.set(k, (this.#counters.get(k) ?? 0) + by);
  }
  recordStatus(provider: ProviderId, channel: Channel, status: DeliveryStatus): void {
    this.inc(provider, channel, `status:${status}`);
  }
  get(provider: ProviderId, channel: Channel, what: string): number {
    return this.#counters.get(`${provider}|${channel}|${what}`) ?? 0;
  }
  snapshot(): { provider: string; channel: string; metric: string; value: number }[] {
    return [...this.#counters].map(([k, value]) => {
      const [provider = '', channel = '', metric = ''] = k.split('|');
      return { provider, channel, metric, value };
    });
  }
}

/** Wraps a provider with a token bucket per channel and counts outcomes and statuses. */
export class LimitedProvider implements ChannelProvider {
  readonly #buckets = new Map<Channel, TokenBucket>();
  constructor(
    private readonly inner: ChannelProvider,
    private readonly clock: Clock,
    readonly metrics: DeliveryMetrics,
    rates: Partial<Record<Channel, number>> = defaultRates[inner.id] ?? {},
  ) {
    for (const [ch, r] of Object.entries(rates) as [Channel, number][])
      this.#buckets.set(ch, new TokenBucket(r, Math.max(1, Math.ceil(r)), clock));
    inner.onEvent((e) => {
      if (e.type === 'status') metrics.recordStatus(e.provider, e.channel, e.status);
      else if (e.type === 'message') metrics.inc(e.provider, e.channel, 'inbound');
    });
  }
  get id(): ProviderId {
    return this.inner.id;
  }
  get channels(): readonly Channel[] {
    return this.inner.channels;
  }
  /** The inner provider's lookup, when it has one (not rate limited: it sends nothing). */
  get reconcile(): ChannelProvider['reconcile'] {
    const inner = this.inner;
    return inner.reconcile ? (msg, since) => inner.reconcile!(msg, since) : undefined;
  }
  async send(msg: OutboundMessage): Promise<SendResult> {
    const bucket = this.#buckets.get(msg.channel);
    if (bucket && !bucket.take()) {
      this.metrics.inc(this.id, msg.channel, 'rate_limited');
      return {
        ok: false,
        reason: 'rate_limited',
        detail: `${this.id} ${msg.channel}: over ${bucket.ratePerSecond}/s, retry in ${bucket.waitMs()} ms`,
        retryable: true,
      };
    }
    const r = await this.inner.send(msg);
    this.metrics.inc(this.id, msg.channel, r.ok ? 'sent' : `failed:${r.reason}`);
    return r;
  }
  onEvent(l: InboundListener): () => void {
    return this.inner.onEvent(l);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
