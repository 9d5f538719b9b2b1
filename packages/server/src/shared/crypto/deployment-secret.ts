import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC of an identity-check value (date of birth, national id), as stored and compared. */
export type IdentityHasher = (kind: 'dob' | 'national_id', value: string) => string;

/** Whether a value matches a stored identity hash (the current root key or a retired one). */
export type IdentityMatcher = (kind: 'dob' | 'national_id', value: string, stored: string) => boolean;

const hmac = (key: string, kind: string, value: string) =>
  createHmac('sha256', key).update(`${kind}:${value}`).digest('base64url');

/** Identity-check values are compared by HMAC, never stored: `hash('dob', '1980-05-01')`. */
export function identityHasher(secret: string): IdentityHasher {
  return (kind, value) => hmac(secret, kind, value);
}

/**
 * Checks a value against a stored identity hash made with the current key or any retired one.
 * Identity hashes cannot be re-hashed when the key rotates (the values are not stored), so the
 * retired keys verify the old hashes; a re-import of the debtor stores a hash with the current key.
 */
export function identityMatches(
  keys: { current: string; retired: readonly string[] },
  kind: 'dob' | 'national_id',
  value: string,
  stored: string,
): boolean {
  const want = Buffer.from(stored);
  return [keys.current, ...keys.retired].some((k) => {
    const got = Buffer.from(hmac(k, kind, value));
    return got.length === want.length && timingSafeEqual(got, want);
  });
}
