// The audit module: the hash-chained, append-only trail of every change a person or an API key
// makes (docs/security.md, "Audit trail"), its HTTP hooks, its API and its verification.
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PeriodicJob } from '../../shared/jobs/periodic.js';
import { createFileAnchorLog } from './adapters/file-anchor-log.js';
import { createSqlAuditStore } from './adapters/sql-audit-store.js';
import auditRoutes from './routes/audit-routes.js';
import { httpAuditHooks, type HttpAuditHooks } from './routes/http-audit.js';
import { createAuditTrail, type AuditTrail } from './usecases/audit-trail.js';

export interface AuditModule {
  trail: AuditTrail;
  /** Installed by the HTTP app on every route. */
  http: HttpAuditHooks;
  routes: RoutePlugin[];
  /** The worker anchors every chain's head outside the database, hourly. */
  jobs: PeriodicJob[];
}

/** How often the worker anchors the chains' heads (each run verifies only what came since the last). */
const ANCHOR_EVERY_MS = 60 * 60_000;

export function createAuditModule(
  deps: { db: Db; clock: Clock },
  config: { anchorFile: string },
): AuditModule {
  const trail = createAuditTrail({
    store: createSqlAuditStore(deps.db),
    clock: deps.clock,
    anchors: createFileAnchorLog(config.anchorFile),
  });
  return {
    trail,
    http: httpAuditHooks(trail),
    routes: [(app) => auditRoutes(app, { trail })],
    jobs: [{ name: 'audit-anchor', everyMs: ANCHOR_EVERY_MS, run: () => anchorHeads(trail) }],
  };
}

/** A run's result for the worker's log: what was anchored, and any chain that no longer holds. */
async function anchorHeads(trail: AuditTrail) {
  const reports = await trail.anchor();
  const broken = reports.filter((r) => r.breaks.length > 0);
  if (broken.length > 0)
    throw new Error(
      `audit chains no longer hold, not anchored: ${broken.map((r) => `${r.orgId} (${r.breaks.map((b) => `${b.seq} ${b.problem}`).join(', ')})`).join('; ')}`,
    );
  const anchored = reports.filter((r) => r.anchored !== null).length;
  return anchored > 0 ? { anchored, file: trail.anchorLocation } : undefined;
}
