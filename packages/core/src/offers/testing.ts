/**
 * Builders for offer tests: a Mexican account, the default policy, a fixed instant.
 */
import { defaultOfferPolicy } from './default-policy.js';
import type { OfferAccount, OfferPolicy } from './types.js';

/** 2026-11-24 16:00 UTC: 10:00 in Mexico City, a Tuesday. */
export const OFFER_NOW = Date.parse('2026-11-24T16:00:00Z');

/** A Mexican account of 4,850.00 MXN at 12 DPD, with `over` applied. */
export function offerAccount(over: Partial<OfferAccount> = {}): OfferAccount {
  return {
    balanceMinor: 485000,
    currency: 'MXN',
    dpd: 12,
    timeZone: 'America/Mexico_City',
    country: 'MX',
    ...over,
  };
}

/** The default policy with some rule groups replaced. */
export function offerPolicy(over: Partial<OfferPolicy> = {}): OfferPolicy {
  return { ...defaultOfferPolicy, ...over };
}
