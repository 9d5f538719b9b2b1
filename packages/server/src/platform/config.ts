// Saldo's configuration: every environment variable in one schema, validated once at start, and a
// typed slice per module. Nothing else reads process.env; modules receive their slice.
import { dirname, join, resolve } from 'node:path';
import { isIP } from 'node:net';
import { z } from 'zod';
import { SaldoError } from '@saldo/core';
import type { OrgChannelSettings } from '../modules/channels/index.js';
import {
  inboundEmailDomains,
  loadInboundSmtpConfig,
  providerSettingsFromEnv,
  SEND_LEASE_MS,
  type ChannelsConfig,
  type InboundSmtpConfig,
} from '../modules/channels/index.js';
import { loadNluLlmConfig, nluCacheDir, type NluConfig } from '../modules/nlu/index.js';
import { loadDialogueRephraseConfig, type DialogueRephraseConfig } from '../modules/dialogue/index.js';
import type { WebhooksConfig } from '../modules/webhooks/index.js';

export type Role = 'api' | 'worker' | 'all';

const text = (description: string) => z.string().describe(description).optional();

/** Every variable Saldo reads. Blank values count as unset. */
export const envSchema = z.object({
  DATABASE_URL: text('PostgreSQL URL; unset = embedded PGlite in SALDO_DATA_DIR'),
  SALDO_DATA_DIR: text('PGlite data directory (default ./data/pglite)'),
  PORT: text('HTTP port (default 3000)'),
  HOST: text('interface to listen on (default 127.0.0.1)'),
  SALDO_TRUST_PROXY: text(
    'reverse proxies whose X-Forwarded-* headers are believed: off (default), a hop count, or a comma list of addresses/CIDRs',
  ),
  SALDO_ROLE: text('api | worker | all (default all)'),
  SALDO_BOOTSTRAP_API_KEY: text('an admin API key created at start if missing'),
  SALDO_SECRET_KEY: text(
    'root secret (≥ 16 characters) for provider secrets, links and identity HMACs; unset = the key file',
  ),
  SALDO_SECRET_KEY_FILE: text(
    'the key file used when SALDO_SECRET_KEY is unset (0600; default: saldo-secret.key beside the PGlite data directory, or ./data/saldo-secret.key with DATABASE_URL)',
  ),
  SALDO_AUDIT_ANCHORS: text(
    'the file where audit-chain heads are anchored outside the database (default: saldo-audit-anchors.jsonl beside the key file); keep or copy it where the database owner cannot write',
  ),
  SALDO_SECRET_KEY_RETIRED: text(
    'comma-separated earlier root keys: they open data sealed before a rotation and verify old identity hashes',
  ),
  SALDO_PUBLIC_URL: text('the public base URL (webhooks, payment links); default http://localhost:PORT'),
  LOG_LEVEL: text('pino level (default info)'),
  SALDO_TRACKING_SECRET: text('email open/click tracking key (default: derived from the root secret)'),
  SALDO_CALLBACK_NUMBER: text('the number debtors are told to call back (default TWILIO_FROM_SMS)'),
  SALDO_PROVIDER_TIMEOUT_MS: text(
    'deadline of each request to a provider (Twilio, Meta, SMTP), in ms: 100 to below the 60 s send lease (default 15000)',
  ),
  SALDO_CHANNEL_SETTINGS_RECHECK_SECONDS: text(
    'how often cached provider settings are re-validated (0–3600, default 5)',
  ),
  TWILIO_ACCOUNT_SID: text('Twilio account (SMS, WhatsApp, voice)'),
  TWILIO_AUTH_TOKEN: text('Twilio auth token (also checks webhook signatures)'),
  TWILIO_FROM_SMS: text('Twilio sender number for SMS and calls'),
  TWILIO_FROM_WHATSAPP: text('Twilio WhatsApp sender'),
  TWILIO_AGENT_NUMBER: text('where a voicebot call is transferred to a person'),
  WHATSAPP_TOKEN: text('Meta WhatsApp Cloud API token'),
  WHATSAPP_PHONE_NUMBER_ID: text('Meta phone number id'),
  WHATSAPP_APP_SECRET: text('Meta app secret (webhook signatures)'),
  WHATSAPP_VERIFY_TOKEN: text('Meta webhook verification token'),
  WHATSAPP_GRAPH_BASE_URL: text('Graph API base URL (tests point it at loopback)'),
  SMTP_URL: text('outgoing mail server, smtp(s)://user:pass@host:port'),
  EMAIL_FROM: text('sender address of outgoing mail'),
  SALDO_INBOUND_EMAIL_DOMAIN: text('domain(s) for replies and bounces, comma-separated'),
  SALDO_INBOUND_SMTP_PORT: text('port of the inbound SMTP listener (unset = off)'),
  SALDO_INBOUND_SMTP_HOST: text('interface of the inbound SMTP listener'),
  SALDO_INBOUND_SMTP_MAX_BYTES: text('largest inbound message'),
  SALDO_INBOUND_SMTP_TLS_KEY: text('STARTTLS key file'),
  SALDO_INBOUND_SMTP_TLS_CERT: text('STARTTLS certificate file'),
  SALDO_DIALOGUE: text(
    'on | off (default on): the bot answers received messages (modules/dialogue) and writes the agreements it reaches',
  ),
  SALDO_DIALOGUE_REPHRASE: text(
    'on | off (default off): a language model rewords the bot replies, used only when the facts are unchanged',
  ),
  SALDO_DIALOGUE_REPHRASE_URL: text(
    'OpenAI-compatible base URL for the rewording (default: SALDO_NLU_LLM_URL with its key)',
  ),
  SALDO_DIALOGUE_REPHRASE_MODEL: text('the model that rewords (default: SALDO_NLU_LLM_MODEL with its URL)'),
  SALDO_DIALOGUE_REPHRASE_API_KEY: text('its API key'),
  SALDO_DIALOGUE_REPHRASE_TIMEOUT_MS: text('rewording deadline per reply (100–10000, default 1500)'),
  SALDO_NLU_MODEL: text('a model file written by `saldo nlu train --out`'),
  SALDO_NLU_CACHE_DIR: text('where the trained NLU model is cached'),
  SALDO_NLU_CACHE: text('"off" disables the NLU model cache'),
  SALDO_NLU_LLM_URL: text('optional LLM second opinion: OpenAI-compatible base URL'),
  SALDO_NLU_LLM_MODEL: text('the model the LLM endpoint serves'),
  SALDO_NLU_LLM_API_KEY: text('its API key'),
  SALDO_NLU_LLM_THRESHOLD: text('asked only below this local confidence (0–1)'),
  SALDO_NLU_LLM_TIMEOUT_MS: text('LLM request deadline'),
  SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK: text(
    '1 = outbound webhooks may go to loopback addresses, over http:// too (development, tests); default 0',
  ),
  SALDO_WEBHOOKS_ALLOW_PRIVATE: text(
    '1 = outbound webhooks may go to private, link-local and metadata addresses (SSRF defence off); default 0',
  ),
});
export type Env = z.infer<typeof envSchema>;

