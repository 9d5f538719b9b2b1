import {
  channels,
  languageOf,
  sandboxConversationReply,
  simulateOutbound,
  type Channel,
  type SandboxDialogueView,
  type SandboxEvent,
  type SandboxPersona,
  type InboundEvent,
  type SandboxSegment,
  type TemplateLanguage,
} from '@saldo/core/channels';
import type {
  ChannelProvider,
  InboundListener,
  OrgInboundEvent,
  OutboundMessage,
  SendResult,
} from '../ports/channel-provider.js';
import type { Clock } from '../../../shared/clock/clock.js';

/** Who a simulated debtor is, as far as the behaviour model cares. */
export interface SandboxDebtor {
  segment: SandboxSegment;
  /** The debtor's local hour when the message is sent. */
  localHour: number;
  language: TemplateLanguage;
  /** What they owe (a simulated payment pays at most this). */
  amountMinor?: number;
  /**
   * The message is the bot's reply in a conversation: how that conversation stands (the person
   * answers the last reply of an answer only: `'not_last'`), and what they know about themselves.
   */
  dialogue?: SandboxDialogueView | 'not_last';
  persona?: SandboxPersona | null;
}

export interface SandboxOptions {
  seed: string | number;
  clock: Clock;
  /**
   * Looks up the debtor a message goes to (the channels module reads its outbound message and
   * account), so real sends carry nothing for the sandbox. Unknown: a medium-risk Spanish speaker
   * at the UTC hour.
   */
  debtor?: (msg: OutboundMessage, at: Date) => Promise<SandboxDebtor | null>;
  /** Where simulated debtors write from when they reply (the sandbox's own number/address). */
  sandboxAddress?: string;
  /** A simulated payment: the payments module records it (the sandbox has no money of its own). */
  onPayment?: (p: {
    orgId: string;
    messageId: string;
    to: string;
    amountMinor: number;
    at: Date;
  }) => void | Promise<void>;
}

const failedStatuses: ReadonlySet<string> = new Set(['undelivered', 'bounced', 'failed', 'complained']);

interface Scheduled {
  at: number;
  seq: number;
  fire: () => Promise<void>;
}

/**
 * The default provider: in-process, no network. Every sent message gets a simulated future —
 * delivery, failure, opens, clicks, replies, payments — from the core behaviour model, scheduled on
 * the injected clock and emitted through the same normalised events as real providers. Call
 * `tick()` after moving the clock (the composition root calls it on an interval).
 */
export class SandboxChannelProvider implements ChannelProvider {
  readonly id = 'sandbox' as const;
  readonly channels: readonly Channel[] = channels;
  readonly #listeners = new Set<InboundListener>();
  #queue: Scheduled[] = [];
  #seq = 0;
  #ids = 0;

  constructor(private readonly opts: SandboxOptions) {}

