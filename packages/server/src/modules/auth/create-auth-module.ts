// The auth module: organisations (tenants), users, sessions and API keys, and their routes.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PeriodicJob } from '../../shared/jobs/periodic.js';
import { createSqlLoginThrottleStore } from './adapters/sql-login-throttle-store.js';
import { createLoginThrottle } from './usecases/login-throttle.js';
import { createSqlAuthStore } from './adapters/sql-auth-store.js';
import { createSqlOrgStore } from './adapters/sql-org-store.js';
import authRoutes from './routes/auth-routes.js';
import organizationRoutes from './routes/organization-routes.js';
import { createAuth, type Auth } from './usecases/auth.js';
import { createOrganizations, type Organizations } from './usecases/organizations.js';

export interface AuthModule {
  auth: Auth;
  organizations: Organizations;
  routes: RoutePlugin[];
  jobs: PeriodicJob[];
}

export function createAuthModule(deps: { db: Db; clock: Clock }): AuthModule {
  const throttle = createLoginThrottle({ store: createSqlLoginThrottleStore(deps.db), clock: deps.clock });
  const auth = createAuth({ auth: createSqlAuthStore(deps.db), clock: deps.clock, throttle });
  const organizations = createOrganizations({ orgs: createSqlOrgStore(deps.db), auth, clock: deps.clock });
  return {
    auth,
    organizations,
    routes: [(app) => authRoutes(app, { auth }), (app) => organizationRoutes(app, { auth, organizations })],
    jobs: [
      {
        name: 'prune-login-throttle',
        everyMs: 3600_000,
        run: async () => {
          const pruned = await auth.pruneLoginThrottle();
          return pruned > 0 ? { pruned } : undefined;
        },
      },
    ],
  };
}
