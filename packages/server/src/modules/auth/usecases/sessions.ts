import { randomBytes } from 'node:crypto';
import { SaldoError } from '@saldo/core';
import type { Clock } from '../../../shared/clock/clock.js';
import type { Principal } from '../../../shared/http/route-kit.js';
import type { AuthStore, StoredUser, User } from '../ports.js';
import { DUMMY_HASH, hashToken, verifyPassword } from './credentials.js';
import { accountKey, type LoginThrottle } from './login-throttle.js';

export const SESSION_TTL_MS = 12 * 3600_000;

export interface SessionsDeps {
  auth: AuthStore;
  clock: Clock;
  throttle: LoginThrottle;
}

/** Who is calling (API key or session), password login with its throttle, logout and unlocks. */
export function createSessions(deps: SessionsDeps) {
  const { auth, clock, throttle } = deps;
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
      const u = await findLoginUser(auth, email, password, client.organization);
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
  };
}

/** The one enabled user this email and password open, or a SaldoError (401, or 400 if ambiguous). */
async function findLoginUser(auth: AuthStore, email: string, password: string, organization?: string) {
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
