import type { Db } from '../../../shared/db/db.js';
import { readOfferFacts } from '../../record/index.js';
import type { OfferAccountSource } from '../ports.js';

/** Account facts from the record, read as the record's offer gate reads them (without the lock). */
export function createRecordOfferAccounts(db: Db): OfferAccountSource {
  return {
    async facts(orgId, accountId, now) {
      const f = await readOfferFacts(db, orgId, accountId, now, { lock: false });
      return f ? { account: f.account, portfolioId: f.portfolioId } : null;
    },
  };
}
