// What every module's routes share: the roles, the caller (principal), the route plugin type and the
// route config that the HTTP app checks on every request (platform/http/build-app.ts).
import type { FastifyInstance } from 'fastify';
import { SaldoError } from '@saldo/core';

export const roles = ['admin', 'strategist', 'agent', 'compliance'] as const;
export type Role = (typeof roles)[number];
export const ALL_ROLES: readonly Role[] = roles;

/** Who is calling: resolved once per request from an API key or a session. */
export interface Principal {
  orgId: string;
  role: Role;
  kind: 'api_key' | 'session';
  /** api key id or user id */
  subjectId: string;
}

/** The cookie that carries a session token (set by the auth module's login route). */
export const SESSION_COOKIE = 'saldo_session';

/** A module's routes, registered by the composition root. */
export type RoutePlugin = (app: FastifyInstance) => Promise<void>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Principal | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed on this route. */
    roles?: readonly Role[];
    /** No authentication (health, login, provider webhooks that check their own signatures). */
    public?: boolean;
  }
}

/** The caller, for handlers of authenticated routes (the hook guarantees it is set). */
export function principal(req: { auth: Principal | null }): Principal {
  if (!req.auth) throw new SaldoError('unauthenticated', 'authentication required');
  return req.auth;
}
