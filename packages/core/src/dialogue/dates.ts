import { addCivilDays, formatCivilParts } from '../calendar/civil.js';
import { localDateTime, zoneOf } from '../calendar/zone.js';
import type { LocalNow } from '../nlu/civil.js';

/** The debtor's wall clock at `now` (epoch ms): the reference for "mañana", "el viernes", "next month". */
export function debtorLocalNow(now: number, timeZone: string): LocalNow {
  const l = localDateTime(zoneOf(timeZone), now);
  return { y: l.year, m: l.month, d: l.day, hour: l.hour, minute: l.minute };
}

/** @example debtorToday(Date.UTC(2026, 10, 24, 16), 'America/Mexico_City') // → '2026-11-24' */
export function debtorToday(now: number, timeZone: string): string {
  const l = debtorLocalNow(now, timeZone);
  return formatCivilParts(l.y, l.m, l.d);
}

/** The first day of the next month: what "el mes que viene" / "next month" means for a payment. */
export function firstOfNextMonth(local: LocalNow): string {
  return local.m === 12 ? formatCivilParts(local.y + 1, 1, 1) : formatCivilParts(local.y, local.m + 1, 1);
}

export { addCivilDays };
