import type { SendFailure } from '../ports/channel-provider.js';

/**
 * Errors raised before a request could reach the provider: nothing was sent, so sending again is
 * safe (a refused connection, a name that does not resolve).
 */
const NOT_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The network error code of an error or of its cause (fetch wraps it: `TypeError: fetch failed`). */
export function networkCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof err?.code === 'string') return err.code;
  return typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
}

/**
 * A request that got no answer. Never reaching the provider (refused, unresolved) is a plain
 * retryable `provider_error`; a timeout or a dropped connection (any other network code) once the
 * request may have been written is `outcome_unknown`, with `retryable` as the provider's policy
 * for that doubt (ADR 0011). An error without a network code was raised before any request (the
 * client refused its own input): a plain retryable `provider_error`, as before.
 */
export function noAnswerFailure(e: unknown, what: string, unknownRetryable: boolean): SendFailure {
  const code = networkCode(e);
  const message = e instanceof Error ? e.message : String(e);
  const detail = `${what}: ${code ? `${code} ` : ''}${message}`.slice(0, 500);
  if (!code || NOT_REACHED.has(code)) return { ok: false, reason: 'provider_error', detail, retryable: true };
  return { ok: false, reason: 'outcome_unknown', detail, retryable: unknownRetryable };
}

/**
 * A `Retry-After` header in milliseconds: delta-seconds, or an HTTP date measured from `now`
 * (the provider's clock against ours; never negative; ignored without `now`). Undefined when
 * absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now?: Date): number | undefined {
  if (!header) return undefined;
  const v = header.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!now) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
