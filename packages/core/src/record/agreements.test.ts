import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateToInstallments,
  lapsedSettlementCutoff,
  pauseEndsAt,
  payTowardsSettlement,
  statusAfterPlan,
  type InstallmentState,
  type PlanState,
} from './agreements.js';
import { applyPayment } from './apply-payment.js';
import { canTransition } from './account-status.js';

const inst = (seq: number, dueDate: string, over: Partial<InstallmentState> = {}): InstallmentState => ({
  seq,
  dueDate,
  amountMinor: 30000,
  paidMinor: 0,
  status: 'pending',
  ...over,
});
const plan3: PlanState = {
  id: 'plan_1',
  installments: [inst(1, '2026-12-01'), inst(2, '2027-01-01'), inst(3, '2027-02-01')],
};

describe('allocateToInstallments', () => {
  it('pays the first unpaid instalment, then the next ones ahead', () => {
    expect(allocateToInstallments(plan3, 40000, '2026-11-30')).toEqual({
      updates: [
        { seq: 1, paidMinor: 30000, status: 'paid' },
        { seq: 2, paidMinor: 10000, status: 'pending' },
      ],
      completed: false,
    });
  });

  it('an instalment paid in full after its grace days is late, not paid', () => {
    expect(allocateToInstallments(plan3, 30000, '2026-12-05').updates).toEqual([
      { seq: 1, paidMinor: 30000, status: 'late' },
    ]);
    expect(allocateToInstallments(plan3, 30000, '2026-12-04').updates[0]!.status).toBe('paid');
  });

  it('completes the plan when the last instalment is paid', () => {
    const nearlyDone: PlanState = {
      id: 'plan_1',
      installments: [
        inst(1, '2026-12-01', { paidMinor: 30000, status: 'paid' }),
        inst(2, '2027-01-01', { paidMinor: 30000, status: 'late' }),
        inst(3, '2027-02-01', { paidMinor: 5000 }),
      ],
    };
    expect(allocateToInstallments(nearlyDone, 25000, '2027-01-20')).toEqual({
      updates: [{ seq: 3, paidMinor: 30000, status: 'paid' }],
      completed: true,
    });
  });

  it('never allocates more than the payment nor more than an instalment (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (amounts, pay) => {
          const plan: PlanState = {
            id: 'p',
            installments: amounts.map((a, i) => inst(i + 1, '2026-12-01', { amountMinor: a })),
          };
          const { updates, completed } = allocateToInstallments(plan, pay, '2026-11-30');
          const total = updates.reduce((s, u) => s + u.paidMinor, 0);
          const owed = amounts.reduce((s, a) => s + a, 0);
          expect(total).toBe(Math.min(pay, owed));
          for (const u of updates) expect(u.paidMinor).toBeLessThanOrEqual(amounts[u.seq - 1]!);
          expect(completed).toBe(pay >= owed);
        },
      ),
    );
  });
});

describe('statusAfterPlan', () => {
  it('puts collectable accounts in a plan and leaves the lawyers theirs', () => {
    expect(statusAfterPlan('active')).toBe('in_plan');
    expect(statusAfterPlan('promised')).toBe('in_plan');
    expect(statusAfterPlan('legal')).toBe('legal');
    for (const s of ['active', 'promised'] as const) expect(canTransition(s, 'in_plan')).toBe(true);
  });
});

describe('payTowardsSettlement', () => {
  const s = { id: 'stl_1', amountMinor: 300000, paidMinor: 100000, payBy: '2026-12-10' };
  it('adds up payments and settles when they reach the amount', () => {
    expect(payTowardsSettlement(s, 100000, '2026-12-09')).toEqual({ paidMinor: 200000, settled: false });
    expect(payTowardsSettlement(s, 200000, '2026-12-13')).toEqual({ paidMinor: 300000, settled: true });
  });
  it('does not count a payment after the pay-by date plus the grace days', () => {
    expect(payTowardsSettlement(s, 200000, '2026-12-14')).toBeNull();
    expect(lapsedSettlementCutoff('2026-12-14')).toBe('2026-12-11');
  });
});

