import { brokenPromiseCutoff } from '@saldo/core/record';
import type { Clock } from '../../../shared/clock/clock.js';
import type { AgreementExpiryStore, PromiseExpiryStore } from '../ports.js';

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

/**
 * Ends the plans and settlements whose date passed: a missed instalment breaks its plan, an offer
 * nobody accepted expires, an accepted settlement not paid in time lapses. Runs on the worker role;
 * idempotent.
 */
export async function expireAgreements(deps: {
  agreements: AgreementExpiryStore;
  clock: Clock;
}): Promise<{ plansBroken: number; settlementsEnded: number }> {
  const now = deps.clock.now();
  const plansBroken = await deps.agreements.breakMissedPlans(now);
  const settlementsEnded = await deps.agreements.endExpiredSettlements(now);
  return { plansBroken, settlementsEnded };
}
