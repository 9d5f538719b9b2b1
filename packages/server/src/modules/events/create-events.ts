// Composition of the domain-event path: the outbox modules write into, and the consumer the worker
// role runs on an interval.
import { hostname } from 'node:os';
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import { createSqlDomainEventStore, createSqlEventOutbox } from './adapters/sql-domain-event-store.js';
import { createEventConsumer, type DomainEventHandler } from './usecases/consume-events.js';

export interface BuildEventsOptions {
  db: Db;
  clock: Clock;
  /**
   * Every event goes to these handlers, in order (the strategy engine's event router, then the
   * webhook fan-out); each must be idempotent.
   */
  handle: DomainEventHandler | readonly DomainEventHandler[];
  /** See EventConsumerOptions.tallies. */
  tallies?: readonly string[];
  /** Lease owner prefix; default host:pid. */
  owner?: string;
  consumer?: { batchSize?: number; leaseMs?: number; maxAttempts?: number };
  log?: (msg: string, data: Record<string, unknown>) => void;
}

let instances = 0;

export function buildEvents(o: BuildEventsOptions) {
  const store = createSqlDomainEventStore(o.db);
  const consumer = createEventConsumer({
    store,
    handle: o.handle,
    clock: o.clock,
    owner: `${o.owner ?? `${hostname()}:${process.pid}:${++instances}`}:e`,
    ...(o.tallies ? { tallies: o.tallies } : {}),
    ...o.consumer,
    ...(o.log ? { log: o.log } : {}),
  });
  const quiet = <T extends Record<string, number>>(r: T) =>
    Object.values(r).some((n) => n > 0) ? r : undefined;
  return {
    outbox: createSqlEventOutbox(o.db),
    consumer,
    /** Consumes everything pending now (tests, simulations). */
    drain: () => consumer.drain(),
    /** Worker role: run on an interval (startPeriodic). */
    jobs: [{ name: 'domain-events', everyMs: 1_000, run: async () => quiet(await consumer.drain(20)) }],
  };
}
export type Events = ReturnType<typeof buildEvents>;