  async send(msg: OutboundMessage): Promise<SendResult> {
    if (msg.to.trim() === '' || msg.to.includes('invalid'))
      return {
        ok: false,
        reason: 'invalid_recipient',
        detail: `sandbox: ${msg.to || '(empty)'} is not a valid address`,
        retryable: false,
      };
    const providerMessageId = `sbx_${msg.messageId}_${(++this.#ids).toString(36)}`;
    const sentAt = this.opts.clock.now().getTime();
    const sim: SandboxDebtor = (await this.opts.debtor?.(msg, new Date(sentAt))) ?? {
      segment: 'medium_risk',
      localHour: new Date(sentAt).getUTCHours(),
      language: languageOf('es'),
    };
    const outcome = simulateOutbound({
      seed: this.opts.seed,
      messageId: msg.messageId,
      channel: msg.channel,
      segment: sim.segment,
      localHour: sim.localHour,
      language: sim.language,
      hasLink: /https?:\/\//.test(msg.text),
      ...(sim.amountMinor !== undefined ? { amountMinor: sim.amountMinor } : {}),
    });
    const events = sim.dialogue ? this.#conversing(msg, sim, sim.dialogue, outcome.events) : outcome.events;
    const from =
      this.opts.sandboxAddress ?? (msg.channel === 'email' ? 'sandbox@saldo.invalid' : '+15005550006');
    for (const ev of events) {
      const at = sentAt + ev.afterMs;
      const iso = new Date(at).toISOString();
      const base = { orgId: msg.orgId, provider: 'sandbox' as const, channel: msg.channel, occurredAt: iso };
      switch (ev.kind) {
        case 'status':
          this.#schedule(at, () =>
            this.#emit({
              ...base,
              type: 'status',
              providerMessageId: `${providerMessageId}:${ev.status}`,
              outboundId: providerMessageId,
              status: ev.status,
              raw: { simulated: true },
              ...(ev.detail ? { detail: ev.detail } : {}),
            }),
          );
          break;
        case 'reply':
          this.#schedule(at, () =>
            this.#emit({
              ...base,
              type: 'message',
              providerMessageId: `${providerMessageId}:reply`,
              from: msg.to,
              to: from,
              text: ev.text,
              mediaUrls: [],
              raw: {
                simulated: true,
                ...(ev.intent ? { intent: ev.intent } : {}),
                inReplyTo: providerMessageId,
              },
            }),
          );
          break;
        case 'payment':
          this.#schedule(at, async () => {
            await this.opts.onPayment?.({
              orgId: msg.orgId,
              messageId: msg.messageId,
              to: msg.to,
              amountMinor: ev.amountMinor,
              at: new Date(at),
            });
          });
          break;
      }
    }
    return { ok: true, providerMessageId, status: 'queued' };
  }

  /**
   * A bot's reply: the person answers what the bot said (the conversation model) instead of writing
   * a reply of the behaviour model's; statuses, clicks and payments stay the behaviour model's.
   */
  #conversing(
    msg: OutboundMessage,
    sim: SandboxDebtor,
    dialogue: SandboxDialogueView | 'not_last',
    events: SandboxEvent[],
  ): SandboxEvent[] {
    const kept = events.filter((e) => e.kind !== 'reply');
    const failed = kept.some((e) => e.kind === 'status' && failedStatuses.has(e.status));
    if (dialogue === 'not_last' || failed) return kept;
    const answer = sandboxConversationReply({
      seed: this.opts.seed,
      messageId: msg.messageId,
      channel: msg.channel,
      segment: sim.segment,
      language: sim.language,
      persona: sim.persona ?? null,
      dialogue,
      ...(sim.amountMinor !== undefined ? { amountMinor: sim.amountMinor } : {}),
    });
    if (!answer) return kept;
    const seen = Math.max(0, ...kept.filter((e) => e.kind === 'status').map((e) => e.afterMs));
    const reply: SandboxEvent = {
      afterMs: seen + answer.afterMs,
      kind: 'reply',
      text: answer.text,
      intent: answer.intent,
    };
    return [...kept, reply].sort((a, b) => a.afterMs - b.afterMs);
  }

  /** Fires every event due at the clock's current time, in time order. Returns how many fired. */
  async tick(): Promise<number> {
    const now = this.opts.clock.now().getTime();
    let fired = 0;
    for (;;) {
      this.#queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.#queue[0];
      if (!next || next.at > now) return fired;
      this.#queue.shift();
      await next.fire();
      fired += 1;
    }
  }

  /** When the next scheduled event is due (epoch ms), or null: simulated time jumps straight to it. */
  nextEventAt(): number | null {
    let min: number | null = null;
    for (const e of this.#queue) if (min === null || e.at < min) min = e.at;
    return min;
  }

  /** Events still to come (for the demo's "what is in flight" view and tests). */
  pending(): number {
    return this.#queue.length;
  }

  /** Lets a demo or test script a debtor writing first (two-way without an outbound message). */
  async injectInbound(
    e: Omit<Extract<InboundEvent, { type: 'message' }>, 'provider'> & { orgId: string },
  ): Promise<void> {
    await this.#emit({ ...e, provider: 'sandbox' });
  }

  onEvent(listener: InboundListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.#queue = [];
    this.#listeners.clear();
  }

  #schedule(at: number, fire: () => Promise<void>): void {
    this.#queue.push({ at, seq: ++this.#seq, fire });
  }

  async #emit(e: OrgInboundEvent): Promise<void> {
    for (const l of this.#listeners) await l(e);
  }
}
