import { ManualClock } from '../clock/manual-clock.js';
import { createDebtorVault, type DebtorVault } from './debtor-vault.js';

/** For tests that build timeline writers without a platform: the tests' root key and a fixed clock. */
export function testVault(secret = 'test-secret-0123456789abcdef'): DebtorVault {
  return createDebtorVault({ current: secret, retired: [] }, new ManualClock('2026-11-24T15:00:00Z'));
}
