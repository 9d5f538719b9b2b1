import type { Clock } from '../../../shared/clock/clock.js';
import type { AuthStore } from '../ports.js';
import { createAccess } from './access.js';
import type { LoginThrottle } from './login-throttle.js';
import { createSessions } from './sessions.js';

export type { Principal } from '../../../shared/http/route-kit.js';
export { hashPassword, hashToken, verifyPassword } from './credentials.js';
export { SESSION_TTL_MS } from './sessions.js';

/** Authentication (sessions, login, unlocks: sessions.ts) and access (users, API keys: access.ts). */
export function createAuth(deps: { auth: AuthStore; clock: Clock; throttle: LoginThrottle }) {
  return { ...createSessions(deps), ...createAccess(deps) };
}
export type Auth = ReturnType<typeof createAuth>;
