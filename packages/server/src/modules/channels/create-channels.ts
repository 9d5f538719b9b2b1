// Composition of the channels area: durable inbound pipeline, provider sets per organisation
// (sandbox by default, real providers from the environment or the encrypted settings table),
// webhook routes and the compliance-gated Messaging use case. The composition root calls buildChannels once.
import { hkdfSync } from 'node:crypto';
import type { CompiledPack, ComplianceEngine } from '@saldo/core/compliance';
import type { Clock } from '../../shared/clock/clock.js';
import { createSecretBox, type SecretBox } from '../../shared/crypto/secret-box.js';
import type { Db } from '../../shared/db/db.js';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import { createSqlEventOutbox } from '../events/index.js';
import type { RecordService, TimelineStore } from '../record/index.js';
import type { DebtorVault } from '../../shared/crypto/debtor-vault.js';
import type { AddressSuppressions } from './usecases/contact-suppression.js';
import type { InboundSuppressions } from './usecases/receive-inbound.js';
import { createSettingsResolver } from './adapters/create-channel-providers.js';
import { parseInboundEmail } from './adapters/email-inbound.js';
import { createEmailTracking } from './adapters/email-tracking.js';
import { createPaymentLinks } from './adapters/payment-links.js';
import { DeliveryMetrics } from './adapters/rate-limiter.js';
import { SandboxPersonaBook, type SandboxPersonaSource } from './adapters/sandbox-personas.js';
import type { TwilioHttpClient } from './adapters/twilio-messaging.js';
import { createChannelWebhooks } from './adapters/webhooks/channel-webhooks.js';
import { createChannelEventOutbox } from './adapters/sql/channel-event-outbox.js';
import {
  createSqlContactPointLookup,
  createSqlOptOutRecorder,
  createSqlTimelineWriter,
} from './adapters/sql/channel-records.js';
import { createSqlChannelSettingsStore } from './adapters/sql/channel-settings-store.js';
import {
  createSqlComplianceRefusalStore,
  createSqlContactTargetStore,
} from './adapters/sql/contact-target-store.js';
import { createSqlInboundStore } from './adapters/sql/inbound-store.js';
import { createSqlOutboundLocator } from './adapters/sql/outbound-locator.js';
import { createSqlOutboundMessageStore } from './adapters/sql/outbound-message-store.js';
import { createSqlTemplateStore } from './adapters/sql/template-store.js';
import { createSqlVoiceScriptStore } from './adapters/sql/voice-script-store.js';
import { createOrgProviderSets } from './create-org-providers.js';
import type { InboundSmtpConfig } from './inbound-mail-config.js';
import type { VoiceDialogue } from './ports/channel-provider.js';
import type { OrgChannelSettings } from './ports/channel-settings.js';
import type { ChannelRouter, OutboundMessageStore } from './ports/contact-records.js';
import type { Messaging } from './ports/messaging.js';
import type { TemplateCatalog } from './ports/template-catalog.js';
import type { InboundMailReceiver } from './ports/inbound-mail.js';
import type { InboundStore } from './ports/inbound-store.js';
import channelAdminRoutes, { type ChannelAdminRouteDeps } from './routes/channel-admin-routes.js';
import { createSqlUnknownOutcomeStore } from './adapters/sql/unknown-outcome-store.js';
import webhookRoutes from './routes/webhook-routes.js';
import { createChannelSettingsAdmin } from './usecases/channel-settings.js';
import { createContactDebtor, type ContactObserver } from './usecases/contact-debtor.js';
import { createProviderEventIntake } from './usecases/provider-event-intake.js';
import { createReceiveInbound, type ReceiveInbound } from './usecases/receive-inbound.js';
import { createReceiveInboundMail } from './usecases/receive-inbound-mail.js';
import { createSandboxPaymentRecorder } from './usecases/sandbox-payments.js';
import { createTemplates } from './usecases/templates.js';

/** The channels module's slice of the configuration (platform/config.ts builds it). */
export interface ChannelsConfig {
  /** SALDO_PUBLIC_URL, without a trailing slash: webhook and payment-link base. */
  publicUrl: string;
  /** The default organisation's providers, from the environment (other organisations: the settings table). */
  providers: Omit<OrgChannelSettings, 'orgId'>;
  /** How often a cached organisation's provider settings are re-validated. */
  settingsRecheckMs: number;
  /** Reply and bounce domains (SALDO_INBOUND_EMAIL_DOMAIN); [] = no Reply-To / VERP. */
  inboundDomains: string[];
  /** The inbound SMTP listener, started by the api role; null = off. */
  inboundSmtp: InboundSmtpConfig | null;
  /**
   * SALDO_PROVIDER_TIMEOUT_MS: the deadline of every provider request, shorter than the send lease
   * (`SEND_LEASE_MS`), so a call that hangs ends before a replay may resume its send intent.
   */
  providerTimeoutMs: number;
  trackingSecret?: string;
  agentNumber?: string;
  callbackNumber?: string;
}

