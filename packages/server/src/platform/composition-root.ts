// The composition root: the only place that knows every adapter. The CLI, the HTTP server and
// the tests build a Platform here and talk to its use cases.
import { SaldoError } from '@saldo/core';
import type { Db } from '../shared/db/db.js';
import type { Clock } from '../shared/clock/clock.js';
import { systemClock } from '../shared/clock/system-clock.js';
import { openDb } from '../shared/db/open-db.js';
import { migrate } from '../shared/db/migrate.js';
import { identityHasher, loadDeploymentSecret } from '../shared/crypto/deployment-secret.js';
import { createSqlImportStore } from '../modules/imports/adapters/sql-import-store.js';
import { createSqlOrgStore } from '../modules/auth/adapters/sql-org-store.js';
import { createSqlAuthStore } from '../modules/auth/adapters/sql-auth-store.js';
import { createSqlPortfolioStore } from '../modules/record/adapters/sql-portfolio-store.js';
import { createSqlAccountStore } from '../modules/record/adapters/sql-account-store.js';
import { createSqlDebtorStore } from '../modules/record/adapters/sql-debtor-store.js';
import { createSqlTimelineStore } from '../modules/record/adapters/sql-timeline-store.js';
import { createSqlPaymentStore } from '../modules/record/adapters/sql-payment-store.js';
import { openCsvImportSource } from '../modules/imports/adapters/csv-import-source.js';
import { createAuth } from '../modules/auth/usecases/auth.js';
import { createOrganizations } from '../modules/auth/usecases/organizations.js';
import { createRecord } from '../modules/record/usecases/record.js';
import { createImports } from '../modules/imports/usecases/imports.js';
import { createSqlPromiseExpiryStore } from '../modules/record/adapters/sql-promise-expiry-store.js';
import { pgliteMaintenanceJob } from '../shared/db/maintenance.js';
import { expireOverduePromises } from '../modules/record/usecases/expire-promises.js';
import { createSqlOrgPolicyStore } from '../modules/compliance/adapters/sql-org-policy-store.js';
import { createComplianceChecker } from '../modules/compliance/usecases/check-compliance.js';
import { createCompliancePolicies } from '../modules/compliance/usecases/compliance-policy.js';
import type { NluLogger, NluService } from '../modules/nlu/adapters/nlu-service.js';
import type { NluLlmConfig } from '../modules/nlu/llm-config.js';
import type { ContactObserver } from '../modules/channels/usecases/contact-debtor.js';

export interface PlatformOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already-open database (tests share one per file). */
  db?: Db;
  clock?: Clock;
  secretKey?: string | undefined;
  bootstrapApiKey?: string | undefined;
  /** Provider credentials and SALDO_PUBLIC_URL (channels read TWILIO_*, WHATSAPP_*, SMTP_URL…). */
  env?: Record<string, string | undefined>;
  /** Every channel on the sandbox even when providers are configured (simulations, demos). */
  sandboxOnly?: boolean;
  sandboxSeed?: string | number;
  /** Engine tuning (batch sizes, lease owner) — simulations and benchmarks. */
  engine?: Partial<
    Pick<
      import('../modules/strategy/create-strategy.js').BuildEngineOptions,
      'owner' | 'worker' | 'dispatcher' | 'promiseDays'
    >
  >;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
  /** A model written by `saldo nlu train --out` (default: trained from the corpus at start). */
  nluModelPath?: string | undefined;
  /** The optional LLM second opinion for low-confidence NLU replies (off when undefined). */
  nluLlm?: NluLlmConfig | undefined;
  /** Told every contact outcome (simulations count contacts with it). */
  onContact?: ContactObserver;
}

/**
 * The common record, import, auth, compliance and NLU — what the CLI's import, demo, migrate and
 * admin commands need. Channels and the strategy engine (provider SDKs, the sandbox) are not
 * loaded, which keeps a 1M-row import process small.
 */
