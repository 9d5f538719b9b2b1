import { brokenPromiseCutoff } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { PromiseExpiryStore } from '../ports.js';

/**
 * Marks promises broken once their due date plus the grace period has passed without full
 * payment. Runs on the worker role; idempotent (a second run finds nothing).
 */
export async function expireOverduePromises(deps: {
  promises: PromiseExpiryStore;
  clock: Clock;
}): Promise<number> {
  const now = deps.clock.now();
  const cutoff = brokenPromiseCutoff(now.toISOString().slice(0, 10));
  return deps.promises.breakOverdue(cutoff, now);
}
