import type { OutboundMessageStore } from '../../ports/contact-records.js';
import type { SqlExecutor } from '../../../../shared/db/db.js';
import { findByKey, findByKeys, getMessage, historyForDebtors } from './outbound-message-reads.js';
import { applyStatus, applyStatusMany } from './outbound-message-status.js';
import { insertOnce, markFailed, markSent } from './outbound-message-writes.js';

export { outcomeOf } from './outbound-message-status.js';

/** Outbound messages in SQL: written under their idempotency key, moved by status callbacks, read for compliance. */
export function createSqlOutboundMessageStore(db: SqlExecutor): OutboundMessageStore {
  return {
    insertOnce: (m) => insertOnce(db, m),
    markSent: (orgId, id, providerMessageId, status, at) =>
      markSent(db, orgId, id, providerMessageId, status, at),
    markFailed: (orgId, id, error, retryable, at) => markFailed(db, orgId, id, error, retryable, at),
    applyStatus: (orgId, provider, providerMessageId, status, at) =>
      applyStatus(db, orgId, provider, providerMessageId, status, at),
    applyStatusMany: (orgId, items, at) => applyStatusMany(db, orgId, items, at),
    get: (orgId, id) => getMessage(db, orgId, id),
    findByKey: (orgId, key) => findByKey(db, orgId, key),
    historyForDebtor: async (orgId, debtorId, since, until) =>
      (await historyForDebtors(db, orgId, [debtorId], since, until)).get(debtorId) ?? [],
    findByKeys: (orgId, keys) => findByKeys(db, orgId, keys),
    historyForDebtors: (orgId, debtorIds, since, until) =>
      historyForDebtors(db, orgId, debtorIds, since, until),
  };
}
