import { randomBytes } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { Role } from '../../../shared/http/route-kit.js';
import type { ApiKeyInfo, AuthStore, User } from '../ports.js';
import { hashPassword, hashToken } from './credentials.js';

/** An organisation's users and API keys. */
export function createAccess(deps: { auth: AuthStore; clock: Clock }) {
  const { auth, clock } = deps;
  return {
    /** A user of `orgId`. An address taken in another organisation is no concern of this one. */
    async createUser(
      orgId: string,
      u: { email: string; name: string; role: Role; password: string },
    ): Promise<User> {
      if (u.password.length < 10)
        throw new SaldoError('validation', 'password must have at least 10 characters', [
          { path: 'password', message: 'too short' },
        ]);
      if ((await auth.findUsersByEmail(u.email, { orgId })).length > 0)
        throw new SaldoError('conflict', `a user with email ${u.email} already exists in this organization`, [
          { path: 'email', message: 'taken' },
        ]);
      return auth.createUser({
        orgId,
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
        now: clock.now(),
      });
    },

    listUsers: (orgId: string) => auth.listUsers(orgId),

    /** Returns the key in clear exactly once; only its hash is stored. */
    async createApiKey(orgId: string, name: string, role: Role): Promise<{ key: string; info: ApiKeyInfo }> {
      const key = `sk_${randomBytes(32).toString('base64url')}`;
      const info = await auth.createApiKey({
        orgId,
        name,
        role,
        keyPrefix: key.slice(0, 10),
        keyHash: hashToken(key),
        now: clock.now(),
      });
      return { key, info };
    },

    /** SALDO_BOOTSTRAP_API_KEY: an admin key with exactly that value for the default organization. */
    async ensureBootstrapKey(orgId: string, key: string): Promise<void> {
      if (key.length < 16)
        throw new SaldoError('validation', 'SALDO_BOOTSTRAP_API_KEY must have at least 16 characters');
      await auth.ensureApiKey({
        orgId,
        name: 'bootstrap (SALDO_BOOTSTRAP_API_KEY)',
        role: 'admin',
        keyPrefix: key.slice(0, 6),
        keyHash: hashToken(key),
        now: clock.now(),
      });
    },

    listApiKeys: (orgId: string) => auth.listApiKeys(orgId),
    revokeApiKey: (orgId: string, id: string) => auth.revokeApiKey(orgId, id, clock.now()),
  };
}