export interface BuildChannelsOptions {
  db: Db;
  clock: Clock;
  config: ChannelsConfig;
  /** The root secret key (SALDO_SECRET_KEY, else the key file): a key per purpose is derived from it. */
  secret: string;
  /** Root secrets from before a key rotation: they still open provider secrets sealed with them. */
  retiredSecrets?: readonly string[];
  defaultOrgId: string;
  /** The record's timeline: every contact and refusal is written to it. */
  timeline: TimelineStore;
  /** Per-debtor keys: an inbound message's text and sender are sealed on the timeline (ADR 0010). */
  vault: DebtorVault;
  /** Addresses of erased debtors: the send path keeps their opt-outs (the privacy module). */
  suppressions?: AddressSuppressions & InboundSuppressions;
  /** platform.record: simulated sandbox payments are recorded through recordPayment. */
  record: Pick<RecordService, 'recordPayment'>;
  /** The compliance engine + org policy layer (createComplianceChecker fits); default: law packs only. */
  compliance?: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> };
  sandboxSeed?: string | number;
  /** Every channel on the sandbox even when providers are configured (demo mode). */
  sandboxOnly?: boolean;
  /** Who the demo debtors are when this process did not load the demo (the imports' demoPersonas). */
  sandboxPersonaSource?: SandboxPersonaSource;
  twilioHttpClient?: TwilioHttpClient;
  /** Told every contact outcome (simulations count contacts with it). */
  onContact?: ContactObserver;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

export async function buildChannels(o: BuildChannelsOptions) {
  const { db, clock, config } = o;
  const log = o.log ?? (() => {});
  const trackingSecret = config.trackingSecret ?? deriveKey(o.secret, 'saldo/email-tracking/v1');
  const stores = createChannelStores(db, clock, createSecretBox(o.secret, undefined, o.retiredSecrets));
  const envSettings: OrgChannelSettings = { orgId: o.defaultOrgId, ...config.providers };
  const metrics = new DeliveryMetrics();
  const sandboxPersonas = new SandboxPersonaBook(o.sandboxPersonaSource, (msg, data) =>
    log('warn', msg, data),
  );

  const inbound = createInboundPipeline(
    db,
    clock,
    stores.inbound,
    stores.outbound,
    log,
    o.vault,
    o.suppressions,
  );
  const intake = createProviderEventIntake({ inbound, log });
  const orgSets = createOrgProviderSets({
    db,
    clock,
    defaultOrgId: o.defaultOrgId,
    envSettings,
    settingsStore: stores.settings,
    settingsRecheckMs: config.settingsRecheckMs,
    publicUrl: config.publicUrl,
    trackingSecret,
    voiceScripts: stores.voiceScripts,
    providerTimeoutMs: config.providerTimeoutMs,
    metrics,
    inboundDomains: config.inboundDomains,
    sandboxPersonas,
    ...(o.sandboxSeed !== undefined ? { sandboxSeed: o.sandboxSeed } : {}),
    ...(o.sandboxOnly ? { sandboxOnly: true } : {}),
    ...(o.twilioHttpClient ? { twilioHttpClient: o.twilioHttpClient } : {}),
    ingest: intake.ingest,
    onPayment: createSandboxPaymentRecorder({
      outbound: stores.outbound,
      targets: stores.targets,
      record: o.record,
      log,
    }),
    log,
  });
  const { router } = orgSets;
  // The dialogue module is built after channels and attaches the voice conversation when it is on.
  const voiceDialogue: { current: VoiceDialogue | null } = { current: null };
  // Organisations' published templates (message_templates) first, then the built-in defaults.
  const templates = createTemplates({ store: createSqlTemplateStore(db), clock });
  /** Simulated time: fires what the sandboxes have due at `now`, then ingests their events as one batch. */
  const tickSandbox = (now?: Date): Promise<{ fired: number }> =>
    intake.collectDuring(() => orgSets.tickSandboxes(now));
  const admin = {
    templates,
    settings: createChannelSettingsAdmin({
      store: stores.settings,
      defaultOrgId: o.defaultOrgId,
      envSettings,
      onChanged: orgSets.forget,
    }),
    metrics: { snapshot: () => metrics.snapshot(), operatorOrgId: o.defaultOrgId },
    unknownOutcomes: { store: createSqlUnknownOutcomeStore(db, o.vault), clock },
  };

  return {
    messaging: createMessaging(o, stores, router, templates.catalog),
    providers: { forOrg: orgSets.forOrg, router, metrics },
    inbound,
    /** Receiver for the inbound SMTP listener; null without SALDO_INBOUND_EMAIL_DOMAIN. */
    inboundMail: createInboundMail(db, clock, config.inboundDomains, inbound, log),
    routes: channelRoutes(o, stores, envSettings, trackingSecret, inbound, admin, voiceDialogue),
    jobs: channelJobs(tickSandbox, inbound),
    tickSandbox,
    nextSandboxEventAt: orgSets.nextSandboxEventAt,
    /** The demo loader tells the sandbox who its simulated debtors are (dates of birth, id digits). */
    sandboxPersonas,
    stores,
    /** What the channel administration routes use (templates, provider settings, metrics). */
    admin,
    /** Lets the dialogue answer voicebot calls (the TwiML `<Gather>` loop). */
    attachVoiceDialogue(v: VoiceDialogue): void {
      voiceDialogue.current = v;
    },
    async close(): Promise<void> {
      await orgSets.clear();
    },
  };
}
export type Channels = Awaited<ReturnType<typeof buildChannels>>;

