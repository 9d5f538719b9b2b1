import { channels, type Channel } from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OrgInboundEvent,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';

/**
 * Test double: records what was sent and emits whatever a test tells it to. Unlike the sandbox it
 * has no behaviour of its own, so tests of strategies and use cases control every event.
 */
export class FakeChannelProvider implements ChannelProvider {
  readonly id = 'fake' as const;
  readonly channels: readonly Channel[] = channels;
  readonly sent: (OutboundMessage & { providerMessageId: string })[] = [];
  readonly #listeners = new Set<InboundListener>();
  /** Next sends fail with this result. */
  failWith: Extract<SendResult, { ok: false }> | null = null;

  async send(msg: OutboundMessage): Promise<SendResult> {
    if (this.failWith) return this.failWith;
    if (msg.to.trim() === '' || msg.to.includes('invalid'))
      return {
        ok: false,
        reason: 'invalid_recipient',
        detail: `fake: ${msg.to} is not valid`,
        retryable: false,
      };
    const providerMessageId = `fake_${this.sent.length + 1}`;
    this.sent.push({ ...msg, providerMessageId });
    return { ok: true, providerMessageId, status: 'queued' };
  }
  async emit(e: OrgInboundEvent): Promise<void> {
    for (const l of this.#listeners) await l(e);
  }
  onEvent(listener: InboundListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  async close(): Promise<void> {
    this.#listeners.clear();
  }
}
