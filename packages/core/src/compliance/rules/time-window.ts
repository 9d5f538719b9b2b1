/**
 * Rule kind `time_window`: contact only inside allowed windows per weekday, in the debtor's
 * local time, optionally never on the debtor's public holidays.
 *
 * Boundary reading (Reg F 1006.6(b)(1)(i) "before 8:00 a.m. and after 9:00 p.m."): with
 * `endInclusive: true`, 08:00:00 and 21:00:00 are allowed and 21:00:00.001 is not. Where the
 * law gives no boundary, packs use `endInclusive: false` (the conservative reading).
 */
import { z } from 'zod';
import { ruleBaseShape, PASS, NO_END, type Messages, type RuleCheck } from '../rule-base.js';
import { weekdays, type Weekday } from '../vocab.js';
import { DAY_MS, isoWeekday } from '../../calendar/civil.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time must be HH:MM (00:00–24:00)');

/**
 * One allowed window: on `days`, from `start` to `end` (local time).
 *
 * @example
 * const w: TimeWindowSpec = { days: ['mon', 'tue'], start: '08:00', end: '21:00', endInclusive: true };
 */
export const TimeWindowSpec = z
  .strictObject({
    days: z.array(z.enum(weekdays)).min(1),
    start: hhmm,
    end: hhmm,
    endInclusive: z.boolean().default(true),
  })
  .refine((w) => minutes(w.start) < minutes(w.end), { message: 'window start must be before its end' });
export type TimeWindowSpec = z.infer<typeof TimeWindowSpec>;

/**
 * The `time_window` rule.
 *
 * @example
 * const r: TimeWindowRule = { kind: 'time_window', id: 'CO-HOURS', citation: 'Ley 2300 de 2023, art. 3', confidence: 'V2', severity: 'hard',
 *   windows: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '19:00', endInclusive: true }], holidays: true };
 */
export const TimeWindowRule = z.object({
  ...ruleBaseShape,
  kind: z.literal('time_window'),
  windows: z.array(TimeWindowSpec),
  /** Block the debtor's public holidays (country + region calendar). */
  holidays: z.boolean().default(false),
});
export type TimeWindowRule = z.infer<typeof TimeWindowRule>;

function minutes(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

interface Segment {
  s: number;
  e: number;
  incl: boolean;
}

/**
 * Compiles a time-window rule: blocked → the next local window start (skipping holidays and
 * closed days, up to 60 days ahead), converted to an instant in that zone (DST-correct).
 *
 * @example
 * const check = compileTimeWindow(rule);
 * check(ctx, zoneOf('America/New_York'), Date.parse('2026-03-08T01:30:00Z')); // next 08:00 local
 */
export function compileTimeWindow(rule: TimeWindowRule): RuleCheck {
  const byDay: Segment[][] = weekdays.map(() => []);
  for (const w of rule.windows) {
    for (const d of w.days)
      byDay[weekdays.indexOf(d)]!.push({
        s: minutes(w.start) * 60_000,
        e: minutes(w.end) * 60_000,
        incl: w.endInclusive,
      });
  }
  for (const segs of byDay) segs.sort((a, b) => a.s - b.s);
  return (ctx, zone, t) => {
    const wall = zone.wall(t);
    const day = Math.floor(wall / DAY_MS);
    const tod = wall - day * DAY_MS;
    const open = !(rule.holidays && ctx.holidays.isHolidayDay(day));
    if (open) {
      for (const g of byDay[isoWeekday(day)]!)
        if (tod >= g.s && (tod < g.e || (g.incl && tod === g.e))) return PASS;
    }
    for (let k = 0; k <= 60; k++) {
      const d = day + k;
      if (rule.holidays && ctx.holidays.isHolidayDay(d)) continue;
      for (const g of byDay[isoWeekday(d)]!) {
        if (k === 0 && g.s <= tod) continue;
        const next = zone.instant(d * DAY_MS + g.s);
        if (next > t) return next;
      }
    }
    return NO_END;
  };
}

const dayNames: Record<Weekday, { en: string; es: string }> = {
  mon: { en: 'Mon', es: 'lun' },
  tue: { en: 'Tue', es: 'mar' },
  wed: { en: 'Wed', es: 'mié' },
  thu: { en: 'Thu', es: 'jue' },
  fri: { en: 'Fri', es: 'vie' },
  sat: { en: 'Sat', es: 'sáb' },
  sun: { en: 'Sun', es: 'dom' },
};

/**
 * Generated message, e.g. "Outside allowed contact hours (Mon–Fri 07:00–19:00; Sat 08:00–15:00; not on public holidays), debtor's local time".
 *
 * @example
 * describeTimeWindow(rule).en; // CO-HOURS above
 * // "Outside allowed contact hours (Mon–Fri 07:00–19:00; not on public holidays), debtor's local time"
 */
export function describeTimeWindow(rule: TimeWindowRule): Messages {
  const part = (lang: 'en' | 'es'): string =>
    rule.windows
      .map(
        (w) =>
          `${w.days.length === 7 ? (lang === 'en' ? 'every day' : 'todos los días') : daysLabel(w.days, lang)} ${w.start}–${w.end}`,
      )
      .join('; ');
  if (rule.windows.length === 0)
    return { en: 'No contact allowed at any time', es: 'No se permite contactar en ningún momento' };
  return {
    en: `Outside allowed contact hours (${part('en')}${rule.holidays ? '; not on public holidays' : ''}), debtor's local time`,
    es: `Fuera del horario permitido (${part('es')}${rule.holidays ? '; no en días festivos' : ''}), hora local del deudor`,
  };
}

function daysLabel(days: readonly Weekday[], lang: 'en' | 'es'): string {
  const idx = days.map((d) => weekdays.indexOf(d)).sort((a, b) => a - b);
  const contiguous = idx.every((v, i) => i === 0 || v === idx[i - 1]! + 1);
  const name = (i: number): string => dayNames[weekdays[i]!][lang];
  if (contiguous && idx.length > 2) return `${name(idx[0]!)}–${name(idx[idx.length - 1]!)}`;
  return idx.map(name).join(',');
}
