import type { Channel } from '@saldo/core/channels';
import type {
  ChannelDomainEvent,
  ChannelTimelineEntry,
  ContactPointLookup,
  ContactPointMatch,
  EventBus,
  OptOutRecorder,
  TimelineWriter,
} from '../ports/channel-records.js';

/** In-memory contact points: `add(org, debtor, address)`; outbound ids registered by the sender. */
export class MemoryContactPoints implements ContactPointLookup {
  readonly #byAddress = new Map<string, ContactPointMatch[]>();
  readonly #byOutbound = new Map<string, ContactPointMatch>();

  add(orgId: string, address: string, match: ContactPointMatch): this {
    const k = `${orgId}|${address}`;
    this.#byAddress.set(k, [...(this.#byAddress.get(k) ?? []), match]);
    return this;
  }
  recordOutbound(orgId: string, providerMessageId: string, match: ContactPointMatch): void {
    this.#byOutbound.set(`${orgId}|${providerMessageId}`, match);
  }
  async findByAddress(orgId: string, _channel: Channel, address: string): Promise<ContactPointMatch[]> {
    return this.#byAddress.get(`${orgId}|${address}`) ?? [];
  }
  async findByOutboundId(orgId: string, providerMessageId: string): Promise<ContactPointMatch | null> {
    return this.#byOutbound.get(`${orgId}|${providerMessageId}`) ?? null;
  }
}

export class MemoryTimeline implements TimelineWriter {
  readonly entries: ChannelTimelineEntry[] = [];
  /** Set to make the next append fail (tests of retry). */
  failNext = 0;
  async append(entry: ChannelTimelineEntry): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('timeline unavailable');
    }
    this.entries.push(structuredClone(entry));
  }
  /** The debtor's entries as the timeline reads them: the personal part opened over the facts. */
  forDebtor(debtorId: string): ChannelTimelineEntry[] {
    return this.entries
      .filter((e) => e.debtorId === debtorId)
      .map(({ personal, ...e }) => ({
        ...e,
        summary: personal?.summary ?? e.summary,
        data: personal?.data ? { ...e.data, ...personal.data } : e.data,
      }));
  }
}

export class MemoryEventBus implements EventBus {
  readonly published: ChannelDomainEvent[] = [];
  readonly #listeners: ((e: ChannelDomainEvent) => void)[] = [];
  async publish(e: ChannelDomainEvent): Promise<void> {
    this.published.push(e);
    for (const l of this.#listeners) l(e);
  }
  subscribe(l: (e: ChannelDomainEvent) => void): void {
    this.#listeners.push(l);
  }
}

export class MemoryOptOuts implements OptOutRecorder {
  readonly optOuts: {
    orgId: string;
    debtorId: string;
    channel: Channel;
    address: string;
    source: string;
    at: Date;
  }[] = [];
  async optOut(input: {
    orgId: string;
    debtorId: string;
    channel: Channel;
    address: string;
    source: string;
    at: Date;
  }): Promise<void> {
    if (
      !this.optOuts.some(
        (o) => o.debtorId === input.debtorId && o.channel === input.channel && o.address === input.address,
      )
    )
      this.optOuts.push(input);
  }
  isOptedOut(debtorId: string, channel: Channel): boolean {
    return this.optOuts.some((o) => o.debtorId === debtorId && o.channel === channel);
  }
}
