// @saldo/core/offers — the offer policy: what may be offered to a debtor now, and the one check every
// promise, plan and settlement passes before it exists. Pure: no I/O, no clock.
export * from './types.js';
