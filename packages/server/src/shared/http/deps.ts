import type { Auth, Principal } from '../../modules/auth/usecases/auth.js';
import type { Organizations } from '../../modules/auth/usecases/organizations.js';
import type { RecordService } from '../../modules/record/usecases/record.js';
import type { Imports } from '../../modules/imports/usecases/imports.js';
import type { Role } from '../../modules/record/ports.js';

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
