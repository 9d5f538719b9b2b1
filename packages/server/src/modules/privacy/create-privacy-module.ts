// The privacy module: access and erasure requests for a debtor's personal data (crypto-shredding
// with per-debtor keys, ADR 0010), the suppression of erased debtors' addresses, and retention per
// organisation with its worker job (docs/privacy.md).
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import type { DebtorVault } from '../../shared/crypto/debtor-vault.js';
import { addressHasher } from '../../shared/crypto/address-hash.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import type { PeriodicJob } from '../../shared/jobs/periodic.js';
import { createSqlErasureStore } from './adapters/sql-erasure-store.js';
import { createSqlPersonalDataReader } from './adapters/sql-personal-data.js';
import { createSqlRetentionStore } from './adapters/sql-retention-store.js';
import { createSqlSuppressions } from './adapters/sql-suppressions.js';
import type { Suppressions } from './ports.js';
import privacyRoutes from './routes.js';
import { createPrivacy, type Privacy } from './usecases/privacy.js';

export interface PrivacyModule {
  privacy: Privacy;
  /** For the channels: whether an address belonged to an erased debtor, and what they had opted out of. */
  suppressions: Suppressions;
  routes: RoutePlugin[];
  jobs: PeriodicJob[];
}

export function createPrivacyModule(deps: {
  db: Db;
  clock: Clock;
  vault: DebtorVault;
  /** The root keys: addresses of erased debtors are kept as keyed hashes. */
  keys: { current: string; retired: readonly string[] };
}): PrivacyModule {
  const hasher = addressHasher(deps.keys);
  const privacy = createPrivacy({
    erasures: createSqlErasureStore(deps.db, deps.vault, hasher),
    reader: createSqlPersonalDataReader(deps.db, deps.vault),
    retention: createSqlRetentionStore(deps.db),
    clock: deps.clock,
  });
  return {
    privacy,
    suppressions: createSqlSuppressions(deps.db, hasher),
    routes: [(app) => privacyRoutes(app, { privacy })],
    jobs: [{ name: 'privacy-retention', everyMs: 3_600_000, run: () => privacy.eraseExpired() }],
  };
}
