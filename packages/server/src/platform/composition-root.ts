// The composition root: the only place that knows every module's factory. Server roles, CLI
// commands, the simulation, benchmarks and tests all build their Platform here, from one Config.
import type { Db } from '../shared/db/db.js';
import type { Clock } from '../shared/clock/clock.js';
import { systemClock } from '../shared/clock/system-clock.js';
import { openDb } from '../shared/db/open-db.js';
import { migrate, type MigrationResult } from '../shared/db/migrate.js';
import { pgliteMaintenanceJob } from '../shared/db/maintenance.js';
import { identityHasher, identityMatches } from '../shared/crypto/deployment-secret.js';
import { loadSecretKeys, type SecretKeys } from '../shared/crypto/secret-keys.js';
import { createDebtorVault, type DebtorVault } from '../shared/crypto/debtor-vault.js';
import type { PeriodicJob } from '../shared/jobs/periodic.js';
import type { RoutePlugin } from '../shared/http/route-kit.js';
import { createAuthModule, type Auth, type Organizations } from '../modules/auth/index.js';
import { createRecordModule, type RecordService, type TimelineStore } from '../modules/record/index.js';
import {
  createImportsModule,
  type DemoLoadStore,
  type DemoPersonas,
  type Imports,
} from '../modules/imports/index.js';
import { createOffersModule, type OffersModule } from '../modules/offers/index.js';
import { createComplianceModule, type ComplianceModule } from '../modules/compliance/index.js';
import { createAuditModule, type AuditTrail, type HttpAuditHooks } from '../modules/audit/index.js';
import { createNluModule, type NluService } from '../modules/nlu/index.js';
import { createPrivacyModule, type Privacy, type Suppressions } from '../modules/privacy/index.js';
import type { Channels, ContactObserver } from '../modules/channels/index.js';
import type { DomainEventHandler, Events } from '../modules/events/index.js';
import type { DialogueModule } from '../modules/dialogue/index.js';
import type { BuildEngineOptions, Engine } from '../modules/strategy/index.js';
import type { WebhooksModule, WebhooksOptions } from '../modules/webhooks/index.js';
import healthRoutes from './http/health-routes.js';
import type { Config } from './config.js';
import { version } from './version.js';

export type PlatformLog = (
  level: 'info' | 'warn' | 'error',
  msg: string,
  data: Record<string, unknown>,
) => void;

export interface PlatformOptions {
  config: Config;
  /** An already-open database (tests share one per file; the simulation brings its own). */
  db?: Db;
  clock?: Clock;
  /** Every channel on the sandbox even when providers are configured (simulations, demos). */
  sandboxOnly?: boolean;
  sandboxSeed?: string | number;
  /** Engine tuning (batch sizes, lease owner) — simulations and benchmarks. */
  engine?: Partial<Pick<BuildEngineOptions, 'owner' | 'worker' | 'dispatcher' | 'promiseDays'>>;
  log?: PlatformLog;
  /** Told every contact outcome (simulations count contacts with it). */
  onContact?: ContactObserver;
  /** Webhook delivery tuning (timeout, batch) — tests. */
  webhooks?: WebhooksOptions;
}

