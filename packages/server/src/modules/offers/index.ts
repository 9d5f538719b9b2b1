export { createOffersModule, type OffersModule } from './create-offers-module.js';
export type { OfferPolicies, PolicyInForce } from './usecases/offer-policies.js';
export type { AccountOffers } from './usecases/account-offers.js';
export type * from './ports.js';
