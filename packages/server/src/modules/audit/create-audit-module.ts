// The audit module: the hash-chained, append-only trail of every change a person or an API key
// makes (docs/security.md, "Audit trail"), its HTTP hooks, its API and its verification.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import { createSqlAuditStore } from './adapters/sql-audit-store.js';
import auditRoutes from './routes/audit-routes.js';
import { httpAuditHooks, type HttpAuditHooks } from './routes/http-audit.js';
import { createAuditTrail, type AuditTrail } from './usecases/audit-trail.js';

export interface AuditModule {
  trail: AuditTrail;
  /** Installed by the HTTP app on every route. */
  http: HttpAuditHooks;
  routes: RoutePlugin[];
}

export function createAuditModule(deps: { db: Db; clock: Clock }): AuditModule {
  const trail = createAuditTrail({ store: createSqlAuditStore(deps.db), clock: deps.clock });
  return {
    trail,
    http: httpAuditHooks(trail),
    routes: [(app) => auditRoutes(app, { trail })],
  };
}