/** Everything Saldo reads from the environment, validated once at boot, one slice per module. */
export interface Config {
  role: Role;
  logLevel: string;
  http: { port: number; host: string; publicUrl: string; trustProxy: TrustProxy };
  db: { databaseUrl: string | undefined; dataDir: string };
  secrets: SecretsConfig;
  channels: ChannelsConfig;
  nlu: NluConfig;
  /**
   * SALDO_DIALOGUE: conversations on received messages; when on, the dialogue is the one writer of
   * agreements read in replies. SALDO_DIALOGUE_REPHRASE*: the optional rewording of its replies.
   */
  dialogue: { enabled: boolean; rephrase: DialogueRephraseConfig | undefined };
  webhooks: WebhooksConfig;
  /** SALDO_AUDIT_ANCHORS: where the audit chains' heads are anchored outside the database. */
  audit: { anchorFile: string };
}

/** The root secret key's sources (shared/crypto/secret-keys.ts) and the bootstrap API key. */
export interface SecretsConfig {
  /** SALDO_SECRET_KEY */
  secretKey: string | undefined;
  /** SALDO_SECRET_KEY_RETIRED */
  retiredKeys: string[];
  /** Absolute path of the key file (used when secretKey is unset; may hold retired keys). */
  keyFile: string;
  bootstrapApiKey: string | undefined;
}

