import { SaldoError } from '@saldo/core';
import type { Agreement, Refusal } from '@saldo/core/offers';

/**
 * A promise, plan or settlement the offer gate refused (ADR 0009), with every refusal and the
 * closest allowed counter-offer. The HTTP routes answer 422 with both; elsewhere it is a
 * `conflict` (the policy in force does not allow it), which a reply's promise path logs and skips.
 */
export class OfferRefused extends SaldoError {
  constructor(
    readonly refusals: readonly Refusal[],
    readonly counter: Agreement | null,
  ) {
    super(
      'conflict',
      `refused by the offer policy: ${refusals.map((r) => r.message).join('; ')}`,
      refusals.map((r) => ({ path: r.code, message: r.message })),
    );
    this.name = 'OfferRefused';
  }
}
