import type { SqlExecutor } from '../../../shared/db/db.js';
import { appendDomainEvents } from '../../events/index.js';
import { recordEventKey, type RecordDomainEvent } from '../record-events.js';

/** Writes record events with the executor of the change's own transaction (the outbox pattern). */
export function appendRecordEvents(
  tx: SqlExecutor,
  events: readonly RecordDomainEvent[],
  at: Date,
): Promise<void> {
  return appendDomainEvents(
    tx,
    events.map((event) => ({ key: recordEventKey(event), event })),
    at,
  );
}
