import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { errorHandler, problem, sendProblem } from '../../shared/http/problem.js';
import { requestValidators } from './request-validators.js';
import { docsHelmetConfig, noStoreForPersonalData, registerSecurityHeaders } from './security-headers.js';
import type { TrustProxy } from '../config.js';
import type { HttpAuditHooks } from '../../modules/audit/index.js';
import { rejectNul } from '../../shared/http/reject-nul.js';
import { rejectDeepBodies } from '../../shared/http/reject-deep.js';
import { bodyLimits, SESSION_COOKIE, type Principal, type RoutePlugin } from '../../shared/http/route-kit.js';

/** What the HTTP app needs from the platform: who a token is, and every module's routes. */
export interface HttpAppDeps {
  authenticate(token: string): Promise<Principal | null>;
  version: string;
  /** Every module's routes, in registration order. */
  routes: readonly RoutePlugin[];
  /** The audit trail's hooks: a change is recorded before its handler runs, and its outcome after. */
  audit: HttpAuditHooks;
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/**
 * Fastify reads a bare hop count as "trust nothing" (it cannot check the nearest peer), so a count
 * becomes the trust function that believes exactly the nearest N hops: sound only when Saldo is
 * reachable through the proxies alone, as config.ts documents.
 */
function fastifyTrustProxy(tp: TrustProxy): boolean | string[] | ((addr: string, hop: number) => boolean) {
  return typeof tp === 'number' ? (_addr, hop) => hop < tp : tp;
}

export async function buildApp(
  deps: HttpAppDeps,
  opts: { logger?: FastifyServerOptions['logger']; trustProxy?: TrustProxy } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: bodyLimits.default,
    // X-Forwarded-* (client address, https) only from the configured proxies (SALDO_TRUST_PROXY).
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    schemaController: { compilersFactory: { buildValidator: requestValidators() } },
  });
  app.decorateRequest('auth', null);
  await registerSecurityHeaders(app); // first: every answer carries them, 401 and 404 included
  await app.register(cookie); // before the auth hook, which reads the session cookie
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, problem(404, `no route ${req.method} ${req.url.split('?')[0]}`)),
  );

  // Fail closed at boot: a route that declares neither roles nor public cannot be registered.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) {
      route.config = { ...(route.config ?? {}), public: true, ...docsHelmetConfig };
      return;
    }
    const c = route.config as { roles?: readonly string[]; public?: boolean } | undefined;
    if (!c?.public && !c?.roles?.length)
      throw new Error(
        `route ${route.method} ${route.url} declares no roles (config.roles) and is not public`,
      );
  });

  // Authentication + role check on every request, before body parsing.
  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config as { roles?: readonly string[]; public?: boolean } | undefined;
    const token = bearer(req.headers.authorization) ?? req.cookies?.[SESSION_COOKIE] ?? null;
    if (token) req.auth = await deps.authenticate(token);
    noStoreForPersonalData(req, reply);
    // No route matched: the not-found answer (every route is listed at /docs anyway).
    if (req.routeOptions.url === undefined) return;
    if (!config || config.public) return;
    if (!req.auth) {
      return sendProblem(
        reply,
        problem(
          401,
          token
            ? 'the API key or session is invalid, revoked or expired'
            : 'authentication required: send Authorization: Bearer <api key>, or log in',
        ),
      );
    }
    if (!config.roles?.includes(req.auth.role)) {
      return sendProblem(
        reply,
        problem(
          403,
          `role ${req.auth.role} may not ${req.method} ${req.routeOptions.url}; allowed: ${config.roles?.join(', ')}`,
        ),
      );
    }
  });

  // A NUL anywhere in a request is refused here, once, before any route sees it.
  app.addHook('preValidation', rejectNul);
  // Before validation and every walk of the body: a stack overflow is not a server error.
  app.addHook('preValidation', rejectDeepBodies);
  // After validation (a refused body changed nothing), before the handler (no change without a trace).
  app.addHook('preHandler', deps.audit.preHandler);
  app.addHook('onSend', deps.audit.onSend);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Saldo API',
        version: deps.version,
        description:
          'Omnichannel, compliance-first debt collection. Authenticate with `Authorization: Bearer <api key>`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  for (const routes of deps.routes) await app.register(routes);
  return app;
}
