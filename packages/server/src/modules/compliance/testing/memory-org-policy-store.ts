import { OrgPolicy, type OrgPolicy as OrgPolicyT } from '@saldo/core/compliance';
import type { OrgPolicyStore } from '../ports.js';

/** In-memory {@link OrgPolicyStore} for tests, the demo and the CLI; `put` validates like a real store. */
export interface MemoryOrgPolicyStore extends OrgPolicyStore {
  put(orgId: string, policy: unknown): void;
  remove(orgId: string): void;
}

export function createMemoryOrgPolicyStore(initial: Record<string, unknown> = {}): MemoryOrgPolicyStore {
  const policies = new Map<string, OrgPolicyT>();
  const store: MemoryOrgPolicyStore = {
    get: async (orgId) => policies.get(orgId) ?? null,
    put: (orgId, policy) => {
      policies.set(orgId, OrgPolicy.parse(policy));
    },
    remove: (orgId) => {
      policies.delete(orgId);
    },
  };
  for (const [orgId, policy] of Object.entries(initial)) store.put(orgId, policy);
  return store;
}