/** The common record, import, auth, compliance and NLU: what the CLI's data commands need. */
export interface CorePlatform {
  clock: Clock;
  storage: Db['kind'];
  migrations: MigrationResult;
  defaultOrgId: string;
  auth: Auth;
  organizations: Organizations;
  record: RecordService;
  /** Offer policies, what may be offered on an account, and the check of a proposal (ADR 0009). */
  offers: OffersModule;
  imports: Imports;
  /** Where the demo loader records what it generated, so a later process knows the demo's debtors. */
  demoLoads: DemoLoadStore;
  compliance: ComplianceModule;
  /** The hash-chained audit trail of changes made by people and API keys. */
  audit: AuditTrail;
  /** The HTTP app's audit hooks (every change through the API is recorded). */
  httpAudit: HttpAuditHooks;
  /** The NLU service (the model is loaded on the first call). */
  nlu(): Promise<NluService>;
  /** Access and erasure of a debtor's personal data, retention (ADR 0010, docs/privacy.md). */
  privacy: Privacy;
  /** Every module's HTTP routes (role api|all). */
  routes: RoutePlugin[];
  /** Periodic jobs (role worker|all). */
  jobs: PeriodicJob[];
  /** Readiness: the database answers. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** The whole platform: the core plus channels (compliance-gated messaging) and the strategy engine. */
export interface Platform extends CorePlatform {
  channels: Channels;
  engine: Engine;
  /** The domain-event consumer (the worker runs it; simulations drain it). */
  events: Events;
  /** Conversations with the bot (received messages are answered unless SALDO_DIALOGUE=off). */
  dialogue: DialogueModule;
  /** Outbound webhooks: subscriptions and the delivery job (the worker runs it; tests drain it). */
  webhooks: WebhooksModule;
}

/**
 * The core platform. Channels and the strategy engine (provider SDKs, the sandbox) are not loaded,
 * which keeps a 1M-row import process small.
 */
export async function buildCore(opts: PlatformOptions): Promise<
  CorePlatform & {
    keys: SecretKeys;
    db: Db;
    timeline: TimelineStore;
    demoPersonas: DemoPersonas;
    vault: DebtorVault;
    suppressions: Suppressions;
  }
> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const db = opts.db ?? (await openDb(config.db));
  const migrations = await migrate(db, clock.now());
  const keys = await loadSecretKeys(db, clock.now(), {
    fromEnv: config.secrets.secretKey,
    retiredFromEnv: config.secrets.retiredKeys,
    file: config.secrets.keyFile,
  }).catch(async (e: unknown) => {
    if (!opts.db) await db.close(); // release the data directory: the error is the operator's to fix
    throw e;
  });
  const ready = () =>
    db.query('SELECT 1').then(
      () => true,
      () => false,
    );
  const authModule = createAuthModule({ db, clock });
  const defaultOrgId = await authModule.organizations.ensureDefault();
  if (config.secrets.bootstrapApiKey)
    await authModule.auth.ensureBootstrapKey(defaultOrgId, config.secrets.bootstrapApiKey);
  const offersModule = createOffersModule({ db, clock });
  // Per-debtor keys for personal data (ADR 0010): every writer and reader of sealed content.
  const vault = createDebtorVault(keys, clock);
  const recordModule = createRecordModule(
    { db, clock, offerPolicies: offersModule.policies, vault },
    { version, ready },
  );
  const importsModule = createImportsModule({
    db,
    clock,
    portfolios: recordModule.portfolios,
    hashIdentity: identityHasher(keys.current),
    identityMatches: (kind, value, stored) => identityMatches(keys, kind, value, stored),
  });
  const compliance = createComplianceModule({ db, clock });
  const auditModule = createAuditModule({ db, clock }, config.audit);
  const nluModule = createNluModule({ clock, log: opts.log }, config.nlu);
  const privacyModule = createPrivacyModule({ db, clock, vault, keys });
  return {
    db,
    keys,
    vault,
    suppressions: privacyModule.suppressions,
    privacy: privacyModule.privacy,
    timeline: recordModule.timeline,
    clock,
    storage: db.kind,
    migrations,
    defaultOrgId,
    auth: authModule.auth,
    organizations: authModule.organizations,
    record: recordModule.record,
    offers: offersModule,
    imports: importsModule.imports,
    demoLoads: importsModule.demoLoads,
    demoPersonas: importsModule.demoPersonas,
    compliance,
    audit: auditModule.trail,
    httpAudit: auditModule.http,
    nlu: nluModule.service,
    routes: [
      (app) => healthRoutes(app, { ready, version, storage: db.kind }),
      ...authModule.routes,
      ...recordModule.routes,
      ...offersModule.routes,
      ...importsModule.routes,
      ...compliance.routes,
      ...auditModule.routes,
      ...nluModule.routes,
      ...privacyModule.routes,
    ],
    jobs: [
      ...authModule.jobs,
      ...recordModule.jobs,
      ...privacyModule.jobs,
      ...auditModule.jobs,
      ...(db.kind === 'pglite' ? [pgliteMaintenanceJob(db)] : []),
    ],
    ready,
    close: () => db.close(),
  };
}

/** The modules the whole platform adds to the core, loaded only when a process needs them. */
async function loadPlatformModules() {
  const [channels, strategy, events, nlu, dialogue, webhooks] = await Promise.all([
    import('../modules/channels/index.js'),
    import('../modules/strategy/index.js'),
    import('../modules/events/index.js'),
    import('../modules/nlu/index.js'),
    import('../modules/dialogue/index.js'),
    import('../modules/webhooks/index.js'),
  ]);
  return { channels, strategy, events, nlu, dialogue, webhooks };
}

type PlatformModules = Awaited<ReturnType<typeof loadPlatformModules>>;
type BuiltCore = Awaited<ReturnType<typeof buildCore>>;

function warnLog(opts: PlatformOptions) {
  return opts.log ? (msg: string, data: Record<string, unknown>) => opts.log!('warn', msg, data) : undefined;
}

