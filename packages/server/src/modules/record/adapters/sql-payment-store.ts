import type { Db } from '../../../shared/db/db.js';
import type { PaymentStore, RecordedPayment } from '../ports.js';
import { findPriorPayment, lockPaymentTarget } from './payment-reads.js';
import { writePayment } from './write-payment.js';

const isUniqueViolation = (e: unknown) => (e as { code?: unknown } | null)?.code === '23505';

/** Payments: one transaction locks the account, asks the payment rules, and writes their effect. */
export function createSqlPaymentStore(db: Db): PaymentStore {
  const recordOnce: PaymentStore['record'] = (p, decide) =>
    db.transaction(async (tx): Promise<RecordedPayment | null> => {
      const prior = p.externalId ? await findPriorPayment(tx, p.orgId, p.externalId) : null;
      if (prior) return prior;
      const target = await lockPaymentTarget(tx, p.orgId, p.accountId);
      if (!target) return null;
      const effect = decide(
        { balanceMinor: target.balanceMinor, status: target.status, currency: target.currency },
        target.promises,
        { plan: target.plan, settlement: target.settlement },
      );
      return writePayment(tx, p, target, effect);
    });

  return {
    async record(p, decide) {
      // Two requests with one new externalId race to the unique index: the loser runs again and
      // finds the winner's payment (a duplicate, or a conflict if it differs).
      return recordOnce(p, decide).catch((e: unknown) => {
        if (!p.externalId || !isUniqueViolation(e)) throw e;
        return recordOnce(p, decide);
      });
    },
  };
}
