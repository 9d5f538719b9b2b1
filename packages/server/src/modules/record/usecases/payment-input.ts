import { SaldoError } from '@saldo/core';
import type { RecordedPayment } from '../ports.js';

/** Every caller (HTTP, CLI, the sandbox, the engine) passes money as a positive safe integer of minor units. */
export function assertMinorUnits(amountMinor: unknown): void {
  if (typeof amountMinor === 'number' && Number.isSafeInteger(amountMinor) && amountMinor > 0) return;
  throw new SaldoError(
    'validation',
    `amountMinor must be a positive integer of minor units (got ${String(amountMinor)})`,
    [{ path: 'amountMinor', message: 'a positive integer of minor units, at most 2^53 - 1' }],
  );
}

/** Payments older than this are data errors (a year 1 date, a two-digit year read as 19xx). */
export const EARLIEST_PAID_AT = '1990-01-01T00:00:00.000Z';
/** How far ahead of the clock a payment may be dated: a payer's local date runs up to 14 h ahead of UTC. */
const PAID_AT_AHEAD_MS = 86_400_000;

export function paidAtWithinBounds(text: string, now: Date): Date {
  const paidAt = new Date(text);
  const refuse = (detail: string, message: string) =>
    new SaldoError('validation', detail, [{ path: 'paidAt', message }]);
  if (Number.isNaN(paidAt.getTime()))
    throw refuse('paidAt is not a valid instant', 'use ISO 8601, e.g. 2026-11-24T10:00:00Z');
  if (paidAt.getTime() < Date.parse(EARLIEST_PAID_AT))
    throw refuse(
      `paidAt ${paidAt.toISOString()} is before 1990-01-01: check the date`,
      'not before 1990-01-01',
    );
  if (paidAt.getTime() > now.getTime() + PAID_AT_AHEAD_MS)
    throw refuse(
      `paidAt ${paidAt.toISOString()} is more than one day after the current time (${now.toISOString()})`,
      'at most one day in the future',
    );
  return paidAt;
}

/**
 * A retried payment (same externalId) is the same payment only if it says the same thing: account,
 * amount, currency and, when the retry gives one, the date. Anything else is a different payment
 * reusing an id — answered 409, never silently folded into the first.
 */
export function assertSamePayment(
  prior: RecordedPayment,
  retry: {
    externalId?: string;
    accountId: string;
    amountMinor: number;
    currency: string;
    paidAt?: Date | undefined;
  },
): void {
  const differs =
    prior.accountId !== retry.accountId ||
    prior.amountMinor !== retry.amountMinor ||
    prior.currency !== retry.currency ||
    (retry.paidAt !== undefined && new Date(prior.paidAt).getTime() !== retry.paidAt.getTime());
  if (!differs) return;
  throw new SaldoError(
    'conflict',
    `externalId "${retry.externalId}" was already recorded with amountMinor ${prior.amountMinor} ${prior.currency}, paidAt ${prior.paidAt} on account ${prior.accountId}; a different payment needs its own externalId`,
    [{ path: 'externalId', message: 'already used by a different payment' }],
  );
}
