import type { OrgPolicy } from '@saldo/core/compliance';

/**
 * Where an organisation's own compliance policy layer lives (quiet hours, weekly caps…).
 * `null` = the organisation has no policy of its own (the law packs alone apply).
 * Implementations: in-memory (adapters/memory/org-policy-store.ts); Postgres (lead).
 */
export interface OrgPolicyStore {
  get(orgId: string): Promise<OrgPolicy | null>;
}

export interface WritableOrgPolicyStore extends OrgPolicyStore {
  put(orgId: string, policy: OrgPolicy, updatedBy: string, now: Date): Promise<void>;
  remove(orgId: string): Promise<void>;
}
