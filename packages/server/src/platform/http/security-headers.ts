// Security headers on every response, set by @fastify/helmet (maintained by the Fastify team, on
// top of helmet): one well-reviewed list of headers rather than our own.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

type Csp = Exclude<NonNullable<FastifyHelmetOptions['contentSecurityPolicy']>, boolean>;

/**
 * The API answers JSON and problem+json: nothing in it may load, run, frame or be framed. Helmet's
 * default directives are not used: they allow more, and `upgrade-insecure-requests` breaks a
 * deployment served over plain HTTP.
 */
const apiCsp: Csp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Swagger UI at /docs: its scripts and styles are files under /docs (no inline script: the
 * initializer is a file), it fetches /docs/json and "try it out" calls the API (connect-src),
 * its icons are data: SVGs, and it sets inline styles (hence 'unsafe-inline' for styles only).
 */
const docsCsp: Csp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Route config for the /docs routes (set by the app's onRoute hook; helmet reads `config.helmet`). */
export const docsHelmetConfig = { helmet: { contentSecurityPolicy: docsCsp } };

/**
 * The console at /console/ (ADR 0014): its scripts and styles are its own built files (no inline
 * script, no inline style, nothing from elsewhere) and it calls the API on the same origin.
 */
const consoleCsp: Csp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    manifestSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Route config for the console's routes (platform/http/console-routes.ts). */
export const consoleHelmetConfig = { helmet: { contentSecurityPolicy: consoleCsp } };

/**
 * Registers the headers: nosniff, frames denied twice (X-Frame-Options: DENY and CSP
 * frame-ancestors 'none'), no referrer, the strict CSP above, and helmet's other defaults
 * (Strict-Transport-Security, Cross-Origin-Opener/Resource-Policy same-origin,
 * X-Permitted-Cross-Domain-Policies none). Must be registered before the authentication hook, so
 * that 401 and 403 answers carry them too.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: apiCsp,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Personal data must not stay in browser or proxy caches: every /v1 response, and any response to
 * an authenticated request, is `no-store` (a route may still set its own Cache-Control).
 */
export function noStoreForPersonalData(req: FastifyRequest, reply: FastifyReply): void {
  if (req.auth || req.url.startsWith('/v1/')) reply.header('cache-control', 'no-store');
}
