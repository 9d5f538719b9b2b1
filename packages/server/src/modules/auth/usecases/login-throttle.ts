import { createHash } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { AccountThrottlePolicy, AddressThrottlePolicy, LoginThrottleStore } from '../ports.js';

/**
 * Password guessing limits. Per account: 5 failures are free (typos), then each failure doubles
 * the wait (2, 4, 8, 16, 32 s), and the 10th consecutive failure locks the account until an
 * administrator unlocks it — 10 guesses per account, however slowly they come. Per client address:
 * a bucket of 30 failed attempts refilled by one every 10 s (360 an hour), whatever the accounts,
 * against spraying one password over many emails. Successful logins cost nothing.
 */
export const ACCOUNT_POLICY: AccountThrottlePolicy = {
  freeFailures: 5,
  baseBackoffMs: 2_000,
  lockAfter: 10,
  forgetAfterMs: 24 * 3600_000,
};
export const ADDRESS_POLICY: AddressThrottlePolicy = { capacity: 30, refillPerSecond: 0.1 };

/** A login refused before the password was checked. The route answers 429 (+ Retry-After). */
export class LoginThrottled extends SaldoError {
  constructor(
    message: string,
    /** Seconds until an attempt can be made; null when only an administrator can unlock. */
    readonly retryAfterSeconds: number | null,
  ) {
    super('unauthenticated', message);
    this.name = 'LoginThrottled';
  }
}

/**
 * The key an account's failures are counted under: the user when the email is known, else the
 * normalised email hashed (unknown emails are throttled the same way; no typed text is stored —
 * people type passwords into the email field).
 */
export function accountKey(email: string, userId: string | null): string {
  if (userId) return `user:${userId}`;
  return `email:${createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex')}`;
}

export interface LoginThrottle {
  /** Before checking a password: charges the attempt or throws LoginThrottled. */
  admit(key: string, ip: string | undefined): Promise<void>;
  /** After a correct password: the account's count is cleared, the address token returned. */
  succeeded(key: string, ip: string | undefined): Promise<void>;
  /** An administrator's unlock; true if the account was locked. */
  unlock(key: string): Promise<boolean>;
  /** Forgets settled counters (a periodic job). */
  prune(): Promise<number>;
}

export function createLoginThrottle(deps: { store: LoginThrottleStore; clock: Clock }): LoginThrottle {
  const { store, clock } = deps;
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    async admit(key, ip) {
      const now = clock.now();
      if (ip) {
        const t = await store.takeAddressToken(ip, now, ADDRESS_POLICY);
        if (!t.ok)
          throw new LoginThrottled(
            `too many failed logins from this address; try again in ${seconds(t.retryAfterMs)} s`,
            seconds(t.retryAfterMs),
          );
      }
      const c = await store.chargeAccount(key, now, ACCOUNT_POLICY);
      if (c.ok) return;
      if (c.locked)
        throw new LoginThrottled(
          `this account is locked after ${ACCOUNT_POLICY.lockAfter} failed logins; an administrator of its organisation can unlock it (POST /v1/users/{id}/unlock, or saldo user unlock <email>)`,
          null,
        );
      const wait = seconds((c.blockedUntil?.getTime() ?? now.getTime()) - now.getTime());
      throw new LoginThrottled(`too many failed logins for this account; try again in ${wait} s`, wait);
    },
    async succeeded(key, ip) {
      await store.clearAccount(key);
      if (ip) await store.returnAddressToken(ip, ADDRESS_POLICY);
    },
    unlock: (key) => store.clearAccount(key),
    prune: () => store.prune(clock.now(), ACCOUNT_POLICY.forgetAfterMs),
  };
}
