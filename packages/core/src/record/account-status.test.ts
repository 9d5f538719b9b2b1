import { describe, expect, it } from 'vitest';
import { SaldoError } from '../errors/index.js';
import { nonCollectibleStatuses } from '../strategy/global-rules.js';
import {
  accountStatuses,
  assertTransition,
  canTransition,
  collectableStatuses,
  creditorOwnedStatuses,
  enrolmentStatuses,
  isAccountStatus,
  moveStatus,
  nextStatuses,
  strategyStatuses,
  terminalStatuses,
} from './account-status.js';

describe('the account status machine', () => {
  it('has terminal statuses exactly where no transition leaves', () => {
    expect(accountStatuses.filter((s) => nextStatuses(s).length === 0)).toEqual([...terminalStatuses]);
  });

  it('only moves between known statuses, never to itself as a listed move, and always allows staying', () => {
    for (const from of accountStatuses) {
      expect(canTransition(from, from)).toBe(true);
      for (const to of nextStatuses(from)) {
        expect(isAccountStatus(to)).toBe(true);
        expect(to).not.toBe(from);
      }
    }
  });

  it('lets anything that is not terminal be closed (a creditor recall)', () => {
    for (const s of accountStatuses.filter((x) => !(terminalStatuses as readonly string[]).includes(x)))
      expect(canTransition(s, 'closed')).toBe(true);
  });

  it('moveStatus returns the target of a legal move and refuses an illegal one with a conflict', () => {
    expect(moveStatus('active', 'promised')).toBe('promised');
    expect(moveStatus('promised', 'promised')).toBe('promised');
    expect(() => moveStatus('paid', 'active')).toThrow(SaldoError);
    try {
      assertTransition('closed', 'active');
    } catch (e) {
      expect((e as SaldoError).kind).toBe('conflict');
    }
  });

  it('has named groups made of real statuses', () => {
    for (const group of [
      collectableStatuses,
      terminalStatuses,
      strategyStatuses,
      enrolmentStatuses,
      creditorOwnedStatuses,
    ])
      for (const s of group) expect(isAccountStatus(s)).toBe(true);
    expect(isAccountStatus('charged_off')).toBe(false);
  });

  it('enrols only where a strategy works, and a strategy stops on every other status', () => {
    for (const s of enrolmentStatuses) expect(strategyStatuses).toContain(s);
    expect([...nonCollectibleStatuses, ...strategyStatuses].sort()).toEqual([...accountStatuses].sort());
    expect(nonCollectibleStatuses).toEqual([
      'disputed',
      'paid',
      'settled',
      'closed',
      'cease',
      'bankrupt',
      'deceased',
      'legal',
    ]);
  });

  it('leaves the workflow statuses out of what a creditor file may set', () => {
    for (const s of ['active', 'promised', 'in_plan', 'disputed'] as const)
      expect(creditorOwnedStatuses).not.toContain(s);
  });
});
