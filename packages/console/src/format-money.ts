import { formatMinor, isCurrency } from '@saldo/core/money';

/**
 * Money for people: integer minor units → the locale's format (es-MX "$1,234.50",
 * es-ES "1234,50 €"). The UI shares core's exponent table, so a stored amount shows the same
 * digits on every browser.
 *
 * @example formatMoney(123450, 'MXN', 'es-MX') // '$1,234.50'
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!isCurrency(currency)) return `${minor} ${currency}`;
  const major = formatMinor(minor, currency);
  const digits = major.includes('.') ? major.split('.')[1]!.length : 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(major));
}
