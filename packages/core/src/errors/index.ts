/**
 * Saldo's closed error taxonomy. Expected domain outcomes (a compliance "deny", a rejected import
 * row) are values, not exceptions; these errors are for requests that cannot be served.
 * The HTTP layer maps each kind to a status in exactly one place (server/src/api/problem.ts).
 *
 * @example
 * throw new SaldoError('validation', 'balance must be >= 0', [{ path: 'balance', message: 'negative' }]);
 */
export const errorKinds = [
  'validation', // 400: the input is malformed or breaks a rule
  'unauthenticated', // 401: no or bad credentials
  'forbidden', // 403: authenticated, but the role may not do this
  'not_found', // 404
  'conflict', // 409: state does not allow it (illegal status transition, duplicate)
  'unavailable', // 503: a dependency is down
] as const;
export type ErrorKind = (typeof errorKinds)[number];

/** One problem with one field of one input (a row of an import, a property of a body). */
export interface FieldIssue {
  /** Dotted path or column name, e.g. `debtor.timezone` or `phone`. */
  path: string;
  message: string;
  /** 1-based data row number for file imports (header excluded). */
  row?: number;
}

export class SaldoError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'SaldoError';
  }
}

export function isSaldoError(e: unknown): e is SaldoError {
  return e instanceof SaldoError;
}

/** Exhaustiveness guard for closed unions: adding a kind fails to compile where unhandled. */
export function assertUnreachable(x: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(x)}`);
}
