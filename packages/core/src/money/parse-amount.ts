import { minorUnitExponent, type Currency } from './currency.js';

export type ParseAmountResult = { ok: true; minor: number } | { ok: false; reason: string };

/**
 * Parses a decimal amount in major units as written in a creditor file ("1234.56", "1234",
 * "-5.00") into integer minor units, without floating-point arithmetic. The decimal separator
 * is "."; thousands separators are not accepted (ambiguous across locales: "1,234" vs "1.234").
 *
 * @example parseMajorToMinor('1234.5', 'MXN') // { ok: true, minor: 123450 }
 * @example parseMajorToMinor('10.5', 'CLP')   // { ok: false, reason: 'CLP has no minor units …' }
 */
export function parseMajorToMinor(text: string, currency: Currency): ParseAmountResult {
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m)
    return {
      ok: false,
      reason: `"${text}" is not a decimal amount (use digits and "." for decimals, e.g. 1234.56)`,
    };
  const [, sign, whole = '0', frac = ''] = m;
  const exp = minorUnitExponent(currency);
  const significant = frac.replace(/0+$/, '');
  if (significant.length > exp) {
    return {
      ok: false,
      reason:
        exp === 0
          ? `${currency} has no minor units; "${text}" has decimals`
          : `${currency} allows at most ${exp} decimals; got "${text}"`,
    };
  }
  const minor = Number(whole) * 10 ** exp + (exp > 0 ? Number(significant.padEnd(exp, '0')) : 0);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `"${text}" is too large` };
  return { ok: true, minor: sign === '-' ? -minor : minor };
}

/** @example formatMinor(123450, 'MXN') // '1234.50' */
export function formatMinor(minor: number, currency: Currency): string {
  const exp = minorUnitExponent(currency);
  if (exp === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** exp;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exp, '0')}`;
}
