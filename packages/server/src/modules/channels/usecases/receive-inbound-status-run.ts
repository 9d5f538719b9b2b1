import type { OrgInboundEvent } from '../ports/channel-provider.js';
import type {
  ChannelDomainEvent,
  ChannelTimelineEntry,
  ContactPointLookup,
  ContactPointMatch,
  TimelineWriter,
} from '../ports/channel-records.js';
import { statusEntry } from './receive-inbound-facts.js';
import type { ReceiveInboundDeps } from './receive-inbound.js';

type Run = ReadonlyArray<{ id: string; event: OrgInboundEvent }>;

/**
 * Status callbacks in bulk, in one transaction: one lookup per organisation, one timeline insert,
 * one delivery update per organisation, then the events published in order. False (nothing lost:
 * the caller processes them one by one, and the timeline de-duplicates) when the stores cannot
 * batch or a batch write fails.
 */
export function createStatusRun(
  deps: ReceiveInboundDeps,
  transaction: <T>(fn: () => Promise<T>) => Promise<T>,
): (run: Run) => Promise<boolean> {
  const log = deps.log ?? (() => {});
  return async (run) => {
    const { findByOutboundIds } = deps.contacts;
    const { appendMany } = deps.timeline;
    if (
      !findByOutboundIds ||
      !appendMany ||
      !deps.store.markProcessedMany ||
      (deps.deliveries && !deps.deliveries.applyStatusMany)
    )
      return false;
    try {
      await transaction(() => writeStatusRun(deps, run, findByOutboundIds, appendMany));
      return true;
    } catch (err) {
      log('batched status processing failed; processing one by one', {
        events: run.length,
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
  };
}

async function writeStatusRun(
  deps: ReceiveInboundDeps,
  run: Run,
  findByOutboundIds: NonNullable<ContactPointLookup['findByOutboundIds']>,
  appendMany: NonNullable<TimelineWriter['appendMany']>,
): Promise<void> {
  const matches = new Map<string, Map<string, ContactPointMatch>>();
  for (const orgId of new Set(run.map((x) => x.event.orgId))) {
    const ids = run.flatMap((x) =>
      x.event.orgId === orgId && x.event.type === 'status' ? [x.event.outboundId] : [],
    );
    matches.set(orgId, await findByOutboundIds.call(deps.contacts, orgId, ids));
  }
  const matchOf = (e: OrgInboundEvent) =>
    e.type === 'status' ? matches.get(e.orgId)?.get(e.outboundId) : undefined;
  const entries: ChannelTimelineEntry[] = [];
  for (const { id, event: e } of run) {
    const m = matchOf(e);
    if (m && e.type === 'status') entries.push(statusEntry(id, e, m));
  }
  await appendMany.call(deps.timeline, entries);
  for (const orgId of matches.keys()) {
    const items = run.flatMap((x) =>
      x.event.orgId === orgId && x.event.type === 'status'
        ? [{ provider: x.event.provider, providerMessageId: x.event.outboundId, status: x.event.status }]
        : [],
    );
    await deps.deliveries?.applyStatusMany?.(orgId, items, deps.clock.now());
  }
  const events = run.flatMap(({ id, event: e }): ChannelDomainEvent[] =>
    e.type === 'status'
      ? [
          {
            type: 'channel.status_changed',
            inboundId: id,
            orgId: e.orgId,
            debtorId: matchOf(e)?.debtorId ?? null,
            event: e,
          },
        ]
      : [],
  );
  if (deps.events.publishMany) await deps.events.publishMany(events);
  else for (const e of events) await deps.events.publish(e);
}