export async function buildCore(opts: PlatformOptions) {
  const clock = opts.clock ?? systemClock;
  const db = opts.db ?? (await openDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir }));
  const migrations = await migrate(db, clock.now());
  if (opts.secretKey !== undefined && opts.secretKey.length < 16)
    throw new SaldoError('validation', 'SALDO_SECRET_KEY must have at least 16 characters');
  const secret = await loadDeploymentSecret(db, clock.now(), opts.secretKey);
  const stores = {
    orgs: createSqlOrgStore(db),
    auth: createSqlAuthStore(db),
    portfolios: createSqlPortfolioStore(db),
    accounts: createSqlAccountStore(db),
    debtors: createSqlDebtorStore(db),
    timeline: createSqlTimelineStore(db),
    payments: createSqlPaymentStore(db),
    imports: createSqlImportStore(db, identityHasher(secret)),
  };
  const auth = createAuth({ auth: stores.auth, clock });
  const organizations = createOrganizations({ orgs: stores.orgs, auth, clock });
  const record = createRecord({ ...stores, clock });
  const imports = createImports({
    imports: stores.imports,
    portfolios: stores.portfolios,
    clock,
    openCsv: openCsvImportSource,
  });
  const orgPolicyStore = createSqlOrgPolicyStore(db);
  const compliance = {
    checker: createComplianceChecker({ orgPolicyStore }),
    policies: createCompliancePolicies({ store: orgPolicyStore, clock }),
  };
  // The NLU model trains from the corpus in ~1 s: built once, on first use (the server warms it
  // up after it starts listening), not in every process that merely imports a file.
  let nluModel: Promise<NluService> | null = null;
  const nluLogger = (log: NonNullable<PlatformOptions['log']>): NluLogger => ({
    warn: (data, msg) => log('warn', msg, { ...data }),
    info: (data, msg) => log('info', msg, { ...data }),
  });
  const nluReady = () =>
    (nluModel ??= import('../modules/nlu/create-nlu.js').then(({ buildNluService }) =>
      buildNluService({
        clock,
        modelPath: opts.nluModelPath,
        llm: opts.nluLlm,
        logger: opts.log ? nluLogger(opts.log) : undefined,
        logLevel: opts.env?.LOG_LEVEL,
      }),
    ));
  const defaultOrgId = await organizations.ensureDefault();
  if (opts.bootstrapApiKey) await auth.ensureBootstrapKey(defaultOrgId, opts.bootstrapApiKey);

  return {
    db,
    clock,
    migrations,
    defaultOrgId,
    secret,
    auth,
    organizations,
    record,
    imports,
    compliance,
    /** The NLU service (the model is loaded on the first call). */
    nlu: nluReady,
    /** Worker jobs (role worker|all). */
    jobs: [
      {
        name: 'expire-overdue-promises',
        everyMs: 60_000,
        run: () => expireOverduePromises({ promises: createSqlPromiseExpiryStore(db), clock }),
      },
      ...(db.kind === 'pglite' ? [pgliteMaintenanceJob(db)] : []),
    ],
    /** Readiness: the database answers. */
    async ready(): Promise<boolean> {
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.close(),
  };
}
export type CorePlatform = Awaited<ReturnType<typeof buildCore>>;

/** The whole platform: the core plus channels (compliance-gated messaging) and the strategy engine. */
export async function buildPlatform(opts: PlatformOptions) {
  const core = await buildCore(opts);
  const { db, clock, defaultOrgId, record, compliance, secret } = core;
  const [
    { buildChannels },
    { buildEngine },
    { buildEvents },
    { createNluReplyReader },
    { sandboxReplyIntent },
  ] = await Promise.all([
    import('../modules/channels/create-channels.js'),
    import('../modules/strategy/create-strategy.js'),
    import('../modules/events/index.js'),
    import('../modules/nlu/index.js'),
    import('../modules/channels/adapters/sandbox-replies.js'),
  ]);
  const env = opts.env ?? {};
  const channels = await buildChannels({
    db,
    clock,
    defaultOrgId,
    record,
    compliance: compliance.checker,
    env: { ...env, SALDO_SECRET_KEY: secret },
    publicUrl: env.SALDO_PUBLIC_URL,
    sandboxOnly: opts.sandboxOnly,
    sandboxSeed: opts.sandboxSeed,
    ...(opts.onContact ? { onContact: opts.onContact } : {}),
    log: opts.log,
  });
  // The strategy engine: journeys on Postgres, contacts through the compliance-gated messaging.
  const engine = buildEngine({
    db,
    clock,
    messaging: channels.messaging,
    contactStores: channels.stores,
    compliance: compliance.checker,
    // Replies advance journeys by what the NLU reads in them (loaded on the first reply).
    replies: createNluReplyReader({ nlu: core.nlu, knownIntent: sandboxReplyIntent }),
    // A promise made in a reply is a promise of the record (agents, expiry and payment matching see it).
    promises: record,
    ...(opts.engine ?? {}),
  });
  // The one event path: facts' domain events (written with the facts) → the worker → journeys.
  const events = buildEvents({
    db,
    clock,
    handle: engine.router.handle,
    tallies: engine.router.tallies,
    ...(opts.engine?.owner ? { owner: opts.engine.owner } : {}),
    ...(opts.log
      ? { log: (msg: string, data: Record<string, unknown>) => opts.log!('warn', msg, data) }
      : {}),
  });
  return {
    ...core,
    channels,
    engine,
    events,
    jobs: [...core.jobs, ...channels.jobs, ...engine.jobs, ...events.jobs],
    async close() {
      await channels.close();
      await core.close();
    },
  };
}
export type Platform = Awaited<ReturnType<typeof buildPlatform>>;
