// When a failed delivery is tried again (docs/webhooks.md, "Retries"): 30 seconds after the first
// failure, doubling up to every 6 hours, 20 attempts in all — the last one about 2.6 days after
// the first — then the delivery is `failed` (kept, and replayable).

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 3_600_000;
export const MAX_DELIVERY_ATTEMPTS = 20;

/** The wait after the `failedAttempts`-th failed attempt (1 for the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}
