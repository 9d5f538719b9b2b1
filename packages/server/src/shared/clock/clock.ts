/**
 * The only source of "now" for server code. Real time in production, a manual or accelerated
 * clock in tests and simulations (90 days in seconds). Never call Date.now() elsewhere.
 */
export interface Clock {
  now(): Date;
}
