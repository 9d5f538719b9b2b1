// Providers per organisation: the configured ones (environment for the default organisation, the
// encrypted settings table for the others) plus a sandbox, rebuilt when the settings change, and
// the sandbox's simulated time.
import type { Channel } from '@saldo/core/channels';
import type { Clock } from '../../shared/clock/clock.js';
import type { Db } from '../../shared/db/db.js';
import { createChannelProviders, type ChannelProviderSet } from './adapters/create-channel-providers.js';
import { DeliveryMetrics, LimitedProvider } from './adapters/rate-limiter.js';
import { RevalidatingCache } from './adapters/revalidating-cache.js';
import { SandboxChannelProvider } from './adapters/sandbox.js';
import type { TwilioHttpClient } from './adapters/twilio-messaging.js';
import type { ChannelSettingsStore } from './adapters/sql/channel-settings-store.js';
import { createSqlSandboxDebtorLookup } from './adapters/sql/sandbox-debtor-lookup.js';
import type { SandboxPersonaBook } from './adapters/sandbox-personas.js';
import type { ChannelProvider, OrgInboundEvent } from './ports/channel-provider.js';
import type { OrgChannelSettings } from './ports/channel-settings.js';
import type { ChannelRouter } from './ports/contact-records.js';
import type { VoiceScriptStore } from './ports/voice-script-store.js';
import type { SimulatedPayment } from './usecases/sandbox-payments.js';

export interface OrgProviders {
  set: ChannelProviderSet;
  sandbox: SandboxChannelProvider;
  forChannel(c: Channel): ChannelProvider;
}

export interface OrgProvidersOptions {
  db: Db;
  clock: Clock;
  defaultOrgId: string;
  /** The default organisation's settings (from the environment). */
  envSettings: OrgChannelSettings;
  settingsStore: ChannelSettingsStore;
  settingsRecheckMs: number;
  publicUrl: string;
  trackingSecret: string;
  voiceScripts: VoiceScriptStore;
  /** SALDO_PROVIDER_TIMEOUT_MS */
  providerTimeoutMs: number;
  metrics: DeliveryMetrics;
  inboundDomains: string[];
  /** What simulated debtors know about themselves (the demo loader fills it): identity answers. */
  sandboxPersonas: SandboxPersonaBook;
  sandboxSeed?: string | number;
  sandboxOnly?: boolean;
  twilioHttpClient?: TwilioHttpClient;
  /** Where the providers' own events go (sandbox, email bounces). */
  ingest(e: OrgInboundEvent): Promise<void>;
  onPayment(p: SimulatedPayment): Promise<void>;
  log: (level: 'warn', msg: string, data: Record<string, unknown>) => void;
}

export interface OrgProviderSets {
  forOrg(orgId: string): Promise<OrgProviders>;
  router: ChannelRouter;
  /** After an organisation's settings change: its providers are rebuilt on next use (pending sandbox simulations are dropped). */
  forget(orgId: string): Promise<void>;
  /** Fires what every sandbox has due at `now` (default: the clock) without moving the caller's clock. */
  tickSandboxes(now?: Date): Promise<{ fired: number }>;
  /** Simulated time: the earliest event any sandbox has scheduled (epoch ms), or null. */
  nextSandboxEventAt(): Promise<number | null>;
  clear(): Promise<void>;
}

export function createOrgProviderSets(o: OrgProvidersOptions): OrgProviderSets {
  // Simulated time: a tick at `now` sees that instant without moving the caller's clock.
  let sandboxNow: Date | null = null;
  const sandboxClock: Clock = { now: () => sandboxNow ?? o.clock.now() };
  const build = buildOrgProviders(o, sandboxClock);
  // Providers per organisation, rebuilt when its settings change: at once in the process that made
  // the change (onChanged → invalidate), within `recheckMs` in every other process (the version row).
  const orgSets = new RevalidatingCache<OrgProviders>({
    clock: o.clock,
    recheckMs: o.settingsRecheckMs,
    version: (orgId) => (orgId === o.defaultOrgId ? Promise.resolve(0) : o.settingsStore.version(orgId)), // the default org reads the environment
    build,
    dispose: async (s) => void (await Promise.all([s.set.close(), s.sandbox.close()])),
    onCheckError: (orgId, err) =>
      o.log('warn', 'channel settings version check failed; cached providers kept', {
        orgId,
        error: String(err),
      }),
  });
  const forOrg = (orgId: string): Promise<OrgProviders> => orgSets.get(orgId);
  return {
    forOrg,
    router: { forChannel: async (orgId, channel) => (await forOrg(orgId)).forChannel(channel) },
    forget: (orgId) => orgSets.invalidate(orgId),
    async tickSandboxes(now) {
      sandboxNow = now ?? null;
      try {
        let fired = 0;
        for (const p of orgSets.values()) fired += await (await p).sandbox.tick();
        return { fired };
      } finally {
        sandboxNow = null;
      }
    },
    async nextSandboxEventAt() {
      let min: number | null = null;
      for (const p of orgSets.values()) {
        const at = (await p).sandbox.nextEventAt();
        if (at !== null && (min === null || at < min)) min = at;
      }
      return min;
    },
    clear: () => orgSets.clear(),
  };
}

/** Builds one organisation's providers: its configured set, and our own sandbox behind the rate limiter. */
function buildOrgProviders(o: OrgProvidersOptions, sandboxClock: Clock) {
  const sandboxDebtors = createSqlSandboxDebtorLookup(o.db, o.sandboxPersonas);
  return async (orgId: string): Promise<OrgProviders> => {
    // Another organisation never borrows the default one's credentials: no row → sandbox only.
    const s = orgId === o.defaultOrgId ? o.envSettings : ((await o.settingsStore.forOrg(orgId)) ?? { orgId });
    const set = createChannelProviders({
      settings: s,
      clock: o.clock,
      publicUrl: o.publicUrl,
      trackingSecret: o.trackingSecret,
      voiceScripts: o.voiceScripts,
      providerTimeoutMs: o.providerTimeoutMs,
      metrics: o.metrics,
      ...(o.inboundDomains[0] ? { inboundEmailDomain: o.inboundDomains[0] } : {}),
      ...(o.sandboxOnly ? { sandboxOnly: true } : {}),
      ...(o.twilioHttpClient ? { twilioHttpClient: o.twilioHttpClient } : {}),
    });
    // Our own sandbox (the set's has no payment hook): same seed, same behaviour model.
    const sandbox = new SandboxChannelProvider({
      seed: o.sandboxSeed ?? 'saldo',
      clock: sandboxClock,
      onPayment: o.onPayment,
      debtor: sandboxDebtors,
    });
    const sandboxLimited = new LimitedProvider(sandbox, o.clock, o.metrics);
    sandbox.onEvent(o.ingest);
    set.email?.onEvent(o.ingest);
    return {
      set,
      sandbox,
      forChannel: (c) => {
        const p = set.forChannel(c);
        return p.id === 'sandbox' ? sandboxLimited : p;
      },
    };
  };
}
