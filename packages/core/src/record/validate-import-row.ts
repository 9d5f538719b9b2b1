import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { preferenceChannels, type PreferenceChannel } from '../channels/channel.js';
import type { FieldIssue } from '../errors/index.js';
import { isCurrency, parseMajorToMinor, type Currency } from '../money/index.js';
import { accountStatuses, type AccountStatus } from './account-status.js';
import type { RawImportRow } from './import-columns.js';
import { defaultZone, isValidZone } from './zones.js';

export const lineTypes = ['mobile', 'landline', 'voip', 'unknown'] as const;
export type LineType = (typeof lineTypes)[number];
export type Consent = boolean | null;
/** The channel a row may name as the debtor's preference (`preferred_channel`). */
export const contactChannels = preferenceChannels;
export type PreferredChannel = PreferenceChannel;

/** A row that passed validation: normalised, money in minor units. */
export interface ValidImportRow {
  externalRef: string;
  debtorRef: string;
  firstName: string;
  lastName: string;
  language: 'es' | 'en';
  country: string;
  region: string | null;
  timezone: string;
  dateOfBirth: string | null;
  nationalIdLast4: string | null;
  phone: string | null;
  phoneType: LineType | null;
  email: string | null;
  whatsapp: string | null;
  consents: { call: Consent; sms: Consent; whatsapp: Consent; email: Consent };
  preferredChannel: PreferredChannel | null;
  vulnerabilities: string[];
  product: string;
  currency: Currency;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  balanceMinor: number;
  delinquentSince: string | null;
  status: AccountStatus;
  tags: string[];
}

export type RowValidation = { ok: true; row: ValidImportRow } | { ok: false; issues: FieldIssue[] };