/** What command-line options may override. */
export interface ConfigOverrides {
  role?: Role | string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  publicUrl?: string | undefined;
  inboundSmtp?: InboundSmtpConfig | null;
}

export function loadConfig(
  rawEnv: Readonly<Record<string, string | undefined>>,
  o: ConfigOverrides = {},
): Config {
  const env = readEnv(rawEnv);
  const port = o.port ?? (env.PORT === undefined ? 3000 : Number(env.PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new SaldoError('validation', `PORT must be 0–65535, got ${env.PORT}`);
  const role = (o.role ?? env.SALDO_ROLE ?? 'all') as Role;
  if (!['api', 'worker', 'all'].includes(role))
    throw new SaldoError('validation', `--role must be api, worker or all (got ${role})`);
  if (env.SALDO_SECRET_KEY !== undefined && env.SALDO_SECRET_KEY.length < 16)
    throw new SaldoError('validation', 'SALDO_SECRET_KEY must have at least 16 characters');
  const publicUrl = (o.publicUrl ?? env.SALDO_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const databaseUrl = o.databaseUrl ?? env.DATABASE_URL;
  const dataDir = o.dataDir ?? env.SALDO_DATA_DIR ?? './data/pglite';
  const secrets = secretsConfig(env, databaseUrl ? undefined : dataDir);
  return {
    role,
    logLevel: env.LOG_LEVEL ?? 'info',
    http: {
      port,
      host: o.host ?? env.HOST ?? '127.0.0.1',
      publicUrl,
      trustProxy: parseTrustProxy(env.SALDO_TRUST_PROXY),
    },
    db: { databaseUrl, dataDir },
    secrets,
    audit: {
      anchorFile: resolve(
        env.SALDO_AUDIT_ANCHORS ?? join(dirname(secrets.keyFile), 'saldo-audit-anchors.jsonl'),
      ),
    },
    channels: channelsConfig(env, publicUrl, o),
    dialogue: {
      enabled: onOff('SALDO_DIALOGUE', env.SALDO_DIALOGUE, true),
      rephrase: loadDialogueRephraseConfig(env),
    },
    nlu: {
      modelPath: env.SALDO_NLU_MODEL,
      llm: loadNluLlmConfig(env),
      logLevel: env.LOG_LEVEL ?? 'info',
      cacheDir: nluCacheDir(env),
    },
    webhooks: {
      allowHttpLoopback: flag('SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK', env.SALDO_WEBHOOKS_ALLOW_HTTP_LOOPBACK),
      allowPrivate: flag('SALDO_WEBHOOKS_ALLOW_PRIVATE', env.SALDO_WEBHOOKS_ALLOW_PRIVATE),
    },
  };
}

/** An on/off variable: 1/true/on or 0/false/off (unset = off); anything else is refused. */
function flag(name: string, raw: string | undefined): boolean {
  const v = raw?.trim().toLowerCase();
  if (v === undefined || ['0', 'false', 'off'].includes(v)) return false;
  if (['1', 'true', 'on'].includes(v)) return true;
  throw new SaldoError('validation', `${name} must be 1 or 0 (true/false, on/off), got ${raw}`);
}

function secretsConfig(env: Env, pgliteDataDir: string | undefined): SecretsConfig {
  const retiredKeys = (env.SALDO_SECRET_KEY_RETIRED ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (retiredKeys.some((k) => k.length < 16))
    throw new SaldoError(
      'validation',
      'each key of SALDO_SECRET_KEY_RETIRED must have at least 16 characters',
    );
  // Beside the data directory, not in it: a copy of the database directory does not carry its key.
  const keyFile = resolve(
    env.SALDO_SECRET_KEY_FILE ??
      (pgliteDataDir ? join(dirname(resolve(pgliteDataDir)), 'saldo-secret.key') : 'data/saldo-secret.key'),
  );
  return {
    secretKey: env.SALDO_SECRET_KEY,
    retiredKeys,
    keyFile,
    bootstrapApiKey: env.SALDO_BOOTSTRAP_API_KEY,
  };
}

/**
 * Which peers may set X-Forwarded-For/-Proto/-Host: none (false), the nearest N hops, or the listed
 * proxy addresses. Believing every peer would let any client pick its own address and make the
 * session cookie `Secure` or not; hence no "true". A hop count believes whoever is nearest, so it
 * is sound only when Saldo cannot be reached except through the proxies; prefer the addresses.
 */
export type TrustProxy = false | number | string[];

const proxyNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (proxyNames.has(entry)) return true;
  const [addr = '', prefix, ...rest] = entry.split('/');
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = raw?.trim().toLowerCase();
  if (v === undefined || v === '' || v === 'off' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrCidr(e));
  if (bad.length || !entries.length)
    throw new SaldoError(
      'validation',
      `SALDO_TRUST_PROXY must be off, a hop count, or a comma list of proxy addresses/CIDRs (or loopback, linklocal, uniquelocal); not ${bad.join(', ') || raw}`,
    );
  return entries;
}

function readEnv(raw: Readonly<Record<string, string | undefined>>): Env {
  const known = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, raw[k] === '' ? undefined : raw[k]]),
  );
  return envSchema.parse(known);
}

