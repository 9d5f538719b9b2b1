// Route modules of the other areas (compliance, NLU, …), wired with their use cases.
import type { RoutePlugin } from './api/app.js';
import type { Platform } from './compose.js';
import complianceRoutes from './api/routes/compliance.js';
import compliancePolicyRoutes from './api/routes/compliance-policy.js';
import nluRoutes from './api/routes/nlu.js';
import strategyRoutes from './api/routes/strategies.js';
import channelAdminRoutes from './api/routes/channel-admin.js';

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
