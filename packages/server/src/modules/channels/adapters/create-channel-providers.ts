import type { Channel } from '@saldo/core/channels';
import type { ChannelProvider } from '../ports/channel-provider.js';
import type { ChannelSettingsResolver, OrgChannelSettings } from '../ports/channel-settings.js';
import type { Clock } from '../../../shared/clock/clock.js';
import type { VoiceScriptStore } from '../ports/voice-script-store.js';
import { MetaWhatsAppProvider } from './meta-whatsapp.js';
import { DeliveryMetrics, LimitedProvider } from './rate-limiter.js';
import { SandboxChannelProvider } from './sandbox.js';
import { SmtpEmailProvider } from './smtp-email.js';
import { TwilioMessagingProvider, type TwilioHttpClient } from './twilio-messaging.js';
import { TwilioVoiceProvider } from './twilio-voice.js';

/**
 * The default organisation's provider settings from the environment. A provider is configured only
 * when all of its variables are present; otherwise that channel stays on the sandbox.
 */
export function providerSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): Omit<OrgChannelSettings, 'orgId'> {
  const s: Omit<OrgChannelSettings, 'orgId'> = {};
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN)
    s.twilio = {
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      ...(env.TWILIO_FROM_SMS ? { fromSms: env.TWILIO_FROM_SMS } : {}),
      ...(env.TWILIO_FROM_WHATSAPP ? { fromWhatsApp: env.TWILIO_FROM_WHATSAPP } : {}),
      ...(env.TWILIO_AGENT_NUMBER ? { agentNumber: env.TWILIO_AGENT_NUMBER } : {}),
    };
  if (
    env.WHATSAPP_TOKEN &&
    env.WHATSAPP_PHONE_NUMBER_ID &&
    env.WHATSAPP_APP_SECRET &&
    env.WHATSAPP_VERIFY_TOKEN
  )
    s.meta = {
      token: env.WHATSAPP_TOKEN,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
      appSecret: env.WHATSAPP_APP_SECRET,
      verifyToken: env.WHATSAPP_VERIFY_TOKEN,
      ...(env.WHATSAPP_GRAPH_BASE_URL ? { graphBaseUrl: env.WHATSAPP_GRAPH_BASE_URL } : {}),
    };
  if (env.SMTP_URL && env.EMAIL_FROM) s.smtp = { url: env.SMTP_URL, from: env.EMAIL_FROM };
  return s;
}

/**
 * Resolves settings: the default organisation from the environment, then any other source (the
 * database-backed store, secrets decrypted) the composition root passes.
 */
export function createSettingsResolver(
  defaults: OrgChannelSettings,
  others?: ChannelSettingsResolver,
): ChannelSettingsResolver {
  const mine = <T>(
    test: (s: OrgChannelSettings) => boolean,
    fallback: () => Promise<T | null> | undefined,
  ) => (test(defaults) ? Promise.resolve(defaults) : (fallback() ?? Promise.resolve(null)));
  return {
    forOrg: (orgId) =>
      mine(
        () => orgId === defaults.orgId,
        () => others?.forOrg(orgId),
      ) as Promise<OrgChannelSettings | null>,
    byTwilioAccount: (sid) =>
      mine(
        (s) => s.twilio?.accountSid === sid,
        () => others?.byTwilioAccount(sid),
      ) as Promise<OrgChannelSettings | null>,
    byMetaPhoneNumberId: (id) =>
      mine(
        (s) => s.meta?.phoneNumberId === id,
        () => others?.byMetaPhoneNumberId(id),
      ) as Promise<OrgChannelSettings | null>,
    byMetaVerifyToken: (t) =>
      mine(
        (s) => s.meta?.verifyToken === t,
        () => others?.byMetaVerifyToken(t),
      ) as Promise<OrgChannelSettings | null>,
  };
}

export interface ChannelProviderSet {
  /** The provider for a channel: a real one when configured, otherwise the sandbox. */
  forChannel(channel: Channel): ChannelProvider;
  sandbox: SandboxChannelProvider;
  email?: SmtpEmailProvider;
  metrics: DeliveryMetrics;
  close(): Promise<void>;
}