function buildChannelsFor(m: PlatformModules, opts: PlatformOptions, c: BuiltCore) {
  return m.channels.buildChannels({
    db: c.db,
    clock: c.clock,
    defaultOrgId: c.defaultOrgId,
    record: c.record,
    timeline: c.timeline,
    vault: c.vault,
    suppressions: c.suppressions,
    compliance: c.compliance.checker,
    config: opts.config.channels,
    secret: c.keys.current,
    retiredSecrets: c.keys.retired,
    ...(opts.sandboxOnly ? { sandboxOnly: true } : {}),
    ...(opts.sandboxSeed !== undefined ? { sandboxSeed: opts.sandboxSeed } : {}),
    // The demo's simulated debtors know who they are in any process, after any restart.
    sandboxPersonaSource: c.demoPersonas,
    ...(opts.onContact ? { onContact: opts.onContact } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
}

/** The strategy engine: journeys on Postgres, contacts through the compliance-gated messaging. */
function buildEngineFor(m: PlatformModules, opts: PlatformOptions, c: BuiltCore, channels: Channels): Engine {
  return m.strategy.buildEngine({
    db: c.db,
    clock: c.clock,
    messaging: channels.messaging,
    contactStores: channels.stores,
    compliance: c.compliance.checker,
    // Replies advance journeys by what the NLU reads in them (loaded on the first reply).
    replies: m.nlu.createNluReplyReader({ nlu: c.nlu, knownIntent: m.channels.sandboxReplyIntent }),
    // A promise made in a reply is a promise of the record (agents, expiry and payment matching see it).
    promises: c.record,
    ...(opts.engine ?? {}),
    // One writer per fact: with the dialogue on, it writes the agreements a reply on a channel it
    // answers reaches (after the identity check, through the offer gate) and journeys react to the
    // record's promise events; a reply it does not answer (a voicebot message) is still recorded here.
    // Call speech is call progress, which only the dialogue's voice turn reads.
    ...(opts.config.dialogue.enabled ? { conversationChannels: m.dialogue.answeredChannels } : {}),
  });
}

/** Conversations: the API (reads, turns of channels Saldo does not host) always; answering received
 * messages unless SALDO_DIALOGUE=off. */
function buildDialogueFor(m: PlatformModules, opts: PlatformOptions, c: BuiltCore, channels: Channels) {
  const warn = warnLog(opts);
  return m.dialogue.createDialogueModule(
    {
      db: c.db,
      clock: c.clock,
      vault: c.vault,
      messaging: channels.messaging,
      agreements: c.record,
      policyFor: (orgId, portfolioId) => c.offers.policyFor(orgId, portfolioId),
      nlu: c.nlu,
      identityMatches: (kind, value, stored) => identityMatches(c.keys, kind, value, stored),
      ...(warn ? { log: warn } : {}),
    },
    { rephrase: opts.config.dialogue.rephrase },
  );
}

/** Integrators' subscriptions: a delivery per subscribed event, sent by the worker. */
function buildWebhooksFor(opts: PlatformOptions, c: BuiltCore, m: PlatformModules): WebhooksModule {
  const warn = warnLog(opts);
  return m.webhooks.createWebhooksModule(
    {
      db: c.db,
      clock: c.clock,
      rootSecret: c.keys.current,
      retiredSecrets: c.keys.retired,
      version,
      ...(opts.engine?.owner ? { owner: opts.engine.owner } : {}),
      ...(warn ? { log: warn } : {}),
    },
    opts.config.webhooks,
    opts.webhooks,
  );
}

/**
 * The one event path: facts' domain events (written with the facts) → the worker. The dialogue
 * answers a received message first (its turn is keyed by the inbound event, so a redelivery re-sends
 * nothing twice); then the journeys see it; then the webhook fan-out queues its deliveries. The
 * tallies stay the strategy engine's: the dialogue's own result is not counted.
 */
function buildEventsFor(
  m: PlatformModules,
  opts: PlatformOptions,
  c: BuiltCore,
  parts: { engine: Engine; dialogue: DialogueModule; webhooks: WebhooksModule },
): Events {
  const warn = warnLog(opts);
  const answerFirst: DomainEventHandler = async (e) => {
    await parts.dialogue.handle(e);
    return null;
  };
  return m.events.buildEvents({
    db: c.db,
    clock: c.clock,
    handle: [
      ...(opts.config.dialogue.enabled ? [answerFirst] : []),
      parts.engine.router.handle,
      parts.webhooks.fanOut,
    ],
    tallies: parts.engine.router.tallies,
    ...(opts.engine?.owner ? { owner: opts.engine.owner } : {}),
    ...(warn ? { log: warn } : {}),
  });
}

/** The whole platform: the core, then channels, the engine, conversations, webhooks and the event path. */
export async function buildPlatform(opts: PlatformOptions): Promise<Platform> {
  const built = await buildCore(opts);
  const {
    keys: _keys,
    db: _db,
    timeline: _timeline,
    demoPersonas: _demoPersonas,
    vault: _vault,
    suppressions: _suppressions,
    ...core
  } = built;
  const m = await loadPlatformModules();
  const channels = await buildChannelsFor(m, opts, built);
  const engine = buildEngineFor(m, opts, built, channels);
  const dialogue = buildDialogueFor(m, opts, built, channels);
  const webhooks = buildWebhooksFor(opts, built, m);
  // Voicebot calls talk with the bot (the TwiML <Gather> loop) only when the dialogue is on.
  if (opts.config.dialogue.enabled) channels.attachVoiceDialogue(dialogue.voice);
  const events = buildEventsFor(m, opts, built, { engine, dialogue, webhooks });
  return {
    ...core,
    channels,
    engine,
    events,
    dialogue,
    webhooks,
    routes: [...core.routes, ...channels.routes, ...engine.routes, ...dialogue.routes, ...webhooks.routes],
    jobs: [...core.jobs, ...channels.jobs, ...engine.jobs, ...events.jobs, ...webhooks.jobs],
    async close() {
      await channels.close();
      await core.close();
    },
  };
}
