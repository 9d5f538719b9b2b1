// Parsers of single import-row fields: each reports its problems into `issues` and returns the
// normalised value (or null).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { FieldIssue } from '../errors/index.js';
import { parseMajorToMinor, type Currency } from '../money/index.js';

export const lineTypes = ['mobile', 'landline', 'voip', 'unknown'] as const;
export type LineType = (typeof lineTypes)[number];
export type Consent = boolean | null;

export const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[A-Za-z]{2,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const REF = /^[\w.\-/:#]{1,64}$/;

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parseConsent(v: string | undefined, field: string, issues: FieldIssue[]): Consent {
  const s = (v ?? '').trim().toLowerCase();
  if (s === '') return null;
  if (['true', '1', 'yes', 'y', 'si', 'sí', 's'].includes(s)) return true;
  if (['false', '0', 'no', 'n'].includes(s)) return false;
  issues.push({ path: field, message: `"${v}" is not true/false (blank = unknown)` });
  return null;
}

export function parseList(v: string | undefined): string[] {
  return (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function normalisePhone(
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

export function money(
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
export function derivedBalance(
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
