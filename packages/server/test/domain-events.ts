import type { Db } from '../src/shared/db/db.js';

/** Every domain event written so far (payloads, in sequence order): what the outbox holds for the worker. */
export async function domainEvents<E = { type: string; orgId: string }>(db: Db): Promise<E[]> {
  const r = await db.query<{ payload: unknown }>('SELECT payload FROM domain_events ORDER BY seq');
  return r.rows.map((x) => (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as E);
}
