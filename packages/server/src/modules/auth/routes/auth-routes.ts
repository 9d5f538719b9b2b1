import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, bodyLimits } from '../../../shared/http/route-kit.js';
import type { Auth } from '../usecases/auth.js';
import { principal, SESSION_COOKIE } from '../../../shared/http/route-kit.js';
import { SESSION_TTL_MS } from '../usecases/auth.js';

export default async function authRoutes(app: FastifyInstance, deps: { auth: Auth }) {
  app.post<{ Body: { email: string; password: string; organization?: string } }>(
    '/v1/auth/login',
    {
      config: { public: true },
      bodyLimit: bodyLimits.public,
      schema: {
        tags: ['auth'],
        summary:
          'Log in with email and password (and the organization slug when the same email and password open several); sets a session cookie and returns the session token',
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
      const s = await deps.auth.login(req.body.email, req.body.password, req.body.organization);
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
