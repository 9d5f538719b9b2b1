import type { Db } from '../../../shared/db/db.js';
import type { OutboxStore } from '../ports.js';
import { claimContacts } from './sql-outbox-claim.js';
import { markRefusedMany, markSentMany } from './sql-outbox-mark-many.js';
import { markFailed, markRefused, markSent } from './sql-outbox-marks.js';
import { contactByProviderMessage, outboxStats } from './sql-outbox-reads.js';

/** The command outbox in SQL: claiming due contacts, marking their outcomes, and reading them back. */
export function createSqlOutboxStore(db: Db): OutboxStore {
  return {
    claim: (o) => claimContacts(db, o),
    markSent: (id, owner, providerMessageId, at) => markSent(db, id, owner, providerMessageId, at),
    markRefused: (id, owner, reasons, nextAllowedAt, at) =>
      markRefused(db, id, owner, reasons, nextAllowedAt, at),
    markSentMany: (owner, items) => markSentMany(db, owner, items),
    markRefusedMany: (owner, items) => markRefusedMany(db, owner, items),
    markFailed: (id, owner, error, retryAt, terminal, at) =>
      markFailed(db, id, owner, error, retryAt, terminal, at),
    byProviderMessage: (orgId, providerMessageId) => contactByProviderMessage(db, orgId, providerMessageId),
    stats: (orgId) => outboxStats(db, orgId),
  };
}
