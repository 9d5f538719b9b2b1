import { SaldoError } from '@saldo/core';
import { compileOrgPolicy, OrgPolicy } from '@saldo/core/compliance';
import type { Clock } from '../../../shared/clock/clock.js';
import type { WritableOrgPolicyStore } from '../ports.js';

/** Read and replace an organization's own policy layer. Invalid policies are refused at save time. */
export function createCompliancePolicies(deps: { store: WritableOrgPolicyStore; clock: Clock }) {
  return {
    get: (orgId: string) => deps.store.get(orgId),
    async put(orgId: string, input: unknown, by: string) {
      const parsed = OrgPolicy.safeParse(input);
      if (!parsed.success) {
        throw new SaldoError(
          'validation',
          'invalid compliance policy',
          parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
        );
      }
      compileOrgPolicy(parsed.data, orgId); // fail now, not at the first debtor
      await deps.store.put(orgId, parsed.data, by, deps.clock.now());
      return parsed.data;
    },
    remove: (orgId: string) => deps.store.remove(orgId),
  };
}
export type CompliancePolicies = ReturnType<typeof createCompliancePolicies>;
