import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type { ReceiveInbound } from './receive-inbound.js';

export interface ProviderEventIntake {
  /** A provider's own event (sandbox, email bounce): stored durably, then processed. */
  ingest(e: OrgInboundEvent): Promise<void>;
  /** Runs `fn` collecting the events it produces, then ingests them together (one insert, one mark). */
  collectDuring<T>(fn: () => Promise<T>): Promise<T>;
}

export interface ProviderEventIntakeDeps {
  inbound: Pick<ReceiveInbound, 'ingest'>;
  log: (level: 'error', msg: string, data: Record<string, unknown>) => void;
}

/**
 * Events providers produce themselves go through the same store → process pipeline as webhooks.
 * During a sandbox tick they are collected and ingested as one batch.
 */
export function createProviderEventIntake({ inbound, log }: ProviderEventIntakeDeps): ProviderEventIntake {
  let collecting: OrgInboundEvent[] | null = null;
  const ingestAll = async (events: readonly OrgInboundEvent[]): Promise<void> => {
    if (events.length === 0) return;
    try {
      await inbound.ingest(events);
    } catch (err) {
      // Stored events are retried by processPending; events that could not be stored are logged.
      log('error', 'provider events not ingested', {
        events: events.length,
        first: `${events[0]!.provider}/${events[0]!.providerMessageId}`,
        error: String(err),
      });
    }
  };
  return {
    async ingest(e) {
      if (collecting) collecting.push(e);
      else await ingestAll([e]);
    },
    async collectDuring(fn) {
      const batch: OrgInboundEvent[] = (collecting = []);
      try {
        return await fn();
      } finally {
        collecting = null;
        await ingestAll(batch);
      }
    },
  };
}