function channelsConfig(env: Env, publicUrl: string, o: ConfigOverrides): ChannelsConfig {
  const recheck = env.SALDO_CHANNEL_SETTINGS_RECHECK_SECONDS;
  const seconds = recheck === undefined ? 5 : Number(recheck);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600)
    throw new SaldoError(
      'validation',
      `SALDO_CHANNEL_SETTINGS_RECHECK_SECONDS must be a number of seconds from 0 to 3600, got ${recheck}`,
    );
  const providers: Omit<OrgChannelSettings, 'orgId'> = providerSettingsFromEnv(env);
  const timeout = env.SALDO_PROVIDER_TIMEOUT_MS;
  const providerTimeoutMs = timeout === undefined ? 15_000 : Number(timeout);
  // A call that outlives the send lease could overlap with a replay that resumes the same send.
  if (!Number.isInteger(providerTimeoutMs) || providerTimeoutMs < 100 || providerTimeoutMs >= SEND_LEASE_MS)
    throw new SaldoError(
      'validation',
      `SALDO_PROVIDER_TIMEOUT_MS must be whole milliseconds from 100 to below the send lease (${SEND_LEASE_MS}), got ${timeout}`,
    );
  const callbackNumber = env.SALDO_CALLBACK_NUMBER ?? env.TWILIO_FROM_SMS;
  return {
    publicUrl,
    providers,
    settingsRecheckMs: seconds * 1000,
    providerTimeoutMs,
    inboundDomains: inboundEmailDomains(env),
    inboundSmtp: o.inboundSmtp !== undefined ? o.inboundSmtp : loadInboundSmtpConfig(env),
    ...(env.SALDO_TRACKING_SECRET ? { trackingSecret: env.SALDO_TRACKING_SECRET } : {}),
    ...(env.TWILIO_AGENT_NUMBER ? { agentNumber: env.TWILIO_AGENT_NUMBER } : {}),
    ...(callbackNumber ? { callbackNumber } : {}),
  };
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new SaldoError('validation', `${name} must be on or off (got ${value})`);
}