const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[A-Za-z]{2,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const REF = /^[\w.\-/:#]{1,64}$/;

function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function parseConsent(v: string | undefined, field: string, issues: FieldIssue[]): Consent {
  const s = (v ?? '').trim().toLowerCase();
  if (s === '') return null;
  if (['true', '1', 'yes', 'y', 'si', 'sí', 's'].includes(s)) return true;
  if (['false', '0', 'no', 'n'].includes(s)) return false;
  issues.push({ path: field, message: `"${v}" is not true/false (blank = unknown)` });
  return null;
}

function parseList(v: string | undefined): string[] {
  return (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function normalisePhone(
  raw: string,
  country: string,
  field: string,
  issues: FieldIssue[],
): { e164: string; type: LineType } | null {
  // Mexico dropped the mobile "1" after +52 in 2019; old files still carry it.
  const cleaned = raw.trim().replace(/^\+52\s*1(?=[\s\d]{10,})/, '+52');
  const p = parsePhoneNumberFromString(cleaned, country as CountryCode);
  if (!p || !p.isValid()) {
    issues.push({
      path: field,
      message: `"${raw}" is not a valid phone number for ${country} (use E.164, e.g. +525512345678)`,
    });
    return null;
  }
  const t = p.getType();
  const type: LineType =
    t === 'MOBILE'
      ? 'mobile'
      : t === 'FIXED_LINE'
        ? 'landline'
        : t === 'VOIP'
          ? 'voip'
          : t === 'FIXED_LINE_OR_MOBILE'
            ? 'unknown'
            : 'unknown';
  return { e164: p.number, type };
}

function money(
  v: string | undefined,
  field: string,
  currency: Currency | null,
  required: boolean,
  issues: FieldIssue[],
): number | null {
  const s = (v ?? '').trim();
  if (s === '') {
    if (required) issues.push({ path: field, message: 'is required' });
    return null;
  }
  if (!currency) return null;
  const r = parseMajorToMinor(s, currency);
  if (!r.ok) {
    issues.push({ path: field, message: r.reason });
    return null;
  }
  if (r.minor < 0) {
    issues.push({ path: field, message: `must not be negative (got ${s})` });
    return null;
  }
  return r.minor;
}

/**
 * principal + interest + fees, summed exactly. Each part is a safe integer, their sum may not be:
 * a double would round it and the account would owe a different amount than the file says.
 */
function derivedBalance(
  principal: number,
  interest: number,
  fees: number,
  issues: FieldIssue[],
): number | null {
  const sum = BigInt(principal) + BigInt(interest) + BigInt(fees);
  if (sum <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(sum);
  issues.push({
    path: 'balance',
    message: `principal + interest + fees = ${sum} minor units is larger than the largest amount stored exactly (${Number.MAX_SAFE_INTEGER}); check the amounts or give the balance column`,
  });
  return null;
}

/**
 * Validates and normalises one import row. Reports every problem of the row (not just the
 * first), each with its column, so a user can fix a file in one pass.
 *
 * @example
 * validateImportRow({ external_ref: 'A1', debtor_ref: 'D1', last_name: 'Pérez', country: 'MX',
 *   region: 'MX-CMX', currency: 'MXN', principal: '1500.00' }, { asOf: '2026-11-24' }).ok // true
 */
export function validateImportRow(
  raw: RawImportRow,
  ctx: { asOf: string; defaultCurrency?: string; defaultCountry?: string },
): RowValidation {
  const issues: FieldIssue[] = [];
  const get = (k: keyof RawImportRow) => (raw[k] ?? '').trim();

  const externalRef = get('external_ref');
  if (!externalRef) issues.push({ path: 'external_ref', message: 'is required' });
  else if (!REF.test(externalRef))
    issues.push({
      path: 'external_ref',
      message: `"${externalRef}" must be 1–64 letters, digits or . - / : # _`,
    });
  const debtorRef = get('debtor_ref');
  if (!debtorRef) issues.push({ path: 'debtor_ref', message: 'is required' });
  else if (!REF.test(debtorRef))
    issues.push({
      path: 'debtor_ref',
      message: `"${debtorRef}" must be 1–64 letters, digits or . - / : # _`,
    });
  const lastName = get('last_name');
  if (!lastName) issues.push({ path: 'last_name', message: 'is required' });

  const country = (get('country') || ctx.defaultCountry || '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country))
    issues.push({
      path: 'country',
      message: country ? `"${get('country')}" is not an ISO 3166-1 alpha-2 code` : 'is required',
    });
  const region = get('region').toUpperCase() || null;
  if (region && (!/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region) || !region.startsWith(`${country}-`))) {
    issues.push({
      path: 'region',
      message: `"${get('region')}" is not an ISO 3166-2 code of ${country || 'the country'}`,
    });
  }
  let timezone = get('timezone');
  if (timezone) {
    if (!isValidZone(timezone))
      issues.push({
        path: 'timezone',
        message: `"${timezone}" is not an IANA time zone (e.g. America/Mexico_City)`,
      });
  } else {
    timezone = defaultZone(country, region ?? undefined) ?? '';
    if (!timezone && country)
      issues.push({
        path: 'timezone',
        message: `is required for ${country}${region ? ` region ${region}` : ''}: the country spans several zones`,
      });
  }
  const langRaw = get('language').toLowerCase();
  let language: 'es' | 'en' = country === 'US' || country === 'GB' ? 'en' : 'es';
  if (langRaw) {
    const l = langRaw.slice(0, 2);
    if (l === 'es' || l === 'en') language = l;
    else issues.push({ path: 'language', message: `"${langRaw}" is not supported (es or en)` });
  }

  const curRaw = (get('currency') || ctx.defaultCurrency || '').toUpperCase();
  const currency = isCurrency(curRaw) ? curRaw : null;
  if (!currency)
    issues.push({
      path: 'currency',
      message: curRaw ? `"${get('currency')}" is not a supported ISO 4217 currency` : 'is required',
    });
  const principalMinor = money(raw.principal, 'principal', currency, true, issues);
  const interestMinor = money(raw.interest, 'interest', currency, false, issues) ?? 0;
  const feesMinor = money(raw.fees, 'fees', currency, false, issues) ?? 0;
  const balanceGiven = money(raw.balance, 'balance', currency, false, issues);

  const dob = get('date_of_birth') || null;
  if (dob && (!isCalendarDate(dob) || dob < '1900-01-01' || dob > ctx.asOf))
    issues.push({ path: 'date_of_birth', message: `"${dob}" is not a valid past date (YYYY-MM-DD)` });
  const delinquentSince = get('delinquent_since') || null;
  if (delinquentSince && !isCalendarDate(delinquentSince))
    issues.push({ path: 'delinquent_since', message: `"${delinquentSince}" is not a date (YYYY-MM-DD)` });
  else if (delinquentSince && delinquentSince > ctx.asOf)
    issues.push({ path: 'delinquent_since', message: `${delinquentSince} is in the future` });
  const nid = get('national_id_last4') || null;
  if (nid && !/^[0-9A-Za-z]{4}$/.test(nid))
    issues.push({ path: 'national_id_last4', message: 'must be exactly 4 letters or digits' });

  let phone: { e164: string; type: LineType } | null = null;
  if (get('phone') && /^[A-Z]{2}$/.test(country))
    phone = normalisePhone(get('phone'), country, 'phone', issues);
  const phoneTypeRaw = get('phone_type').toLowerCase();
  if (phoneTypeRaw && !(lineTypes as readonly string[]).includes(phoneTypeRaw))
    issues.push({ path: 'phone_type', message: `"${phoneTypeRaw}" is not one of ${lineTypes.join(', ')}` });
  let whatsapp: string | null = null;
  if (get('whatsapp') && /^[A-Z]{2}$/.test(country))
    whatsapp = normalisePhone(get('whatsapp'), country, 'whatsapp', issues)?.e164 ?? null;
  const email = get('email').toLowerCase() || null;
  if (email && !EMAIL.test(email))
    issues.push({ path: 'email', message: `"${get('email')}" is not a valid email address` });

  const consents = {
    call: parseConsent(raw.consent_call, 'consent_call', issues),
    sms: parseConsent(raw.consent_sms, 'consent_sms', issues),
    whatsapp: parseConsent(raw.consent_whatsapp, 'consent_whatsapp', issues),
    email: parseConsent(raw.consent_email, 'consent_email', issues),
  };
  const prefRaw = get('preferred_channel').toLowerCase();
  const preferredChannel = (contactChannels as readonly string[]).includes(prefRaw)
    ? (prefRaw as PreferredChannel)
    : null;
  if (prefRaw && !preferredChannel)
    issues.push({
      path: 'preferred_channel',
      message: `"${prefRaw}" is not one of ${contactChannels.join(', ')}`,
    });
  const statusRaw = get('status').toLowerCase() || 'active';
  const status = (accountStatuses as readonly string[]).includes(statusRaw)
    ? (statusRaw as AccountStatus)
    : null;
  if (!status)
    issues.push({
      path: 'status',
      message: `"${statusRaw}" is not an account status (${accountStatuses.join(', ')})`,
    });

  const balanceMinor =
    principalMinor === null
      ? null
      : (balanceGiven ?? derivedBalance(principalMinor, interestMinor, feesMinor, issues));
  if (issues.length > 0 || !currency || balanceMinor === null || principalMinor === null || !status)
    return { ok: false, issues };
  return {
    ok: true,
    row: {
      externalRef,
      debtorRef,
      firstName: get('first_name'),
      lastName,
      language,
      country,
      region,
      timezone,
      dateOfBirth: dob,
      nationalIdLast4: nid,
      phone: phone?.e164 ?? null,
      phoneType: phone ? (phoneTypeRaw as LineType) || phone.type : null,
      email,
      whatsapp,
      consents,
      preferredChannel,
      vulnerabilities: parseList(raw.vulnerability),
      product: get('product') || 'unspecified',
      currency,
      principalMinor,
      interestMinor,
      feesMinor,
      balanceMinor,
      delinquentSince,
      status,
      tags: parseList(raw.tags),
    },
  };
}
