import type { Role } from '../../shared/http/route-kit.js';

export interface Organization {
  id: string;
  slug: string;
  name: string;
  defaultCountry: string | null;
  createdAt: string;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A user as stored, with what login needs. */
export type StoredUser = User & { passwordHash: string; disabled: boolean };

export interface ApiKeyInfo {
  id: string;
  orgId: string;
  name: string;
  role: Role;
  keyPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface OrgStore {
  create(o: { slug: string; name: string; defaultCountry: string | null; now: Date }): Promise<Organization>;
  getBySlug(slug: string): Promise<Organization | null>;
  getById(id: string): Promise<Organization | null>;
  list(): Promise<Organization[]>;
}

export interface AuthStore {
  createUser(u: {
    orgId: string;
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    now: Date;
  }): Promise<User>;
  findUser(orgId: string, id: string): Promise<User | null>;
  /**
   * Users with this email (case-insensitive), oldest first: in one organisation (by id or slug), or
   * in every organisation (emails are unique per organisation only). Throws a `conflict` SaldoError
   * from createUser when the organisation already has the address.
   */
  findUsersByEmail(email: string, scope?: { orgId?: string; orgSlug?: string }): Promise<StoredUser[]>;
  listUsers(orgId: string): Promise<User[]>;
  createSession(s: {
    tokenHash: string;
    userId: string;
    orgId: string;
    now: Date;
    expiresAt: Date;
  }): Promise<void>;
  findSession(tokenHash: string, now: Date): Promise<{ user: User } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  createApiKey(k: {
    orgId: string;
    name: string;
    role: Role;
    keyPrefix: string;
    keyHash: string;
    now: Date;
  }): Promise<ApiKeyInfo>;
  /** Creates the key only if no key with that hash exists (bootstrap key on every start). */
  ensureApiKey(k: {
    orgId: string;
    name: string;
    role: Role;
    keyPrefix: string;
    keyHash: string;
    now: Date;
  }): Promise<void>;
  findApiKeyByHash(keyHash: string): Promise<ApiKeyInfo | null>;
  touchApiKey(id: string, now: Date): Promise<void>;
  listApiKeys(orgId: string): Promise<ApiKeyInfo[]>;
  revokeApiKey(orgId: string, id: string, now: Date): Promise<boolean>;
}

/** Per-account back-off and lockout: the numbers are the use case's, the store applies them atomically. */
export interface AccountThrottlePolicy {
  /** Failures with no wait. */
  freeFailures: number;
  /** The wait after failure `freeFailures + k` is `baseBackoffMs × 2^k`. */
  baseBackoffMs: number;
  /** After this many consecutive failures the account is locked until an administrator unlocks it. */
  lockAfter: number;
  /** A failure this long after the previous one starts the count again (unless locked). */
  forgetAfterMs: number;
}

/** A token bucket per client address. */
export interface AddressThrottlePolicy {
  capacity: number;
  refillPerSecond: number;
}

export type AccountCharge =
  { ok: true; failures: number } | { ok: false; blockedUntil: Date | null; locked: boolean };

export interface LoginThrottleStore {
  /**
   * Counts one attempt against the account before the password is checked, in one statement: a
   * blocked or locked account is refused and not charged; concurrent attempts each get their own
   * number, so no burst slips past the back-off. A successful login then clears the count.
   */
  chargeAccount(key: string, now: Date, policy: AccountThrottlePolicy): Promise<AccountCharge>;
  /** Clears failures, back-off and lock; true if the account was locked. */
  clearAccount(key: string): Promise<boolean>;
  /** Takes a token from the address's bucket, or says how long until one is there. */
  takeAddressToken(
    ip: string,
    now: Date,
    policy: AddressThrottlePolicy,
  ): Promise<{ ok: true } | { ok: false; retryAfterMs: number }>;
  /** Gives the token back (the attempt succeeded). */
  returnAddressToken(ip: string, policy: AddressThrottlePolicy): Promise<void>;
  /** Forgets settled rows (unlocked accounts with no recent failure, full buckets). */
  prune(now: Date, olderThanMs: number): Promise<number>;
}
