import { isValidZone as isKnownZone } from '../calendar/zone.js';

/**
 * Default IANA zone when a row gives a country (and maybe a region) but no zone. Only
 * unambiguous cases are listed; a country spanning several zones without a known region needs
 * an explicit `timezone` (the compliance engine must not guess the debtor's local time).
 */
const countryZones: Record<string, string> = {
  ES: 'Europe/Madrid',
  CO: 'America/Bogota',
  PE: 'America/Lima',
  CL: 'America/Santiago',
  AR: 'America/Argentina/Buenos_Aires',
  GB: 'Europe/London',
  UY: 'America/Montevideo',
  GT: 'America/Guatemala',
  CR: 'America/Costa_Rica',
  DO: 'America/Santo_Domingo',
  PA: 'America/Panama',
};
const regionZones: Record<string, string> = {
  'ES-CN': 'Atlantic/Canary',
  'ES-TF': 'Atlantic/Canary',
  'ES-GC': 'Atlantic/Canary',
  'MX-CMX': 'America/Mexico_City',
  'MX-MEX': 'America/Mexico_City',
  'MX-JAL': 'America/Mexico_City',
  'MX-NLE': 'America/Monterrey',
  'MX-PUE': 'America/Mexico_City',
  'MX-GUA': 'America/Mexico_City',
  'MX-VER': 'America/Mexico_City',
  'MX-QUE': 'America/Mexico_City',
  'MX-YUC': 'America/Merida',
  'MX-ROO': 'America/Cancun',
  'MX-BCN': 'America/Tijuana',
  'MX-SON': 'America/Hermosillo',
  'MX-CHH': 'America/Chihuahua',
  'MX-SIN': 'America/Mazatlan',
  'MX-BCS': 'America/Mazatlan',
  'MX-COA': 'America/Monterrey',
  'MX-TAM': 'America/Monterrey',
  'MX-OAX': 'America/Mexico_City',
  'MX-CHP': 'America/Mexico_City',
  'MX-MIC': 'America/Mexico_City',
  'US-NY': 'America/New_York',
  'US-MA': 'America/New_York',
  'US-FL': 'America/New_York',
  'US-GA': 'America/New_York',
  'US-NJ': 'America/New_York',
  'US-PA': 'America/New_York',
  'US-NC': 'America/New_York',
  'US-VA': 'America/New_York',
  'US-OH': 'America/New_York',
  'US-MI': 'America/Detroit',
  'US-IL': 'America/Chicago',
  'US-TX': 'America/Chicago',
  'US-MN': 'America/Chicago',
  'US-MO': 'America/Chicago',
  'US-CO': 'America/Denver',
  'US-AZ': 'America/Phoenix',
  'US-UT': 'America/Denver',
  'US-CA': 'America/Los_Angeles',
  'US-WA': 'America/Los_Angeles',
  'US-OR': 'America/Los_Angeles',
  'US-NV': 'America/Los_Angeles',
  'US-HI': 'Pacific/Honolulu',
  'US-DC': 'America/New_York',
  'US-CT': 'America/New_York',
  'US-MD': 'America/New_York',
  'US-WI': 'America/Chicago',
  'US-LA': 'America/Chicago',
  'US-AL': 'America/Chicago',
  'US-TN': 'America/Chicago',
  'US-SC': 'America/New_York',
};

/** @example defaultZone('ES', 'ES-CN') // 'Atlantic/Canary' */
export function defaultZone(country: string, region?: string): string | undefined {
  return (region ? regionZones[region] : undefined) ?? countryZones[country];
}

/**
 * The zone check of an import row: an IANA zone this runtime knows, written as Area/Location (a
 * row may not say `UTC` or `EST`: the compliance engine needs the debtor's real local time).
 *
 * @example
 * isValidZone('America/Bogota') // true
 * isValidZone('UTC') // false
 */
export function isValidZone(zone: string): boolean {
  return zone.includes('/') && isKnownZone(zone);
}
