import { preferenceChannels, type PreferenceChannel } from '../channels/channel.js';
import type { FieldIssue } from '../errors/index.js';
import { isCurrency, type Currency } from '../money/index.js';
import { accountStatuses, type AccountStatus } from './account-status.js';
import type { RawImportRow } from './import-columns.js';
import {
  EMAIL,
  REF,
  derivedBalance,
  isCalendarDate,
  lineTypes,
  money,
  normalisePhone,
  parseConsent,
  parseList,
  type Consent,
  type LineType,
} from './import-row-parsers.js';
import { compactNationalId } from './national-id.js';
import { defaultZone, isValidZone } from './zones.js';

export { lineTypes, type Consent, type LineType } from './import-row-parsers.js';
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
  const get: Get = (k) => (raw[k] ?? '').trim();
  // Sections in column order: the issues come out in the order a user reads the row.
  const refs = references(get, issues);
  const place = location(get, ctx, issues);
  const amounts = moneyColumns(raw, get, ctx, issues);
  const dates = datesAndIds(get, ctx, issues);
  const contact = contactPoints(get, place.country, issues);
  const choices = consentsAndStatus(raw, get, issues);
  const { currency, principalMinor, interestMinor, feesMinor, balanceGiven } = amounts;
  const balanceMinor =
    principalMinor === null
      ? null
      : (balanceGiven ?? derivedBalance(principalMinor, interestMinor, feesMinor, issues));
  if (issues.length > 0 || !currency || balanceMinor === null || principalMinor === null || !choices.status)
    return { ok: false, issues };
  return {
    ok: true,
    row: {
      externalRef: refs.externalRef,
      debtorRef: refs.debtorRef,
      firstName: get('first_name'),
      lastName: refs.lastName,
      language: place.language,
      country: place.country,
      region: place.region,
      timezone: place.timezone,
      dateOfBirth: dates.dateOfBirth,
      nationalIdLast4: dates.nationalIdLast4,
      phone: contact.phone?.e164 ?? null,
      phoneType: contact.phone ? (contact.phoneTypeRaw as LineType) || contact.phone.type : null,
      email: contact.email,
      whatsapp: contact.whatsapp,
      consents: choices.consents,
      preferredChannel: choices.preferredChannel,
      vulnerabilities: parseList(raw.vulnerability),
      product: get('product') || 'unspecified',
      currency,
      principalMinor,
      interestMinor,
      feesMinor,
      balanceMinor,
      delinquentSince: dates.delinquentSince,
      status: choices.status,
      tags: parseList(raw.tags),
    },
  };
}

type Get = (k: keyof RawImportRow) => string;
type Ctx = Parameters<typeof validateImportRow>[1];

const refIssue = (path: string, value: string): FieldIssue => ({
  path,
  message: `"${value}" must be 1–64 letters, digits or . - / : # _`,
});

function references(get: Get, issues: FieldIssue[]) {
  const externalRef = get('external_ref');
  if (!externalRef) issues.push({ path: 'external_ref', message: 'is required' });
  else if (!REF.test(externalRef)) issues.push(refIssue('external_ref', externalRef));
  const debtorRef = get('debtor_ref');
  if (!debtorRef) issues.push({ path: 'debtor_ref', message: 'is required' });
  else if (!REF.test(debtorRef)) issues.push(refIssue('debtor_ref', debtorRef));
  const lastName = get('last_name');
  if (!lastName) issues.push({ path: 'last_name', message: 'is required' });
  return { externalRef, debtorRef, lastName };
}

/** Country, region, the debtor's zone (given, or the only zone of the country/region) and language. */
function location(get: Get, ctx: Ctx, issues: FieldIssue[]) {
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
  const timezone = zoneOf(get('timezone'), country, region, issues);
  const langRaw = get('language').toLowerCase();
  let language: 'es' | 'en' = country === 'US' || country === 'GB' ? 'en' : 'es';
  if (langRaw) {
    const l = langRaw.slice(0, 2);
    if (l === 'es' || l === 'en') language = l;
    else issues.push({ path: 'language', message: `"${langRaw}" is not supported (es or en)` });
  }
  return { language, country, region, timezone };
}

function zoneOf(given: string, country: string, region: string | null, issues: FieldIssue[]): string {
  if (given) {
    if (!isValidZone(given))
      issues.push({
        path: 'timezone',
        message: `"${given}" is not an IANA time zone (e.g. America/Mexico_City)`,
      });
    return given;
  }
  const timezone = defaultZone(country, region ?? undefined) ?? '';
  if (!timezone && country)
    issues.push({
      path: 'timezone',
      message: `is required for ${country}${region ? ` region ${region}` : ''}: the country spans several zones`,
    });
  return timezone;
}

function moneyColumns(raw: RawImportRow, get: Get, ctx: Ctx, issues: FieldIssue[]) {
  const curRaw = (get('currency') || ctx.defaultCurrency || '').toUpperCase();
  const currency: Currency | null = isCurrency(curRaw) ? curRaw : null;
  if (!currency)
    issues.push({
      path: 'currency',
      message: curRaw ? `"${get('currency')}" is not a supported ISO 4217 currency` : 'is required',
    });
  return {
    currency,
    principalMinor: money(raw.principal, 'principal', currency, true, issues),
    interestMinor: money(raw.interest, 'interest', currency, false, issues) ?? 0,
    feesMinor: money(raw.fees, 'fees', currency, false, issues) ?? 0,
    balanceGiven: money(raw.balance, 'balance', currency, false, issues),
  };
}

function datesAndIds(get: Get, ctx: Ctx, issues: FieldIssue[]) {
  const dob = get('date_of_birth') || null;
  if (dob && (!isCalendarDate(dob) || dob < '1900-01-01' || dob > ctx.asOf))
    issues.push({ path: 'date_of_birth', message: `"${dob}" is not a valid past date (YYYY-MM-DD)` });
  const delinquentSince = get('delinquent_since') || null;
  if (delinquentSince && !isCalendarDate(delinquentSince))
    issues.push({ path: 'delinquent_since', message: `"${delinquentSince}" is not a date (YYYY-MM-DD)` });
  else if (delinquentSince && delinquentSince > ctx.asOf)
    issues.push({ path: 'delinquent_since', message: `${delinquentSince} is in the future` });
  // Kept in the form the dialogue compares answers in: upper case, without spaces, dots and dashes.
  const given = get('national_id_last4');
  const nid = given ? compactNationalId(given) : null;
  if (nid !== null && !/^[0-9A-Z]{4}$/.test(nid))
    issues.push({
      path: 'national_id_last4',
      message:
        'must be the last 4 letters or digits of the national id (spaces, dots and dashes are ignored)',
    });
  return { dateOfBirth: dob, delinquentSince, nationalIdLast4: nid };
}

/** Phone (E.164 and line type), WhatsApp number and email; numbers need a valid country. */
function contactPoints(get: Get, country: string, issues: FieldIssue[]) {
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
  return { phone, phoneTypeRaw, whatsapp, email };
}

function consentsAndStatus(raw: RawImportRow, get: Get, issues: FieldIssue[]) {
  const consents: ValidImportRow['consents'] = {
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
  return { consents, preferredChannel, status };
}
