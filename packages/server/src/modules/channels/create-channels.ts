// Composition of the channels area: durable inbound pipeline, provider sets per organisation
// (sandbox by default, real providers from the environment or the encrypted settings table),
// webhook routes and the compliance-gated Messaging use case. compose.ts calls buildChannels once.
import { hkdfSync } from 'node:crypto';
import type { Channel } from '@saldo/core/channels';
import type { CompiledPack, ComplianceEngine } from '@saldo/core/compliance';
import type { RoutePlugin } from '../../shared/http/route-kit.js';
import channelAdminRoutes from './routes/channel-admin-routes.js';
import webhookRoutes from './routes/webhook-routes.js';
import {
  createChannelProviders,
  createSettingsResolver,
  type ChannelProviderSet,
} from './adapters/create-channel-providers.js';
import { parseInboundEmail } from './adapters/email-inbound.js';
import { createEmailTracking } from './adapters/email-tracking.js';
import { DeliveryMetrics, LimitedProvider } from './adapters/rate-limiter.js';
import { RevalidatingCache } from './adapters/revalidating-cache.js';
import { SandboxChannelProvider } from './adapters/sandbox.js';
import { createSqlSandboxDebtorLookup } from './adapters/sql/sandbox-debtor-lookup.js';
import { SandboxPersonaBook } from './adapters/sandbox-personas.js';
import type { TwilioHttpClient } from './adapters/twilio-messaging.js';
import { createChannelWebhooks } from './adapters/webhooks/channel-webhooks.js';
import { createSqlChannelSettingsStore } from './adapters/sql/channel-settings-store.js';
import {
  createSqlContactPointLookup,
  createSqlOptOutRecorder,
  createSqlTimelineWriter,
} from './adapters/sql/channel-records.js';
import {
  createSqlComplianceRefusalStore,
  createSqlContactTargetStore,
} from './adapters/sql/contact-target-store.js';
import { createSqlInboundStore } from './adapters/sql/inbound-store.js';
import { createSqlOutboundLocator } from './adapters/sql/outbound-locator.js';
import { createSqlTemplateStore } from './adapters/sql/template-store.js';
import { createSqlOutboundMessageStore } from './adapters/sql/outbound-message-store.js';
import { createSqlVoiceScriptStore } from './adapters/sql/voice-script-store.js';
import type { TimelineStore } from '../record/index.js';
import { createSqlEventOutbox } from '../events/index.js';
import { createChannelEventOutbox } from './adapters/sql/channel-event-outbox.js';
import { createPaymentLinks } from './adapters/payment-links.js';
import { createSecretBox } from '../../shared/crypto/secret-box.js';
import type { ChannelProvider, OrgInboundEvent } from './ports/channel-provider.js';
import type { Clock } from '../../shared/clock/clock.js';
import type { ChannelRouter } from './ports/contact-records.js';
import type { Db } from '../../shared/db/db.js';
import { createChannelSettingsAdmin } from './usecases/channel-settings.js';
import { createContactDebtor, type ContactObserver } from './usecases/contact-debtor.js';
import { createReceiveInbound } from './usecases/receive-inbound.js';
import { createReceiveInboundMail } from './usecases/receive-inbound-mail.js';
import type { InboundSmtpConfig } from './inbound-mail-config.js';
import type { OrgChannelSettings } from './ports/channel-settings.js';
import type { RecordService } from '../record/index.js';
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
  /** platform.record: simulated sandbox payments are recorded through recordPayment. */
  record: Pick<RecordService, 'recordPayment'>;
  /** The compliance engine + org policy layer (createComplianceChecker fits); default: law packs only. */
  compliance?: { engine: ComplianceEngine; orgLayer(orgId: string): Promise<CompiledPack | null> };
  sandboxSeed?: string | number;
  /** Every channel on the sandbox even when providers are configured (demo mode). */
  sandboxOnly?: boolean;
  twilioHttpClient?: TwilioHttpClient;
  /** Told every contact outcome (simulations count contacts with it). */
  onContact?: ContactObserver;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data: Record<string, unknown>) => void;
}

