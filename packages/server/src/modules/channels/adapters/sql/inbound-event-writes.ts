import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { OrgInboundEvent } from '../../ports/channel-provider.js';
import type { InboundStore } from '../../ports/inbound-store.js';

type StoreResult = { stored: boolean; id: string };
type KeyRow = { id: string; org_id: string; provider: string; provider_message_id: string };

/** An event's de-duplication key: (org, provider, provider message id). */
const keyOf = (org: string, provider: string, pmid: string) => `${org}\u0000${provider}\u0000${pmid}`;
const eventKey = (e: OrgInboundEvent) => keyOf(e.orgId, e.provider, e.providerMessageId);
const rowKey = (r: KeyRow) => keyOf(r.org_id, r.provider, r.provider_message_id);

/**
 * Writing inbound events: one autocommitted INSERT … ON CONFLICT DO NOTHING, so when it resolves
 * the row is on disk and a provider's redelivery finds the existing row instead of a second one.
 */
export function createSqlInboundEventWrites(
  db: SqlExecutor,
): Required<Pick<InboundStore, 'storeOnce' | 'storeMany'>> {
  return {
    async storeOnce(event, receivedAt) {
      const ins = await db.query<{ id: string }>(
        `INSERT INTO inbound_events (org_id, provider, provider_message_id, type, channel, payload, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (org_id, provider, provider_message_id) DO NOTHING RETURNING id`,
        [
          event.orgId,
          event.provider,
          event.providerMessageId,
          event.type,
          event.channel,
          JSON.stringify(event),
          receivedAt,
        ],
      );
      if (ins.rows[0]) return { stored: true, id: ins.rows[0].id };
      const existing = await db.query<{ id: string }>(
        'SELECT id FROM inbound_events WHERE org_id = $1 AND provider = $2 AND provider_message_id = $3',
        [event.orgId, event.provider, event.providerMessageId],
      );
      if (!existing.rows[0])
        throw new Error(
          `inbound event ${event.provider}/${event.providerMessageId} neither stored nor found`,
        );
      return { stored: false, id: existing.rows[0].id };
    },

    async storeMany(events, receivedAt) {
      if (events.length === 0) return [];
      const fresh = await insertMany(db, events, receivedAt);
      const missing = events.filter((e) => !fresh.has(eventKey(e)));
      const existing = missing.length > 0 ? await findExisting(db, missing) : new Map<string, string>();
      return events.map((e) => resultOf(e, fresh, existing));
    },
  };
}

/** Inserts the events in input order; returns the ids of those newly stored, by key. */
async function insertMany(
  db: SqlExecutor,
  events: readonly OrgInboundEvent[],
  receivedAt: Date,
): Promise<Map<string, string>> {
  // Rows go in input order (ids from a sequence, as in simulations, follow it); ON CONFLICT also skips a second copy within the call.
  const ins = await db.query<KeyRow>(
    `INSERT INTO inbound_events (org_id, provider, provider_message_id, type, channel, payload, received_at)
     SELECT o, p, m, t, c, j::jsonb, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(o, p, m, t, c, j, n) ORDER BY n
     ON CONFLICT (org_id, provider, provider_message_id) DO NOTHING RETURNING id, org_id, provider, provider_message_id`,
    [
      events.map((e) => e.orgId),
      events.map((e) => e.provider),
      events.map((e) => e.providerMessageId),
      events.map((e) => e.type),
      events.map((e) => e.channel),
      events.map((e) => JSON.stringify(e)),
      receivedAt,
    ],
  );
  return new Map(ins.rows.map((r) => [rowKey(r), r.id]));
}

/** The ids of events already stored before this call, by key. */
async function findExisting(
  db: SqlExecutor,
  missing: readonly OrgInboundEvent[],
): Promise<Map<string, string>> {
  const r = await db.query<KeyRow>(
    `SELECT e.id, e.org_id, e.provider, e.provider_message_id FROM inbound_events e
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS u(o, p, m) ON e.org_id = u.o AND e.provider = u.p AND e.provider_message_id = u.m`,
    [missing.map((e) => e.orgId), missing.map((e) => e.provider), missing.map((e) => e.providerMessageId)],
  );
  return new Map(r.rows.map((x) => [rowKey(x), x.id]));
}

/** One event's result, in input order: the first copy is stored, a later copy is its duplicate. */
function resultOf(
  e: OrgInboundEvent,
  fresh: Map<string, string>,
  existing: Map<string, string>,
): StoreResult {
  const k = eventKey(e);
  const id = fresh.get(k);
  if (id !== undefined) {
    fresh.delete(k); // a second copy in this call is a duplicate of the first
    existing.set(k, id);
    return { stored: true, id };
  }
  const old = existing.get(k);
  if (old === undefined)
    throw new Error(`inbound event ${e.provider}/${e.providerMessageId} neither stored nor found`);
  return { stored: false, id: old };
}
