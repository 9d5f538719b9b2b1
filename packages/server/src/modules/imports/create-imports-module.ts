// The imports module: portfolio CSV imports (streamed, validated, merged set-based) and the demo
// portfolio loader, with their routes.
import type { Clock } from '../../shared/clock/clock.js';
import type { IdentityHasher, IdentityMatcher } from '../../shared/crypto/deployment-secret.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PortfolioStore } from '../record/index.js';
import { openCsvImportSource } from './adapters/csv-import-source.js';
import { spoolUpload } from './adapters/spool-upload.js';
import { createSqlDemoLoadStore } from './adapters/sql-demo-load-store.js';
import { createSqlImportStore } from './adapters/sql-import-store.js';
import type { DemoLoadStore } from './ports.js';
import importRoutes from './routes.js';
import { createDemoPersonas, type DemoPersonas } from './usecases/demo-personas.js';
import { createImports, type Imports } from './usecases/imports.js';

export interface ImportsModule {
  imports: Imports;
  /** Where the demo loader records what it generated (`loadDemoPortfolio` needs it). */
  demoLoads: DemoLoadStore;
  /** Who the demo debtors are, generated again from the recorded loads (the sandbox's personas). */
  demoPersonas: DemoPersonas;
  routes: RoutePlugin[];
}

export function createImportsModule(deps: {
  db: Db;
  clock: Clock;
  /** The record module's portfolios: an import creates its portfolio on first use. */
  portfolios: PortfolioStore;
  /** Identity-check values are stored as HMACs with the deployment secret. */
  hashIdentity: IdentityHasher;
  /** Compares a value with a stored identity HMAC (current and retired keys). */
  identityMatches: IdentityMatcher;
}): ImportsModule {
  const imports = createImports({
    imports: createSqlImportStore(deps.db, deps.hashIdentity),
    portfolios: deps.portfolios,
    clock: deps.clock,
    openCsv: openCsvImportSource,
  });
  const demoLoads = createSqlDemoLoadStore(deps.db);
  return {
    imports,
    demoLoads,
    demoPersonas: createDemoPersonas({ loads: demoLoads, matches: deps.identityMatches }),
    routes: [(app) => importRoutes(app, { imports, spoolUpload })],
  };
}
