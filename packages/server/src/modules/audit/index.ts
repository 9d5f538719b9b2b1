export { createAuditModule, type AuditModule } from './create-audit-module.js';
export type { AuditTrail } from './usecases/audit-trail.js';
export type { ChainReport, ChainBreak } from './usecases/verify-chain.js';
export type { HttpAuditHooks } from './routes/http-audit.js';
export type { AuditActor, AuditEntry, AuditEvent } from './ports.js';
/** The hash of an entry (for tools and drills that check or forge a chain). */
export { entryHash } from './usecases/audit-hash.js';
