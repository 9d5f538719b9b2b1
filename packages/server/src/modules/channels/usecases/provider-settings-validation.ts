import { SaldoError, type FieldIssue } from '@saldo/core';
import type { MetaWhatsAppSettings, SmtpSettings, TwilioSettings } from '../ports/channel-settings.js';
import type { SettingsProvider } from './channel-settings.js';

type ProviderSettings = TwilioSettings | MetaWhatsAppSettings | SmtpSettings;

/** Secret fields per provider: sealed at rest, masked on read. */
export const SECRET_FIELDS: Record<SettingsProvider, readonly string[]> = {
  twilio: ['authToken'],
  meta: ['token', 'appSecret', 'verifyToken'],
  smtp: ['url'],
};

/** Optional fields per provider, beyond those every valid input yields. */
const OPTIONAL_FIELDS: Record<SettingsProvider, readonly string[]> = {
  twilio: ['fromSms', 'fromWhatsApp', 'fromVoice', 'agentNumber'],
  meta: ['graphBaseUrl'],
  smtp: [],
};

const E164 = /^\+[1-9]\d{6,14}$/;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** Reads fields of one input, collecting every problem. */
class FieldReader {
  readonly issues: FieldIssue[] = [];
  constructor(
    readonly input: Record<string, unknown>,
    private readonly current: Record<string, unknown> | undefined,
  ) {}

  /** A secret: the input's, else the stored one (a client never sees secrets to send them back). */
  secret(k: string): string | undefined {
    return (
      str(this.input[k]) ?? (typeof this.current?.[k] === 'string' ? (this.current[k] as string) : undefined)
    );
  }

  need(k: string, v: string | undefined, test?: RegExp, hint?: string): string {
    if (v === undefined) this.issues.push({ path: k, message: `${k} is required` });
    else if (test && !test.test(v)) this.issues.push({ path: k, message: hint ?? `${k} is invalid` });
    return v ?? '';
  }

  opt(k: string, test: RegExp, hint: string): string | undefined {
    const v = str(this.input[k]);
    if (v !== undefined && !test.test(v)) this.issues.push({ path: k, message: hint });
    return v;
  }
}

/**
 * Checks one provider's settings. A secret left out keeps the stored one (the API never shows
 * secrets, so a client cannot send them back).
 */
export function validateProviderSettings(
  provider: SettingsProvider,
  input: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
): ProviderSettings {
  const r = new FieldReader(input, current);
  const out =
    provider === 'twilio' ? twilioSettings(r) : provider === 'meta' ? metaSettings(r) : smtpSettings(r);
  const known = new Set([...Object.keys(out), ...SECRET_FIELDS[provider], ...OPTIONAL_FIELDS[provider]]);
  for (const k of Object.keys(input))
    if (!known.has(k)) r.issues.push({ path: k, message: `unknown ${provider} setting` });
  if (r.issues.length > 0)
    throw new SaldoError(
      'validation',
      `invalid ${provider} settings: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      r.issues,
    );
  return out;
}

function twilioSettings(r: FieldReader): TwilioSettings {
  const accountSid = r
    .need(
      'accountSid',
      str(r.input.accountSid),
      /^AC[0-9a-fA-F]{32}$/,
      'a Twilio Account SID: AC followed by 32 hex digits',
    )
    .replace(/^AC(.*)$/, (_m, hex: string) => `AC${hex.toLowerCase()}`); // Twilio sends it in lower case
  const authToken = r.need(
    'authToken',
    r.secret('authToken'),
    /^\S{16,}$/,
    'the auth token from the Twilio console',
  );
  const fromSms = r.opt('fromSms', E164, 'an E.164 number, e.g. +15551234567');
  const fromWhatsApp = r.opt('fromWhatsApp', E164, 'an E.164 number, e.g. +14155238886');
  const fromVoice = r.opt('fromVoice', E164, 'an E.164 number');
  const agentNumber = r.opt('agentNumber', E164, 'an E.164 number');
  if (!fromSms && !fromWhatsApp)
    r.issues.push({ path: 'fromSms', message: 'give the sender numbers: fromSms and/or fromWhatsApp' });
  return {
    accountSid,
    authToken,
    ...(fromSms ? { fromSms } : {}),
    ...(fromWhatsApp ? { fromWhatsApp } : {}),
    ...(fromVoice ? { fromVoice } : {}),
    ...(agentNumber ? { agentNumber } : {}),
  };
}

function metaSettings(r: FieldReader): MetaWhatsAppSettings {
  const token = r.need('token', r.secret('token'), /^\S{16,}$/, 'a system-user access token');
  const phoneNumberId = r.need(
    'phoneNumberId',
    str(r.input.phoneNumberId),
    /^\d{5,30}$/,
    'the numeric phone number id from WhatsApp Manager',
  );
  const appSecret = r.need(
    'appSecret',
    r.secret('appSecret'),
    /^\S{16,}$/,
    'the app secret (App settings → Basic)',
  );
  const verifyToken = r.need(
    'verifyToken',
    r.secret('verifyToken'),
    /^\S{8,}$/,
    'a random string of at least 8 characters',
  );
  const graphBaseUrl = r.opt('graphBaseUrl', /^https:\/\/\S+$/, 'an https URL');
  return { token, phoneNumberId, appSecret, verifyToken, ...(graphBaseUrl ? { graphBaseUrl } : {}) };
}

function smtpSettings(r: FieldReader): SmtpSettings {
  const url = r.need(
    'url',
    r.secret('url'),
    /^smtps?:\/\/\S+$/,
    'smtp://user:pass@host:587 or smtps://user:pass@host:465',
  );
  const from = r.need(
    'from',
    str(r.input.from),
    /^(.*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
    'an address, e.g. Cobranza <cobranza@example.com>',
  );
  return { url, from };
}
