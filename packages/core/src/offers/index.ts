// @saldo/core/offers — the offer policy: what may be offered to a debtor now, and the one check every
// promise, plan and settlement passes before it exists. Pure: no I/O, no clock.
export * from './types.js';
export { defaultOfferPolicy } from './default-policy.js';
export { defaultReferrals } from './referrals.js';
export { offerPolicySchema, parseOfferPolicy, parseProposal, proposalSchema } from './policy-schema.js';
export { checkProposal, proposalOf } from './check-proposal.js';
export { offersFor } from './offers-for.js';
export { debtorToday, installmentDates } from './dates.js';
export { planAgreement } from './plan-schedule.js';