export async function buildChannels(o: BuildChannelsOptions) {
  const { db, clock, config } = o;
  const log = o.log ?? (() => {});
  const publicUrl = config.publicUrl;
  // One root secret → a key per purpose.
  const root = o.secret;
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', root, 'saldo', purpose, 32)).toString('base64url');
  const trackingSecret = config.trackingSecret ?? derive('saldo/email-tracking/v1');
  const box = createSecretBox(root, undefined, o.retiredSecrets);

  const inboundStore = createSqlInboundStore(db, clock);
  const outbound = createSqlOutboundMessageStore(db);
  const voiceScripts = createSqlVoiceScriptStore(db, clock);
  const settingsStore = createSqlChannelSettingsStore(db, box, clock);
  const targets = createSqlContactTargetStore(db);
  const refusals = createSqlComplianceRefusalStore(db);
  const envSettings: OrgChannelSettings = { orgId: o.defaultOrgId, ...config.providers };
  const inboundDomains = config.inboundDomains;
  const settings = createSettingsResolver(envSettings, settingsStore);
  const metrics = new DeliveryMetrics();

  const inbound = createReceiveInbound({
    store: inboundStore,
    contacts: createSqlContactPointLookup(db),
    timeline: createSqlTimelineWriter(db),
    events: createChannelEventOutbox(createSqlEventOutbox(db), clock),
    optOuts: createSqlOptOutRecorder(db),
    deliveries: outbound,
    transaction: (fn) => db.transaction(() => fn()),
    clock,
    log: (msg, data) => log('warn', msg, data),
  });

  /**
   * Events providers produce themselves (sandbox, email bounces): stored durably, then processed.
   * During a sandbox tick they are collected and ingested together (one insert, one mark).
   */
  let collecting: OrgInboundEvent[] | null = null;
  const ingestAll = async (events: readonly OrgInboundEvent[]): Promise<void> => {
    if (events.length === 0) return;
    try {
      await inbound.ingest(events);
    } catch (err) {
      // Stored events are retried by processPending; events that could not be stored are logged.
      log('error', 'provider events not ingested', {
        events: events.length,
        first: `${events[0]!.provider}/${events[0]!.providerMessageId}`,
        error: String(err),
      });
    }
  };
  const ingest = async (e: OrgInboundEvent): Promise<void> => {
    if (collecting) collecting.push(e);
    else await ingestAll([e]);
  };

  // Simulated time: tickSandbox(now) fires what is due at `now` without moving the caller's clock.
  let sandboxNow: Date | null = null;
  const sandboxClock: Clock = { now: () => sandboxNow ?? clock.now() };

  const onPayment = async (p: { orgId: string; messageId: string; amountMinor: number; at: Date }) => {
    const msg = await outbound.get(p.orgId, p.messageId);
    const target = msg?.accountId ? await targets.load(p.orgId, msg.accountId) : null;
    if (!msg?.accountId || !target || target.balanceMinor <= 0) return;
    try {
      await o.record.recordPayment(p.orgId, {
        accountId: msg.accountId,
        amountMinor: Math.min(p.amountMinor, target.balanceMinor),
        currency: target.currency,
        paidAt: p.at.toISOString(),
        method: 'sandbox',
        externalId: `sandbox:${p.messageId}`,
        source: 'sandbox',
        actor: 'debtor',
      });
    } catch (err) {
      log('warn', 'simulated payment not recorded', { messageId: p.messageId, error: String(err) });
    }
  };

  // What simulated debtors know about themselves (the demo loader fills it): identity answers.
  const sandboxPersonas = new SandboxPersonaBook();
  const sandboxDebtors = createSqlSandboxDebtorLookup(db, sandboxPersonas);

  interface OrgProviders {
    set: ChannelProviderSet;
    sandbox: SandboxChannelProvider;
    forChannel(c: Channel): ChannelProvider;
  }
  const build = async (orgId: string): Promise<OrgProviders> => {
    // Another organisation never borrows the default one's credentials: no row → sandbox only.
    const s = orgId === o.defaultOrgId ? envSettings : ((await settingsStore.forOrg(orgId)) ?? { orgId });
    const set = createChannelProviders({
      settings: s,
      clock,
      publicUrl,
      trackingSecret,
      voiceScripts,
      metrics,
      ...(inboundDomains[0] ? { inboundEmailDomain: inboundDomains[0] } : {}),
      ...(o.sandboxOnly ? { sandboxOnly: true } : {}),
      ...(o.twilioHttpClient ? { twilioHttpClient: o.twilioHttpClient } : {}),
    });
    // Our own sandbox (the set's has no payment hook): same seed, same behaviour model.
    const sandbox = new SandboxChannelProvider({
      seed: o.sandboxSeed ?? 'saldo',
      clock: sandboxClock,
      onPayment,
      debtor: sandboxDebtors,
    });
    const sandboxLimited = new LimitedProvider(sandbox, clock, metrics);
    sandbox.onEvent(ingest);
    set.email?.onEvent(ingest);
    return {
      set,
      sandbox,
      forChannel: (c) => {
        const p = set.forChannel(c);
        return p.id === 'sandbox' ? sandboxLimited : p;
      },
    };
  };
  // Providers per organisation, rebuilt when its settings change: at once in the process that made
  // the change (onChanged → invalidate), within `recheckMs` in every other process (the version row).
  const orgSets = new RevalidatingCache<OrgProviders>({
    clock,
    recheckMs: config.settingsRecheckMs,
    version: (orgId) => (orgId === o.defaultOrgId ? Promise.resolve(0) : settingsStore.version(orgId)), // the default org reads the environment
    build,
    dispose: async (s) => void (await Promise.all([s.set.close(), s.sandbox.close()])),
    onCheckError: (orgId, err) =>
      log('warn', 'channel settings version check failed; cached providers kept', {
        orgId,
        error: String(err),
      }),
  });
  const providersFor = (orgId: string): Promise<OrgProviders> => orgSets.get(orgId);
  const router: ChannelRouter = {
    forChannel: async (orgId, channel) => (await providersFor(orgId)).forChannel(channel),
  };
  /** After an organisation's settings change: its providers are rebuilt on next use (pending sandbox simulations are dropped). */
  const forgetOrg = (orgId: string): Promise<void> => orgSets.invalidate(orgId);
  // Organisations' published templates (message_templates) first, then the built-in defaults.
  const templates = createTemplates({ store: createSqlTemplateStore(db), clock });

  const messaging = createContactDebtor({
    targets,
    outbound,
    refusals,
    timeline: o.timeline,
    router,
    voiceScripts,
    clock,
    tx: (fn) => db.transaction(() => fn()),
    catalog: templates.catalog,
    paymentLinks: createPaymentLinks({ publicUrl, secret: derive('saldo/payment-links/v1') }),
    ...(o.compliance ? { compliance: o.compliance } : {}),
    ...(config.agentNumber ? { agentNumber: config.agentNumber } : {}),
    ...(config.callbackNumber ? { callbackNumber: config.callbackNumber } : {}),
    ...(o.onContact ? { onContact: o.onContact } : {}),
    log: (msg, data) => log('warn', msg, data),
  });

  async function tickSandbox(now?: Date): Promise<{ fired: number }> {
    sandboxNow = now ?? null;
    const batch: OrgInboundEvent[] = (collecting = []);
    try {
      let fired = 0;
      for (const p of orgSets.values()) fired += await (await p).sandbox.tick();
      return { fired };
    } finally {
      sandboxNow = null;
      collecting = null;
      await ingestAll(batch);
    }
  }

  /** Simulated time: the earliest event any sandbox has scheduled (epoch ms), or null. */
  async function nextSandboxEventAt(): Promise<number | null> {
    let min: number | null = null;
    for (const p of orgSets.values()) {
      const at = (await p).sandbox.nextEventAt();
      if (at !== null && (min === null || at < min)) min = at;
    }
    return min;
  }

  // Mail to the inbound domain (the SMTP listener main.ts starts): same store → process pipeline.
  const inboundMail =
    inboundDomains.length > 0
      ? createReceiveInboundMail({
          domains: inboundDomains,
          locator: createSqlOutboundLocator(db),
          parse: parseInboundEmail,
          inbound,
          clock,
          log,
        })
      : null;

  const webhooks = createChannelWebhooks({ settings, publicUrl, clock, voiceScripts });
  const tracking = createEmailTracking({ secret: trackingSecret, clock });
  const admin = {
    templates,
    settings: createChannelSettingsAdmin({
      store: settingsStore,
      defaultOrgId: o.defaultOrgId,
      envSettings,
      onChanged: forgetOrg,
    }),
    metrics: { snapshot: () => metrics.snapshot(), operatorOrgId: o.defaultOrgId },
  };
  const routes: RoutePlugin[] = [
    async (app) => webhookRoutes(app, { webhooks, inbound, tracking }),
    async (app) => channelAdminRoutes(app, admin),
  ];

  const jobs = [
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

  return {
    messaging,
    providers: { forOrg: providersFor, router, metrics },
    inbound,
    /** Receiver for the inbound SMTP listener; null without SALDO_INBOUND_EMAIL_DOMAIN. */
    inboundMail,
    routes,
    jobs,
    tickSandbox,
    nextSandboxEventAt,
    /** The demo loader tells the sandbox who its simulated debtors are (dates of birth, id digits). */
    sandboxPersonas,
    stores: { inbound: inboundStore, outbound, refusals, settings: settingsStore, voiceScripts, targets },
    /** What the channel administration routes use (templates, provider settings, metrics). */
    admin,
    async close(): Promise<void> {
      await orgSets.clear();
    },
  };
}
export type Channels = Awaited<ReturnType<typeof buildChannels>>;
