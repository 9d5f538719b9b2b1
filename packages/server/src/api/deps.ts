import type { Auth, Principal } from '../usecases/auth.js';
import type { Organizations } from '../usecases/organizations.js';
import type { RecordService } from '../usecases/record.js';
import type { Imports } from '../usecases/imports.js';
import type { Role } from '../ports/record-store.js';

/** What the HTTP layer may call: use cases only, never adapters. */
export interface ApiDeps {
  auth: Auth;
  organizations: Organizations;
  record: RecordService;
  imports: Imports;
  ready(): Promise<boolean>;
  /** Where uploaded CSV bodies are spooled before a streaming import. */
  spoolUpload(body: Buffer): Promise<{ path: string; cleanup(): Promise<void> }>;
  version: string;
  /** The organization whose aggregates the public status page shows (the default one). */
  statusOrgId?: string;
  storage: 'pglite' | 'postgres';
}

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

export const ALL_ROLES: readonly Role[] = ['admin', 'strategist', 'agent', 'compliance'];
