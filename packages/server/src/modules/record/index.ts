export { createRecordModule, type RecordModule, type RecordModuleConfig } from './create-record-module.js';
export type { RecordService } from './usecases/record.js';
export type * from './ports.js';
export { actors } from './ports.js';
/** For SQL adapters of other modules that append history inside their own transaction. */
export { appendTimeline } from './adapters/sql-timeline-store.js';
export { recordEventKey, type RecordDomainEvent } from './record-events.js';
