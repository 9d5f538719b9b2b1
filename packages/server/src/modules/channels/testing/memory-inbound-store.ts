import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { InboundStore, StoredInbound } from '../ports/inbound-store.js';

/** In-memory InboundStore: the fake for tests and the sandbox-only demo. Not durable. */
export class MemoryInboundStore implements InboundStore {
  readonly #byId = new Map<string, StoredInbound>();
  readonly #byKey = new Map<string, string>();
  #seq = 0;

  async storeOnce(event: OrgInboundEvent, receivedAt: Date): Promise<{ stored: boolean; id: string }> {
    const key = `${event.orgId}\u0000${event.provider}\u0000${event.providerMessageId}`;
    const existing = this.#byKey.get(key);
    if (existing) return { stored: false, id: existing };
    const id = `inb_${(++this.#seq).toString().padStart(8, '0')}`;
    this.#byKey.set(key, id);
    this.#byId.set(id, {
      id,
      event: structuredClone(event),
      receivedAt,
      attempts: 0,
      processedAt: null,
      lastError: null,
    });
    return { stored: true, id };
  }

  async markProcessed(id: string, at: Date): Promise<void> {
    const r = this.#byId.get(id);
    if (r && !r.processedAt) r.processedAt = at;
  }

  async markFailed(id: string, error: string): Promise<void> {
    const r = this.#byId.get(id);
    if (r) {
      r.attempts += 1;
      r.lastError = error;
    }
  }

  async listUnprocessed(limit: number, maxAttempts = 10): Promise<StoredInbound[]> {
    return [...this.#byId.values()]
      .filter((r) => !r.processedAt && r.attempts < maxAttempts)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }

  async get(id: string): Promise<StoredInbound | null> {
    const r = this.#byId.get(id);
    return r ? structuredClone(r) : null;
  }
}
