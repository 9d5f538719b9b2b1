/**
 * The compliance engine's names for the calendar module (`core/src/calendar`, ADR 0006): zones with
 * memoised offsets, day numbers, weekdays and ISO instants. Nothing is defined here.
 */
export { civilFromDays, daysFromCivil, DAY_MS, isoWeekday } from '../calendar/civil.js';
export { formatInstant, parseInstant, parseValidInstant } from '../calendar/instant.js';
export { isValidZone as isValidTimeZone, Zone, zoneOf } from '../calendar/zone.js';