describe('applyPayment with agreements', () => {
  const acct = { balanceMinor: 90000, status: 'in_plan' as const, currency: 'MXN' };
  it('pays instalments and returns the account to active when the plan is completed with a balance left', () => {
    const two: PlanState = { id: 'plan_1', installments: [inst(1, '2026-12-01'), inst(2, '2027-01-01')] };
    const e = applyPayment(
      { ...acct, balanceMinor: 90000 },
      [],
      { amountMinor: 60000, currency: 'MXN', paidOn: '2026-11-30' },
      { plan: two },
    );
    expect(e.plan).toEqual({
      id: 'plan_1',
      updates: [
        { seq: 1, paidMinor: 30000, status: 'paid' },
        { seq: 2, paidMinor: 30000, status: 'paid' },
      ],
      completed: true,
    });
    expect(e.status).toBe('active');
    expect(e.balanceMinor).toBe(30000);
  });

  it('a plan that clears the balance leaves the account paid', () => {
    const e = applyPayment(
      { ...acct, balanceMinor: 30000 },
      [],
      { amountMinor: 30000, currency: 'MXN', paidOn: '2026-11-30' },
      {
        plan: { id: 'plan_1', installments: [inst(1, '2026-12-01')] },
      },
    );
    expect([e.status, e.plan?.completed]).toEqual(['paid', true]);
  });

  it('settles the account when the settlement is paid up, forgiving the rest', () => {
    const e = applyPayment(
      { balanceMinor: 500000, status: 'active', currency: 'MXN' },
      [],
      { amountMinor: 200000, currency: 'MXN', paidOn: '2026-12-05' },
      { settlement: { id: 'stl_1', amountMinor: 300000, paidMinor: 100000, payBy: '2026-12-10' } },
    );
    expect(e).toMatchObject({
      balanceMinor: 0,
      status: 'settled',
      settlement: { id: 'stl_1', paidMinor: 300000, settled: true, waivedMinor: 300000 },
    });
  });

  it('a part payment towards a settlement only lowers the balance', () => {
    const e = applyPayment(
      { balanceMinor: 500000, status: 'active', currency: 'MXN' },
      [],
      { amountMinor: 100000, currency: 'MXN', paidOn: '2026-12-05' },
      { settlement: { id: 'stl_1', amountMinor: 300000, paidMinor: 0, payBy: '2026-12-10' } },
    );
    expect(e).toMatchObject({
      balanceMinor: 400000,
      status: 'active',
      settlement: { paidMinor: 100000, settled: false, waivedMinor: 0 },
    });
  });

  it('a bankrupt account is never settled by Saldo', () => {
    const e = applyPayment(
      { balanceMinor: 500000, status: 'bankrupt', currency: 'MXN' },
      [],
      { amountMinor: 300000, currency: 'MXN', paidOn: '2026-12-05' },
      { settlement: { id: 'stl_1', amountMinor: 300000, paidMinor: 0, payBy: '2026-12-10' } },
    );
    expect(e).toMatchObject({ balanceMinor: 200000, status: 'bankrupt', settlement: { settled: false } });
  });
});

describe('pauseEndsAt', () => {
  it('is the start of the pause end date in the debtor zone while paused, else null', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(pauseEndsAt('2026-12-24', 'America/Mexico_City', now)).toBe('2026-12-24T06:00:00.000Z');
    expect(pauseEndsAt('2026-12-24', 'Europe/Madrid', now)).toBe('2026-12-23T23:00:00.000Z');
    expect(pauseEndsAt('2026-12-01', 'America/Mexico_City', now)).toBeNull();
    expect(pauseEndsAt(null, 'America/Mexico_City', now)).toBeNull();
  });
});