type ChannelStores = ReturnType<typeof createChannelStores>;

/** The module's SQL stores, shared by the pipeline, the send path and the admin use cases. */
function createChannelStores(db: Db, clock: Clock, box: SecretBox) {
  return {
    inbound: createSqlInboundStore(db, clock),
    outbound: createSqlOutboundMessageStore(db),
    refusals: createSqlComplianceRefusalStore(db),
    settings: createSqlChannelSettingsStore(db, box, clock),
    voiceScripts: createSqlVoiceScriptStore(db, clock),
    targets: createSqlContactTargetStore(db),
  };
}

/** The only send path (`Messaging.contact`), compliance-gated. */
function createMessaging(
  o: BuildChannelsOptions,
  stores: ChannelStores,
  router: ChannelRouter,
  catalog: TemplateCatalog,
): Messaging {
  const { config } = o;
  const log = o.log ?? (() => {});
  return createContactDebtor({
    targets: stores.targets,
    outbound: stores.outbound,
    refusals: stores.refusals,
    timeline: o.timeline,
    router,
    voiceScripts: stores.voiceScripts,
    clock: o.clock,
    tx: (fn) => o.db.transaction(() => fn()),
    catalog,
    paymentLinks: createPaymentLinks({
      publicUrl: config.publicUrl,
      secret: deriveKey(o.secret, 'saldo/payment-links/v1'),
    }),
    ...(o.compliance ? { compliance: o.compliance } : {}),
    ...(config.agentNumber ? { agentNumber: config.agentNumber } : {}),
    ...(config.callbackNumber ? { callbackNumber: config.callbackNumber } : {}),
    ...(o.onContact ? { onContact: o.onContact } : {}),
    ...(o.suppressions ? { suppressions: o.suppressions } : {}),
    log: (msg, data) => log('warn', msg, data),
  });
}

/** Provider webhooks and email tracking, then the administration routes. */
function channelRoutes(
  o: BuildChannelsOptions,
  stores: ChannelStores,
  envSettings: OrgChannelSettings,
  trackingSecret: string,
  inbound: ReceiveInbound,
  admin: ChannelAdminRouteDeps,
  voiceDialogue: { current: VoiceDialogue | null },
): RoutePlugin[] {
  const webhooks = createChannelWebhooks({
    settings: createSettingsResolver(envSettings, stores.settings),
    publicUrl: o.config.publicUrl,
    clock: o.clock,
    voiceScripts: stores.voiceScripts,
    voiceDialogue: () => voiceDialogue.current,
  });
  const tracking = createEmailTracking({ secret: trackingSecret, clock: o.clock });
  return [
    async (app) => webhookRoutes(app, { webhooks, inbound, tracking }),
    async (app) => channelAdminRoutes(app, admin),
  ];
}

type ChannelsLog = NonNullable<BuildChannelsOptions['log']>;

/** One root secret → a key per purpose. */
function deriveKey(root: string, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', root, 'saldo', purpose, 32)).toString('base64url');
}

/** The durable inbound pipeline: webhooks, the SMTP listener and the providers' own events store into it. */
function createInboundPipeline(
  db: Db,
  clock: Clock,
  store: InboundStore,
  deliveries: OutboundMessageStore,
  log: ChannelsLog,
  vault: DebtorVault,
  suppressions?: InboundSuppressions,
): ReceiveInbound {
  return createReceiveInbound({
    store,
    contacts: createSqlContactPointLookup(db),
    timeline: createSqlTimelineWriter(db, vault),
    events: createChannelEventOutbox(createSqlEventOutbox(db), clock),
    optOuts: createSqlOptOutRecorder(db),
    deliveries,
    transaction: (fn) => db.transaction(() => fn()),
    clock,
    log: (msg, data) => log('warn', msg, data),
    ...(suppressions ? { suppressions } : {}),
  });
}

/** Mail to the inbound domain (the SMTP listener the api role starts): same store → process pipeline. */
function createInboundMail(
  db: Db,
  clock: Clock,
  domains: string[],
  inbound: ReceiveInbound,
  log: ChannelsLog,
): InboundMailReceiver | null {
  if (domains.length === 0) return null;
  return createReceiveInboundMail({
    domains,
    locator: createSqlOutboundLocator(db),
    parse: parseInboundEmail,
    inbound,
    clock,
    log,
  });
}

function channelJobs(tickSandbox: () => Promise<{ fired: number }>, inbound: ReceiveInbound) {
  return [
    {
      name: 'channels-sandbox-tick',
      everyMs: 1_000,
      run: async () => {
        const r = await tickSandbox();
        return r.fired > 0 ? r : undefined;
      },
    },
    {
      name: 'channels-inbound-retry',
      everyMs: 15_000,
      run: async () => {
        const r = await inbound.processPending();
        return r.processed + r.failed > 0 ? r : undefined;
      },
    },
  ];
}
