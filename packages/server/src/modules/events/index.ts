export { buildEvents, type BuildEventsOptions, type Events } from './create-events.js';
export { appendDomainEvents, createSqlEventOutbox } from './adapters/sql-domain-event-store.js';
export type { ConsumeResult, DomainEventHandler, EventConsumer } from './usecases/consume-events.js';
export type { DomainEvent, DomainEventMeta, EventOutbox, NewDomainEvent } from './ports.js';
