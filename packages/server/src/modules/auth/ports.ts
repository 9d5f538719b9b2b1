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
