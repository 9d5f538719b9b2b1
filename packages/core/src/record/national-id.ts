/**
 * The one normalisation of a national id's last characters, shared by the import (which stores their
 * HMAC) and the dialogue (which reads them in a debtor's answer), so both sides hash the same text.
 * Ids end in letters in several markets: Mexico's CURP ("…HDFRRN09"), Spain's DNI and NIE
 * ("12345678Z", "X1234567L"), Chile's RUT ("12.345.678-K"); others are digits (AR, CO and PE
 * identity numbers, the US SSN). People write them with spaces, dots and dashes.
 */

/**
 * Upper case, without spaces, dots and dashes: the form the last four characters are kept in.
 *
 * @example
 * compactNationalId('12.345.678-k') // → '12345678K'
 */
export function compactNationalId(raw: string): string {
  return raw.toUpperCase().replace(/[\s.-]+/g, '');
}

/**
 * The last four letters or digits of a national id as they are stored and compared, or undefined
 * when the compact form holds fewer than four, or anything but letters and digits.
 *
 * @example
 * nationalIdLast4Of('12.345.678-K') // → '678K'
 * nationalIdLast4Of('4321') // → '4321'
 * nationalIdLast4Of('8Z') // → undefined
 */
export function nationalIdLast4Of(raw: string): string | undefined {
  const compact = compactNationalId(raw);
  return /^[0-9A-Z]{4,}$/.test(compact) ? compact.slice(-4) : undefined;
}
