import { SaldoError } from '@saldo/core';

/**
 * A payment larger than the account's outstanding balance. Refused rather than recorded as an
 * overpayment: a typo (an extra zero, major units sent as minor) would otherwise close the account
 * and leave money to refund. The HTTP route answers 422 with this message; elsewhere it is a
 * `conflict` (the account's state does not allow the payment).
 */
export class PaymentAboveBalance extends SaldoError {
  constructor(
    readonly amountMinor: number,
    readonly balanceMinor: number,
    readonly currency: string,
  ) {
    super(
      'conflict',
      `the payment of ${amountMinor} ${currency} minor units exceeds the outstanding balance of ${balanceMinor} ${currency} minor units; record at most the balance (an overpayment is refunded outside Saldo)`,
      [{ path: 'amountMinor', message: `at most ${balanceMinor}` }],
    );
    this.name = 'PaymentAboveBalance';
  }
}
