import { SaldoError } from '@saldo/core';
import type {
  MetaWhatsAppSettings,
  OrgChannelSettings,
  SmtpSettings,
  TwilioSettings,
} from '../ports/channel-settings.js';
import { SECRET_FIELDS, validateProviderSettings } from './provider-settings-validation.js';

/**
 * Provider settings per organisation, as the administration API sees them: validated per provider
 * on the way in, secrets sealed at rest by the store, and NEVER returned: a read shows which
 * providers are configured, their non-secret fields and the last 4 characters of each secret.
 * The default organisation reads its providers from the environment and cannot be changed here.
 */
export const settingsProviders = ['twilio', 'meta', 'smtp'] as const;
export type SettingsProvider = (typeof settingsProviders)[number];

/** What the use case needs from the store (ChannelSettingsStore fits). */
export interface ChannelSettingsRepo {
  forOrg(orgId: string): Promise<OrgChannelSettings | null>;
  put(s: OrgChannelSettings): Promise<void>;
  remove(orgId: string, provider: SettingsProvider): Promise<void>;
  /** The organisation holding a provider identity in the database, or null. */
  identityOwner(provider: 'twilio' | 'meta', identity: string): Promise<string | null>;
}

export interface MaskedSecret {
  set: boolean;
  /** The last 4 characters, e.g. `…a1b2` (nothing for secrets shorter than 12). */
  last4: string | null;
}

export interface ProviderSettingsView {
  provider: SettingsProvider;
  configured: boolean;
  /** `environment` for the default organisation, `database` for the others. */
  source: 'environment' | 'database' | null;
  /** Non-secret fields (numbers, ids, the sender; the SMTP URL without its password). */
  settings: Record<string, string>;
  secrets: Record<string, MaskedSecret>;
}

export interface ChannelSettingsAdmin {
  list(orgId: string): Promise<{ items: ProviderSettingsView[] }>;
  put(
    orgId: string,
    provider: SettingsProvider,
    input: Record<string, unknown>,
  ): Promise<ProviderSettingsView>;
  remove(orgId: string, provider: SettingsProvider): Promise<{ removed: boolean }>;
}

export interface ChannelSettingsAdminDeps {
  store: ChannelSettingsRepo;
  defaultOrgId: string;
  /** The default organisation's settings (from the environment). */
  envSettings: OrgChannelSettings;
  /** Called after a change so the organisation's providers are rebuilt with the new settings. */
  onChanged?: (orgId: string) => Promise<void>;
}

function mask(value: string | undefined): MaskedSecret {
  if (!value) return { set: false, last4: null };
  return { set: true, last4: value.length >= 12 ? `…${value.slice(-4)}` : null };
}

/** `smtps://user:pass@host:465` → `smtps://user:****@host:465`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function view(
  provider: SettingsProvider,
  s: TwilioSettings | MetaWhatsAppSettings | SmtpSettings | undefined,
  source: ProviderSettingsView['source'],
): ProviderSettingsView {
  if (!s)
    return {
      provider,
      configured: false,
      source: null,
      settings: {},
      secrets: Object.fromEntries(SECRET_FIELDS[provider].map((k) => [k, mask(undefined)])),
    };
  const all = s as unknown as Record<string, unknown>;
  const settings: Record<string, string> = {};
  const secrets: Record<string, MaskedSecret> = {};
  for (const [k, v] of Object.entries(all)) {
    if (typeof v !== 'string') continue;
    if (SECRET_FIELDS[provider].includes(k)) secrets[k] = mask(v);
    else settings[k] = v;
  }
  for (const k of SECRET_FIELDS[provider]) secrets[k] ??= mask(undefined);
  if (provider === 'smtp' && typeof all.url === 'string') settings.urlRedacted = redactUrl(all.url);
  return { provider, configured: true, source, settings, secrets };
}

/** The identity webhooks find an organisation by: one organisation per identity. */
function identityOf(
  provider: SettingsProvider,
  s: TwilioSettings | MetaWhatsAppSettings | SmtpSettings,
): { provider: 'twilio' | 'meta'; value: string; label: string } | null {
  if (provider === 'twilio') {
    const sid = (s as TwilioSettings).accountSid;
    return { provider, value: sid, label: `Twilio account ${sid}` };
  }
  if (provider === 'meta') {
    const id = (s as MetaWhatsAppSettings).phoneNumberId;
    return { provider, value: id, label: `WhatsApp phone number id ${id}` };
  }
  return null;
}

function identityTaken(label: string): SaldoError {
  // The owner is not named: the answer must not tell one tenant who another tenant's providers are.
  return new SaldoError(
    'conflict',
    `${label} is already connected to another organisation. A provider account serves one organisation only: its webhooks are verified with that organisation's secret. Use a separate account (a Twilio subaccount, another WhatsApp number) or ask the operator.`,
  );
}

export function createChannelSettingsAdmin(deps: ChannelSettingsAdminDeps): ChannelSettingsAdmin {
  const isDefault = (orgId: string) => orgId === deps.defaultOrgId;
  const refuseDefault = (orgId: string) => {
    if (isDefault(orgId))
      throw new SaldoError(
        'conflict',
        'the default organisation reads its providers from the environment (TWILIO_*, WHATSAPP_*, SMTP_URL, EMAIL_FROM); change them there',
      );
  };
  /** Another organisation (the environment's default one included) already holds this identity: 409. */
  const refuseForeignIdentity = async (
    orgId: string,
    provider: SettingsProvider,
    settings: TwilioSettings | MetaWhatsAppSettings | SmtpSettings,
  ) => {
    const id = identityOf(provider, settings);
    if (!id) return;
    const env = deps.envSettings[id.provider];
    const envValue = env && identityOf(id.provider, env)?.value;
    if (envValue === id.value) throw identityTaken(id.label);
    const owner = await deps.store.identityOwner(id.provider, id.value);
    if (owner !== null && owner !== orgId) throw identityTaken(id.label);
  };
  return {
    async list(orgId) {
      const s = isDefault(orgId) ? deps.envSettings : await deps.store.forOrg(orgId);
      const source = isDefault(orgId) ? 'environment' : 'database';
      return { items: settingsProviders.map((p) => view(p, s?.[p], source)) };
    },
    async put(orgId, provider, input) {
      refuseDefault(orgId);
      const current = (await deps.store.forOrg(orgId))?.[provider] as Record<string, unknown> | undefined;
      const settings = validateProviderSettings(provider, input, current);
      await refuseForeignIdentity(orgId, provider, settings);
      await deps.store.put({ orgId, [provider]: settings });
      await deps.onChanged?.(orgId);
      return view(provider, settings, 'database');
    },
    async remove(orgId, provider) {
      refuseDefault(orgId);
      const had = Boolean((await deps.store.forOrg(orgId))?.[provider]);
      await deps.store.remove(orgId, provider);
      await deps.onChanged?.(orgId);
      return { removed: had };
    },
  };
}
