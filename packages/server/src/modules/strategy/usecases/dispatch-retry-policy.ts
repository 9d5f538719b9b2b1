/** When a contact that failed is tried again, and when it is given up (dead-lettered). */
export interface RetryPolicy {
  /** Delivery attempts (failures, not refusals) before a contact is dead-lettered. */
  maxAttempts: number;
  /** Backoff before retry n (1-based). */
  backoffMs: (attempt: number) => number;
}

/** 1 min × 4^(n-1), capped at 6 h. */
export const defaultBackoff = (n: number) => Math.min(6 * 3_600_000, 60_000 * 4 ** (n - 1));

/**
 * The next attempt after a failure on attempt `attempts`, or null when there is none: the failure
 * is final (not retryable) or the attempts are used up. The backoff, or later when the provider
 * asked us to wait longer (`notBefore`, its Retry-After).
 */
export function retryAt(
  policy: RetryPolicy,
  retryable: boolean,
  attempts: number,
  at: Date,
  notBefore?: Date,
): Date | null {
  if (!retryable || attempts >= policy.maxAttempts) return null;
  const backoff = at.getTime() + policy.backoffMs(attempts);
  return new Date(Math.max(backoff, notBefore?.getTime() ?? 0));
}
