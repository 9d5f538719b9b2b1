import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, bodyLimits } from '../../../shared/http/route-kit.js';
import type { Auth } from '../usecases/auth.js';
import { principal, SESSION_COOKIE } from '../../../shared/http/route-kit.js';
import { SESSION_TTL_MS } from '../usecases/auth.js';
import { LoginThrottled } from '../usecases/login-throttle.js';
import { problem, sendProblem } from '../../../shared/http/problem.js';

export default async function authRoutes(app: FastifyInstance, deps: { auth: Auth }) {
  app.post<{ Body: { email: string; password: string; organization?: string } }>(
    '/v1/auth/login',
    {
      config: { public: true },
      bodyLimit: bodyLimits.public,
      schema: {
        tags: ['auth'],
        summary:
          'Log in with email and password (and the organization slug when the same email and password open several); sets a session cookie and returns the session token. Throttled per account and per client address: 429 with Retry-After (docs/security.md)',
        security: [],
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
            organization: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
          },
        },
      },
    },
    async (req, reply) => {
      let s: Awaited<ReturnType<Auth['login']>>;
      try {
        s = await deps.auth.login(req.body.email, req.body.password, {
          ip: req.ip,
          ...(req.body.organization ? { organization: req.body.organization } : {}),
        });
      } catch (e) {
        if (!(e instanceof LoginThrottled)) throw e;
        if (e.retryAfterSeconds !== null) reply.header('retry-after', String(e.retryAfterSeconds));
        return sendProblem(reply, problem(429, e.message));
      }
      reply.setCookie(SESSION_COOKIE, s.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        maxAge: SESSION_TTL_MS / 1000,
      });
      return s;
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/users/:id/unlock',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['users'],
        summary: "Lift a user's login lock and back-off (after too many failed logins)",
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
      },
    },
    async (req) => deps.auth.unlockUser(principal(req).orgId, req.params.id),
  );

  app.post(
    '/v1/auth/logout',
    { config: { roles: ALL_ROLES }, schema: { tags: ['auth'], summary: 'End the current session' } },
    async (req, reply) => {
      const token = req.cookies?.[SESSION_COOKIE] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (token?.startsWith('ss_')) await deps.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/auth/me',
    {
      config: { roles: ALL_ROLES },
      schema: { tags: ['auth'], summary: 'Who am I: organization, role and credential kind' },
    },
    async (req) => principal(req),
  );
}
