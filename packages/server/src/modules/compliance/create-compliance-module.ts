// The compliance module: the law packs plus each organisation's own policy layer, the check use
// case (API and CLI) and the policy routes.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import { createSqlOrgPolicyStore } from './adapters/sql-org-policy-store.js';
import checkRoutes from './routes/check-routes.js';
import policyRoutes from './routes/policy-routes.js';
import { createComplianceChecker, type ComplianceChecker } from './usecases/check-compliance.js';
import { createCompliancePolicies, type CompliancePolicies } from './usecases/compliance-policy.js';

export interface ComplianceModule {
  checker: ComplianceChecker;
  policies: CompliancePolicies;
  routes: RoutePlugin[];
}

export function createComplianceModule(deps: { db: Db; clock: Clock }): ComplianceModule {
  const store = createSqlOrgPolicyStore(deps.db);
  const checker = createComplianceChecker({ orgPolicyStore: store });
  const policies = createCompliancePolicies({ store, clock: deps.clock });
  return {
    checker,
    policies,
    routes: [
      (app) => checkRoutes(app, { complianceChecker: checker }),
      (app) => policyRoutes(app, { policies }),
    ],
  };
}
