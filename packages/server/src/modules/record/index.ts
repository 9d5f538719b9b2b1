export { createRecordModule, type RecordModule, type RecordModuleConfig } from './create-record-module.js';
export type { RecordService } from './usecases/record.js';
export type * from './ports.js';
export { actors } from './ports.js';
/** For SQL adapters of other modules that append history inside their own transaction. */
export { appendTimeline, openTimelineRows } from './adapters/sql-timeline-store.js';
/** What of a timeline entry is personal, and the marker of a legacy entry scrubbed on erasure (ADR 0010). */
export {
  personalDataKeys,
  addressKeys,
  personalKinds,
  ERASED_SUMMARY,
  TIMELINE_PURPOSE,
  assertClearFacts,
  personalJson,
} from './adapters/timeline-personal.js';
/** For the offers module: an account's offer facts, read as the offer gate reads them. */
export { readOfferFacts } from './adapters/offer-facts-sql.js';
/** A promise, plan or settlement the offer gate refused (refusals and counter-offer). */
export { OfferRefused } from './usecases/offer-refused.js';
export { recordEventKey, type RecordDomainEvent } from './record-events.js';
