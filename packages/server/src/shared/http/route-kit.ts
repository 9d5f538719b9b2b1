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

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Request body limits in bytes. A body is read whole before it is refused, so every route gets the
 * small default unless it declares more (Fastify `bodyLimit` route option). Public routes (login,
 * provider webhooks) take less: anyone can send to them.
 */
export const bodyLimits = {
  /** Every route that declares nothing. */
  default: 1 * MiB,
  /** Login and Twilio webhooks: a few fields. */
  public: 64 * KiB,
  /** Meta webhooks batch several changes in one signed JSON body. */
  metaWebhook: 256 * KiB,
  /** NLU batches: up to 1000 replies. */
  nluBatch: 4 * MiB,
  /** Compliance check batches (≤ 10,000 contacts) and journey enrolment by account ids (≤ 100,000). */
  batch: 8 * MiB,
  /** Portfolio imports: a CSV upload (spooled to a temp file) or JSON rows. */
  import: 64 * MiB,
} as const;

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
    /**
     * The audit trail: changes (POST, PUT, PATCH, DELETE) are recorded unless this is false (a check
     * or a parse that changes nothing); reads only when it is true (exports of personal data).
     */
    audit?: boolean;
  }
}

/** The caller, for handlers of authenticated routes (the hook guarantees it is set). */
export function principal(req: { auth: Principal | null }): Principal {
  if (!req.auth) throw new SaldoError('unauthenticated', 'authentication required');
  return req.auth;
}
