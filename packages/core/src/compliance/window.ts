/**
 * Counting windows for caps: rolling N days, the local calendar day, the local ISO week.
 */
import { z } from 'zod';
import { DAY_MS, isoWeekday } from '../calendar/civil.js';
import type { Zone } from '../calendar/zone.js';
import { assertUnreachable } from '../errors/index.js';

/**
 * A counting window. `rolling` N days is at least as strict as N days by the clock AND as N local
 * calendar days: an event stays counted until both `e + N×24h` and "same wall time N local days
 * later" have passed (so DST weeks never shorten the window). Calendar windows are in the
 * debtor's local time; a week starts Monday 00:00.
 *
 * @example
 * const w: CountWindow = { type: 'rolling', days: 7 };
 */
export const CountWindow = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rolling'), days: z.number().int().min(1).max(366) }),
  z.strictObject({ type: z.literal('calendar_day') }),
  z.strictObject({ type: z.literal('calendar_week') }),
]);
/** @example const w: CountWindow = { type: 'calendar_day' }; */
export type CountWindow = z.infer<typeof CountWindow>;

/**
 * A compiled window. An event at `e` (≤ t) is counted at `t` iff `e > start(zone, t)`;
 * `dropOut(zone, t, e)` is the first instant at which it no longer is.
 *
 * @example
 * const w = compileWindow({ type: 'rolling', days: 7 });
 * w.dropOut(zoneOf('UTC'), t, e); // e + 7 days
 */
export interface CompiledWindow {
  start(zone: Zone, t: number): number;
  dropOut(zone: Zone, t: number, e: number): number;
}

/**
 * Compiles a {@link CountWindow}.
 *
 * @example
 * compileWindow({ type: 'calendar_week' }).start(zoneOf('America/Bogota'), t); // Monday 00:00 − 1 ms
 */
export function compileWindow(w: CountWindow): CompiledWindow {
  switch (w.type) {
    case 'rolling': {
      const span = w.days * DAY_MS;
      return {
        start: (zone, t) => Math.min(t - span, zone.plusLocalDays(t, -w.days)),
        dropOut: (zone, _t, e) => Math.max(e + span, zone.plusLocalDays(e, w.days)),
      };
    }
    case 'calendar_day':
      return {
        start: (zone, t) => zone.startOfDay(t) - 1,
        dropOut: (zone, t) => zone.instant((Math.floor(zone.wall(t) / DAY_MS) + 1) * DAY_MS),
      };
    case 'calendar_week':
      return {
        start: (zone, t) => zone.instant(weekStartDay(zone, t) * DAY_MS) - 1,
        dropOut: (zone, t) => zone.instant((weekStartDay(zone, t) + 7) * DAY_MS),
      };
    default:
      return assertUnreachable(w, 'window');
  }
}

function weekStartDay(zone: Zone, t: number): number {
  const day = Math.floor(zone.wall(t) / DAY_MS);
  return day - isoWeekday(day);
}

/**
 * English / Spanish phrase for a window, for generated messages.
 *
 * @example
 * describeWindow({ type: 'rolling', days: 7 }); // { en: 'in any 7 consecutive days', es: 'en 7 días consecutivos' }
 */
export function describeWindow(w: CountWindow): { en: string; es: string } {
  switch (w.type) {
    case 'rolling':
      return w.days === 1
        ? { en: 'in any 24 hours', es: 'en 24 horas' }
        : { en: `in any ${w.days} consecutive days`, es: `en ${w.days} días consecutivos` };
    case 'calendar_day':
      return { en: 'per local calendar day', es: 'por día calendario local' };
    case 'calendar_week':
      return { en: 'per calendar week (Mon–Sun)', es: 'por semana calendario (lun–dom)' };
    default:
      return assertUnreachable(w, 'window');
  }
}
