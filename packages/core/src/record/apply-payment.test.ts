import { describe, expect, it } from 'vitest';
import { SaldoError } from '../errors/index.js';
import { applyPayment } from './apply-payment.js';
import type { PromiseState } from './promise.js';

const ptp = (over: Partial<PromiseState> = {}): PromiseState => ({
  id: 'ptp_1',
  amountMinor: 5000,
  paidMinor: 0,
  dueDate: '2026-11-27',
  status: 'pending',
  ...over,
});
const acct = { balanceMinor: 10000, status: 'promised' as const, currency: 'MXN' };

describe('applyPayment', () => {
  it('keeps a promise paid in full on time and returns the account to active', () => {
    const e = applyPayment(acct, [ptp()], { amountMinor: 5000, currency: 'MXN', paidOn: '2026-11-26' });
    expect(e).toEqual({
      balanceMinor: 5000,
      status: 'active',
      overpaymentMinor: 0,
      promiseUpdates: [{ id: 'ptp_1', paidMinor: 5000, status: 'kept' }],
      plan: null,
      settlement: null,
    });
  });
  it('a partial payment accumulates on the promise without keeping it', () => {
    const e = applyPayment(acct, [ptp()], { amountMinor: 2000, currency: 'MXN', paidOn: '2026-11-26' });
    expect(e.promiseUpdates).toEqual([{ id: 'ptp_1', paidMinor: 2000, status: 'pending' }]);
    expect(e.status).toBe('promised');
  });
  it('a payment later than due date + grace does not keep the promise', () => {
    const e = applyPayment(acct, [ptp()], { amountMinor: 5000, currency: 'MXN', paidOn: '2026-12-01' });
    expect(e.promiseUpdates).toEqual([]);
    expect(
      applyPayment(acct, [ptp()], { amountMinor: 5000, currency: 'MXN', paidOn: '2026-11-30' })
        .promiseUpdates[0]?.status,
    ).toBe('kept');
  });
  it('clearing the balance marks the account paid and caps at zero with the overpayment reported', () => {
    const e = applyPayment({ ...acct, status: 'active' }, [], {
      amountMinor: 12000,
      currency: 'MXN',
      paidOn: '2026-11-26',
    });
    expect(e).toMatchObject({ balanceMinor: 0, status: 'paid', overpaymentMinor: 2000 });
  });
  it('refuses another currency and non-positive amounts', () => {
    expect(() => applyPayment(acct, [], { amountMinor: 100, currency: 'USD', paidOn: '2026-11-26' })).toThrow(
      SaldoError,
    );
    expect(() => applyPayment(acct, [], { amountMinor: 0, currency: 'MXN', paidOn: '2026-11-26' })).toThrow(
      /positive/,
    );
  });
  it('covers the oldest promise first', () => {
    const e = applyPayment(
      acct,
      [ptp({ id: 'b', dueDate: '2026-12-10' }), ptp({ id: 'a', dueDate: '2026-11-28' })],
      { amountMinor: 6000, currency: 'MXN', paidOn: '2026-11-26' },
    );
    expect(e.promiseUpdates).toEqual([
      { id: 'a', paidMinor: 5000, status: 'kept' },
      { id: 'b', paidMinor: 1000, status: 'pending' },
    ]);
    expect(e.status).toBe('promised'); // promise b still pending
  });
});
