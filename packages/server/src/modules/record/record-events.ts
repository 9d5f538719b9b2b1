import type { AccountStatus } from '@saldo/core/record';

/**
 * Events of the common record, written to the domain-event outbox in the same transaction as the
 * change (adapters/sql-payment-store.ts, sql-promise-expiry-store.ts). The strategy engine's event
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
      type: 'account.status_changed';
      orgId: string;
      accountId: string;
      debtorId: string;
      from: AccountStatus;
      to: AccountStatus;
      /** The payment or promise id behind the change, or `promise_broken`. */
      cause: string;
    };

/** The outbox key of a record event: ids make payment and promise events unique; a status change is written once. */
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
    case 'account.status_changed':
      return null;
  }
}
