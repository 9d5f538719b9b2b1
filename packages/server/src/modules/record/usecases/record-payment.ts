import { SaldoError } from '@saldo/core';
import { isCurrency } from '@saldo/core/money';
import { applyPayment } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { Actor, PaymentStore, RecordedPayment } from '../ports.js';
import { PaymentAboveBalance } from './payment-above-balance.js';
import { assertMinorUnits, assertSamePayment, paidAtWithinBounds } from './payment-input.js';

export interface PaymentToRecord {
  accountId: string;
  amountMinor: number;
  currency: string;
  paidAt?: string;
  method?: string;
  externalId?: string;
  source: string;
  actor: Actor;
}

/** An external payment (creditor feed, PSP webhook, agent entry): balance, promises, the plan, the settlement, status, timeline. */
export async function recordPayment(
  deps: { payments: PaymentStore; clock: Clock },
  orgId: string,
  p: PaymentToRecord,
): Promise<RecordedPayment> {
  assertMinorUnits(p.amountMinor);
  if (!isCurrency(p.currency))
    throw new SaldoError('validation', `unsupported currency ${p.currency}`, [
      { path: 'currency', message: 'not ISO 4217 / not supported' },
    ]);
  const now = deps.clock.now();
  const paidAt = p.paidAt ? paidAtWithinBounds(p.paidAt, now) : now;
  const paidOn = paidAt.toISOString().slice(0, 10);
  const r = await deps.payments.record(
    {
      orgId,
      accountId: p.accountId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      paidAt,
      method: p.method ?? null,
      externalId: p.externalId ?? null,
      source: p.source,
      actor: p.actor,
      now,
    },
    (account, promises, agreements) => {
      // Decided under the account's row lock: two payments cannot both fit the same balance.
      if (account.currency === p.currency && p.amountMinor > account.balanceMinor)
        throw new PaymentAboveBalance(p.amountMinor, account.balanceMinor, account.currency);
      return applyPayment(
        account,
        promises,
        { amountMinor: p.amountMinor, currency: p.currency, paidOn },
        agreements,
      );
    },
  );
  if (!r) throw new SaldoError('not_found', `account ${p.accountId} not found`);
  if (r.duplicate) assertSamePayment(r, { ...p, paidAt: p.paidAt ? paidAt : undefined });
  return r;
}