export interface CreateChannelProvidersOptions {
  settings: OrgChannelSettings;
  clock: Clock;
  publicUrl: string;
  trackingSecret: string;
  voiceScripts: VoiceScriptStore;
  /** SALDO_PROVIDER_TIMEOUT_MS: every provider request's deadline (shorter than the send lease). */
  providerTimeoutMs: number;
  sandboxSeed?: string | number;
  /** Prefer Meta over Twilio for WhatsApp when both are configured (default true). */
  preferMetaForWhatsApp?: boolean;
  twilioHttpClient?: TwilioHttpClient;
  /** Force the sandbox for every channel (demo mode) even if providers are configured. */
  sandboxOnly?: boolean;
  metrics?: DeliveryMetrics;
  /** SALDO_INBOUND_EMAIL_DOMAIN (the first): Reply-To and VERP bounce addresses on outgoing email. */
  inboundEmailDomain?: string;
}

/** Wires real adapters for configured providers and the sandbox for everything else. */
export function createChannelProviders(o: CreateChannelProvidersOptions): ChannelProviderSet {
  const metrics = o.metrics ?? new DeliveryMetrics();
  const wrap = (p: ChannelProvider) => new LimitedProvider(p, o.clock, metrics);
  const sandbox = new SandboxChannelProvider({ seed: o.sandboxSeed ?? 'saldo', clock: o.clock });
  const byChannel = new Map<Channel, ChannelProvider>();
  const all: ChannelProvider[] = [sandbox];
  let email: SmtpEmailProvider | undefined;
  const s = o.settings;
  if (!o.sandboxOnly) {
    if (s.smtp) {
      email = new SmtpEmailProvider({
        orgId: s.orgId,
        settings: s.smtp,
        publicUrl: o.publicUrl,
        trackingSecret: o.trackingSecret,
        clock: o.clock,
        timeoutMs: o.providerTimeoutMs,
        ...(o.inboundEmailDomain ? { inboundDomain: o.inboundEmailDomain } : {}),
      });
      byChannel.set('email', wrap(email));
      all.push(email);
    }
    if (s.twilio) {
      const tw = new TwilioMessagingProvider({
        orgId: s.orgId,
        settings: s.twilio,
        publicUrl: o.publicUrl,
        clock: o.clock,
        timeoutMs: o.providerTimeoutMs,
        ...(o.twilioHttpClient ? { httpClient: o.twilioHttpClient } : {}),
      });
      const voice = new TwilioVoiceProvider({
        orgId: s.orgId,
        settings: s.twilio,
        publicUrl: o.publicUrl,
        scripts: o.voiceScripts,
        timeoutMs: o.providerTimeoutMs,
        ...(o.twilioHttpClient ? { httpClient: o.twilioHttpClient } : {}),
      });
      const twWrapped = wrap(tw);
      if (s.twilio.fromSms) byChannel.set('sms', twWrapped);
      if (s.twilio.fromWhatsApp) byChannel.set('whatsapp', twWrapped);
      const voiceWrapped = wrap(voice);
      byChannel.set('call', voiceWrapped);
      byChannel.set('voicebot', voiceWrapped);
      all.push(tw, voice);
    }
    if (s.meta && (o.preferMetaForWhatsApp !== false || !byChannel.has('whatsapp'))) {
      const meta = new MetaWhatsAppProvider({
        orgId: s.orgId,
        settings: s.meta,
        clock: o.clock,
        timeoutMs: o.providerTimeoutMs,
      });
      byChannel.set('whatsapp', wrap(meta));
      all.push(meta);
    }
  }
  const sandboxWrapped = wrap(sandbox);
  return {
    forChannel: (c) => byChannel.get(c) ?? sandboxWrapped,
    sandbox,
    ...(email ? { email } : {}),
    metrics,
    close: async () => {
      await Promise.all(all.map((p) => p.close()));
    },
  };
}
