import { describe, expect, it } from 'vitest';
import { canTransition } from './account-status.js';
import {
  allocateReplyPromise,
  allocateToPromises,
  brokenPromiseCutoff,
  canRecordPromise,
  lastKeepingDay,
  noPromisePending,
  promiseChannels,
  promiseMade,
  replyPromiseDueDate,
  statusAfterKeptPromises,
  statusAfterPromise,
  type PromiseState,
} from './promise.js';

const ptp = (over: Partial<PromiseState> = {}): PromiseState => ({
  id: 'ptp_1',
  amountMinor: 5000,
  paidMinor: 0,
  dueDate: '2026-11-27',
  status: 'pending',
  ...over,
});

describe('promise dates', () => {
  it('keeps a promise through the grace days and breaks it the day after', () => {
    expect(lastKeepingDay('2026-11-27')).toBe('2026-11-30');
    // The sweep on the first day after the last keeping day breaks it; not a day earlier.
    expect('2026-11-27' < brokenPromiseCutoff('2026-12-01')).toBe(true);
    expect('2026-11-27' < brokenPromiseCutoff('2026-11-30')).toBe(false);
  });
});

describe('allocateToPromises', () => {
  it('pays the oldest due date first and keeps what is paid in full', () => {
    const u = allocateToPromises(
      [ptp({ id: 'late', dueDate: '2026-11-28' }), ptp({ id: 'early', dueDate: '2026-11-20' })],
      { amountMinor: 7000, paidOn: '2026-11-21', balanceCleared: false },
    );
    expect(u).toEqual([
      { id: 'early', paidMinor: 5000, status: 'kept' },
      { id: 'late', paidMinor: 2000, status: 'pending' },
    ]);
  });
  it('skips promises past their last keeping day and promises no longer pending', () => {
    const u = allocateToPromises([ptp({ dueDate: '2026-11-01' }), ptp({ id: 'k', status: 'kept' })], {
      amountMinor: 5000,
      paidOn: '2026-11-20',
      balanceCleared: false,
    });
    expect(u).toEqual([]);
  });
  it('keeps a partly paid promise when the balance is cleared', () => {
    expect(
      allocateToPromises([ptp()], { amountMinor: 1000, paidOn: '2026-11-26', balanceCleared: true }),
    ).toEqual([{ id: 'ptp_1', paidMinor: 1000, status: 'kept' }]);
  });
});

describe('promise status moves', () => {
  it('are transitions of the account state machine', () => {
    expect(canTransition(promiseMade.from, promiseMade.to)).toBe(true);
    expect(canTransition(noPromisePending.from, noPromisePending.to)).toBe(true);
  });
  it('record a promise on active (→ promised), promised and legal accounts only', () => {
    expect(statusAfterPromise('active')).toBe('promised');
    expect(statusAfterPromise('legal')).toBe('legal');
    expect(canRecordPromise('promised')).toBe(true);
    expect(canRecordPromise('in_plan')).toBe(false);
    expect(canRecordPromise('disputed')).toBe(false);
  });
  it('return a promised account to active once kept promises leave none pending', () => {
    const kept = [{ id: 'ptp_1', paidMinor: 5000, status: 'kept' as const }];
    expect(statusAfterKeptPromises('promised', [ptp()], kept)).toBe('active');
    expect(statusAfterKeptPromises('promised', [ptp(), ptp({ id: 'ptp_2' })], kept)).toBe('promised');
    expect(statusAfterKeptPromises('legal', [ptp()], kept)).toBe('legal');
    expect(statusAfterKeptPromises('promised', [ptp()], [])).toBe('promised');
  });
});

describe('promises read in replies', () => {
  it('are due on the date named, unless it is before the reply day, else some days later (UTC)', () => {
    expect(replyPromiseDueDate('2026-11-24T23:30:00Z', '2026-11-27', 7)).toBe('2026-11-27');
    expect(replyPromiseDueDate('2026-11-24T23:30:00Z', '2026-11-23', 7)).toBe('2026-12-01');
    expect(replyPromiseDueDate('2026-11-24T23:30:00Z', undefined, 0)).toBe('2026-11-24');
    expect(() => replyPromiseDueDate('yesterday', undefined, 7)).toThrow(RangeError);
  });
  it('spread a named amount over the oldest debts first, in their currency', () => {
    const accounts = [
      { id: 'acct_a', dpd: 10, balanceMinor: 30000, currency: 'MXN' },
      { id: 'acct_b', dpd: 40, balanceMinor: 20000, currency: 'MXN' },
      { id: 'acct_c', dpd: 90, balanceMinor: 1000, currency: 'USD' },
      { id: 'acct_d', dpd: 99, balanceMinor: 0, currency: 'MXN' },
    ];
    // The oldest debt with a balance is in USD: the named pesos are in another currency, so every
    // balance is promised in full.
    expect(allocateReplyPromise(accounts, { value: 300, currency: 'MXN' })).toEqual([
      { accountId: 'acct_c', amountMinor: 1000 },
      { accountId: 'acct_b', amountMinor: 20000 },
      { accountId: 'acct_a', amountMinor: 30000 },
    ]);
    const pesos = accounts.filter((a) => a.currency === 'MXN');
    expect(allocateReplyPromise(pesos, { value: 300 })).toEqual([
      { accountId: 'acct_b', amountMinor: 20000 },
      { accountId: 'acct_a', amountMinor: 10000 },
    ]);
    expect(allocateReplyPromise(pesos, { value: 100 })).toEqual([
      { accountId: 'acct_b', amountMinor: 10000 },
    ]);
    expect(allocateReplyPromise([], { value: 100 })).toEqual([]);
  });
  it('are made through a conversation or the portal', () => {
    expect(promiseChannels).toEqual(['call', 'voicebot', 'sms', 'whatsapp', 'email', 'portal']);
  });
});
