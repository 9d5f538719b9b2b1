import type { Clock } from '../../../../shared/clock/clock.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import type { InboundStore } from '../../ports/inbound-store.js';
import { createSqlInboundEventProgress } from './inbound-event-progress.js';
import { createSqlInboundEventWrites } from './inbound-event-writes.js';

export { retryDelayMs } from './inbound-event-progress.js';

/**
 * Durable {@link InboundStore} on `inbound_events`. `storeOnce` is one autocommitted INSERT … ON
 * CONFLICT DO NOTHING: when it resolves the row is on disk, and a provider's redelivery (same
 * org, provider, provider message id) finds the existing row instead of creating a second one.
 * With a clock, `listUnprocessed` skips events whose backoff (`next_attempt_at`) has not elapsed.
 */
export function createSqlInboundStore(db: SqlExecutor, clock?: Clock): InboundStore {
  return { ...createSqlInboundEventWrites(db), ...createSqlInboundEventProgress(db, clock) };
}
