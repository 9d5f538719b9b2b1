import type { Language, Variant } from './intents.js';

/**
 * The request carries a time zone, not a country; the zone decides the regional variant, which
 * decides what "$" and "pesos" mean (MXN, COP, ARS, USD) and how numbers are grouped.
 */
const zoneVariant: ReadonlyArray<[RegExp, Variant]> = [
  [
    /^America\/(Mexico_City|Cancun|Merida|Monterrey|Matamoros|Chihuahua|Ciudad_Juarez|Ojinaga|Mazatlan|Bahia_Banderas|Hermosillo|Tijuana)$/,
    'MX',
  ],
  [/^Mexico\//, 'MX'],
  [/^America\/Bogota$/, 'CO'],
  [/^(Europe\/Madrid|Africa\/Ceuta|Atlantic\/Canary)$/, 'ES'],
  [/^America\/(Argentina\/.*|Buenos_Aires|Cordoba|Mendoza)$/, 'AR'],
  [
    /^(America\/(New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Detroit|Boise|Indiana\/.*|Kentucky\/.*|North_Dakota\/.*|Adak|Juneau|Sitka|Nome|Menominee)|Pacific\/Honolulu|US\/.*)$/,
    'US',
  ],
];

/**
 * @example
 * variantFor('America/Bogota', 'es') // → 'CO'
 * variantFor(undefined, 'en') // → 'US'
 */
export function variantFor(timezone: string | undefined, lang: Language): Variant {
  if (timezone) {
    for (const [re, v] of zoneVariant) if (re.test(timezone)) return v;
  }
  return lang === 'en' ? 'US' : 'MX';
}

/** The currency of "$" and "pesos" in each variant (Spain has no peso: "$" reads as dollars). */
export function localPesoCurrency(variant: Variant): string {
  switch (variant) {
    case 'MX':
      return 'MXN';
    case 'CO':
      return 'COP';
    case 'AR':
      return 'ARS';
    case 'US':
    case 'ES':
      return 'USD';
  }
}

/** Default zone when a request gives none (the server still passes "now" in that zone). */
export function defaultZone(lang: Language): string {
  return lang === 'en' ? 'America/New_York' : 'America/Mexico_City';
}
