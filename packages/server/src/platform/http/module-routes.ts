// Route modules of the other areas (compliance, NLU, …), wired with their use cases.
import type { RoutePlugin } from './build-app.js';
import type { Platform } from '../composition-root.js';
import complianceRoutes from '../../modules/compliance/routes/check-routes.js';
import compliancePolicyRoutes from '../../modules/compliance/routes/policy-routes.js';
import nluRoutes from '../../modules/nlu/routes.js';
import strategyRoutes from '../../modules/strategy/routes.js';
import channelAdminRoutes from '../../modules/channels/routes/channel-admin-routes.js';

export function extraRoutes(p: Platform): RoutePlugin[] {
  return [
    (a) => complianceRoutes(a, { complianceChecker: p.compliance.checker }),
    (a) => compliancePolicyRoutes(a, { policies: p.compliance.policies }),
    (a) => nluRoutes(a, { nlu: { parse: async (input) => (await p.nlu()).parseAsync(input) } }),
    (a) => strategyRoutes(a, { strategies: p.engine.strategies }),
    (a) => channelAdminRoutes(a, p.channels.admin),
    ...p.channels.routes,
  ];
}
