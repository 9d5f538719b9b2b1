import type { AccountStatus } from '@saldo/core/record';

/**
 * Events of the common record, written to the domain-event outbox in the same transaction as the
 * change (adapters/write-payment.ts, sql-promise-expiry-store.ts, sql-agreement-store.ts,
 * sql-agreement-expiry-store.ts; disputes opened in a conversation by the dialogue module). The strategy engine's event
 * router consumes them; amounts are integer minor units of `currency`.
 */
export type RecordDomainEvent =
  | {
      type: 'payment.recorded';
      orgId: string;
      accountId: string;
      debtorId: string;
      paymentId: string;
      amountMinor: number;
      currency: string;
      balanceAfterMinor: number;
      paidAt: string;
    }
  | {
      type: 'promise.made';
      orgId: string;
      accountId: string;
      debtorId: string;
      promiseId: string;
      amountMinor: number;
      currency: string;
      dueDate: string;
      channel: string | null;
      actor: string;
    }
  | {
      type: 'promise.kept';
      orgId: string;
      accountId: string;
      debtorId: string;
      promiseId: string;
      paymentId: string;
    }
  | {
      type: 'promise.broken';
      orgId: string;
      accountId: string;
      debtorId: string;
      promiseId: string;
      dueDate: string;
    }
  | {
      type: 'plan.created';
      orgId: string;
      accountId: string;
      debtorId: string;
      planId: string;
      frequency: string;
      installments: number;
      installmentMinor: number;
      totalMinor: number;
      currency: string;
      firstDue: string;
      channel: string | null;
      actor: string;
    }
  | {
      type: 'plan.completed';
      orgId: string;
      accountId: string;
      debtorId: string;
      planId: string;
      paymentId: string;
    }
  | {
      type: 'plan.broken';
      orgId: string;
      accountId: string;
      debtorId: string;
      planId: string;
      /** The first instalment left unpaid past its due date plus the grace days. */
      missedSeq: number;
      dueDate: string;
    }
  | {
      type: 'settlement.offered';
      orgId: string;
      accountId: string;
      debtorId: string;
      settlementOfferId: string;
      amountMinor: number;
      balanceMinor: number;
      currency: string;
      expires: string;
      needsApproval: boolean;
      channel: string | null;
      actor: string;
    }
  | {
      type: 'settlement.accepted';
      orgId: string;
      accountId: string;
      debtorId: string;
      settlementOfferId: string;
      amountMinor: number;
      currency: string;
      payBy: string;
    }
  | {
      type: 'settlement.settled';
      orgId: string;
      accountId: string;
      debtorId: string;
      settlementOfferId: string;
      paidMinor: number;
      waivedMinor: number;
      currency: string;
      paymentId: string;
    }
  | {
      /** An offer nobody accepted (`expired`), or an accepted one not paid by its date (`lapsed`). */
      type: 'settlement.expired' | 'settlement.lapsed';
      orgId: string;
      accountId: string;
      debtorId: string;
      settlementOfferId: string;
      expires: string;
    }
  | {
      type: 'dispute.opened';
      orgId: string;
      accountId: string;
      debtorId: string;
      disputeId: string;
      reason: string;
      channel: string | null;
    }
  | {
      type: 'collection.paused';
      orgId: string;
      accountId: string;
      debtorId: string;
      /** The debtor's date on which collection contact resumes. */
      until: string;
      channel: string | null;
      actor: string;
    }
  | {
      type: 'account.status_changed';
      orgId: string;
      accountId: string;
      debtorId: string;
      from: AccountStatus;
      to: AccountStatus;
      /** The payment or promise id behind the change, or `promise_broken`. */
      cause: string;
    };

/**
 * The outbox key of a record event: ids make payment, promise, plan, settlement and dispute events
 * unique; a status change or a pause is written once by the transaction that makes it.
 */
export function recordEventKey(e: RecordDomainEvent): string | null {
  switch (e.type) {
    case 'payment.recorded':
      return `payment:${e.paymentId}`;
    case 'promise.made':
      return `promise:${e.promiseId}:made`;
    case 'promise.kept':
      return `promise:${e.promiseId}:kept`;
    case 'promise.broken':
      return `promise:${e.promiseId}:broken`;
    case 'plan.created':
      return `plan:${e.planId}:created`;
    case 'plan.completed':
      return `plan:${e.planId}:completed`;
    case 'plan.broken':
      return `plan:${e.planId}:broken`;
    case 'settlement.offered':
      return `settlement:${e.settlementOfferId}:offered`;
    case 'settlement.accepted':
      return `settlement:${e.settlementOfferId}:accepted`;
    case 'settlement.settled':
      return `settlement:${e.settlementOfferId}:settled`;
    case 'settlement.expired':
    case 'settlement.lapsed':
      return `settlement:${e.settlementOfferId}:ended`;
    case 'dispute.opened':
      return `dispute:${e.disputeId}:opened`;
    case 'collection.paused':
    case 'account.status_changed':
      return null;
  }
}
