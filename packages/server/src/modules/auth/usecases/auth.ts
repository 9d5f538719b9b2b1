import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { ApiKeyInfo, AuthStore, StoredUser, User } from '../ports.js';
import type { Principal, Role } from '../../../shared/http/route-kit.js';
import { accountKey, type LoginThrottle } from './login-throttle.js';

export type { Principal } from '../../../shared/http/route-kit.js';

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: { N: number; r: number; p: number },
) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1 };
export const SESSION_TTL_MS = 12 * 3600_000;

/** API keys and session tokens are 256-bit random; a fast hash is enough to store them. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    ...SCRYPT,
    N: Number(n),
  });
  return timingSafeEqual(got, expected);
}

const DUMMY_HASH = 'scrypt$16384$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function createAuth(deps: { auth: AuthStore; clock: Clock; throttle: LoginThrottle }) {
  const { auth, clock, throttle } = deps;

  /** The one enabled user this email and password open, or a SaldoError (401, or 400 if ambiguous). */
  async function findLoginUser(email: string, password: string, organization?: string) {
    const candidates = await auth.findUsersByEmail(email, organization ? { orgSlug: organization } : {});
    // Verify against a dummy hash when nobody has this email: the same timing as one candidate.
    const checks = candidates.length ? candidates : [null];
    const opened: StoredUser[] = [];
    for (const c of checks)
      if ((await verifyPassword(password, c?.passwordHash ?? DUMMY_HASH)) && c && !c.disabled) opened.push(c);
    if (opened.length === 0) throw new SaldoError('unauthenticated', 'wrong email or password');
    if (opened.length > 1)
      throw new SaldoError(
        'validation',
        'this email and password open several organizations: give the organization (its slug) to log in',
        [{ path: 'organization', message: 'required: the slug of the organization to log in to' }],
      );
    return opened[0]!;
  }

  return {
    /** Resolves `Authorization: Bearer <token>` (API key `sk_…` or session `ss_…`) to a principal. */
    async authenticate(token: string): Promise<Principal | null> {
      const h = hashToken(token);
      if (token.startsWith('ss_')) {
        const s = await auth.findSession(h, clock.now());
        return s ? { orgId: s.user.orgId, role: s.user.role, kind: 'session', subjectId: s.user.id } : null;
      }
      const key = await auth.findApiKeyByHash(h);
      if (!key || key.revokedAt) return null;
      await auth.touchApiKey(key.id, clock.now());
      return { orgId: key.orgId, role: key.role, kind: 'api_key', subjectId: key.id };
    },

    /**
     * Password login. Throttled before the password is checked (LoginThrottled): per account and
     * per client address (`ip`), see login-throttle.ts.
     * Emails are unique per organisation only. Without `organization` (a slug), the user is the one
     * of that email whose password matches; when it matches in several organisations the caller
     * must say which. Every answer but success is the same "wrong email or password".
     */
    async login(
      email: string,
      password: string,
      client: { ip?: string; organization?: string } = {},
    ): Promise<{ token: string; user: User; expiresAt: string }> {
      // The account is the email (it may name users in several organisations): throttled as one.
      const key = accountKey(email, null);
      await throttle.admit(key, client.ip);
      const u = await findLoginUser(email, password, client.organization);
      await throttle.succeeded(key, client.ip);
      const token = `ss_${randomBytes(32).toString('base64url')}`;
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await auth.createSession({ tokenHash: hashToken(token), userId: u.id, orgId: u.orgId, now, expiresAt });
      const { passwordHash: _p, disabled: _d, ...user } = u;
      return { token, user, expiresAt: expiresAt.toISOString() };
    },

    logout: (token: string) => auth.deleteSession(hashToken(token)),

    /** An administrator lifts a user's login lock and back-off; 404 outside the organisation. */
    async unlockUser(orgId: string, userId: string): Promise<{ userId: string; wasLocked: boolean }> {
      const u = await auth.findUser(orgId, userId);
      if (!u) throw new SaldoError('not_found', `user ${userId} not found`);
      return { userId, wasLocked: await throttle.unlock(accountKey(u.email, null)) };
    },

    /** The operator's unlock by email (CLI, direct database access): any organisation. */
    async unlockLogin(email: string): Promise<{ found: boolean; wasLocked: boolean }> {
      const users = await auth.findUsersByEmail(email);
      return { found: users.length > 0, wasLocked: await throttle.unlock(accountKey(email, null)) };
    },

    /** Forgets settled login counters (the auth module's periodic job). */
    pruneLoginThrottle: () => throttle.prune(),

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
export type Auth = ReturnType<typeof createAuth>;
