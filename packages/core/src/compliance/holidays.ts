/**
 * Public-holiday calendars: the maintained `date-holidays` data plus a reviewed override table.
 * A region calendar (e.g. BR-SP) is the union of the country list and the region list, because
 * the library's region data can miss a national holiday (BR-SP 3.37.0 lacks 20 Nov, a national
 * holiday since Lei 14.759/2023).
 */
import Holidays from 'date-holidays';
import { civilFromDays, daysFromCivil, formatCivilDate } from '../calendar/civil.js';

/**
 * One correction to the library data for a country.
 *
 * @example
 * const o: HolidayOverride = { removeRules: ['easter'], note: 'Easter Sunday is not a public holiday' };
 */
export interface HolidayOverride {
  /** Library rules (the `rule` string, e.g. `easter`) that are NOT public holidays. */
  removeRules?: readonly string[];
  /** Extra holidays by exact date `YYYY-MM-DD`. */
  addDates?: readonly { date: string; name: string }[];
  /** Why, with the legal source. */
  note: string;
}

/**
 * Reviewed corrections per country. CO (verified 2026 against Ley 51 de 1983 "Ley Emiliani" and
 * Ley 2578 de 2026): Easter Sunday is not a public holiday in Colombia; the library lists it.
 * The library's 13 Jul 2026 "Virgen de Chiquinquirá" IS correct (Ley 2578 de 2026, art. 6,
 * 9 July moved to Monday), and its "La Asunción" on 18 May 2026 is Ascensión del Señor (date right,
 * label wrong). Resulting 2026 list: 19 days (see holidays.test.ts).
 *
 * @example
 * holidayOverrides.CO?.removeRules; // ['easter']
 */
export const holidayOverrides: Readonly<Record<string, HolidayOverride>> = {
  CO: {
    removeRules: ['easter'],
    note: 'Ley 51 de 1983 (Ley Emiliani) lists no Easter Sunday holiday; Ley 2578 de 2026 adds 9 July (Emiliani-moved).',
  },
  // Easter Sunday is a Sunday anyway in CL/PE, where Sundays are blocked; removing it keeps lists honest.
  CL: { removeRules: ['easter'], note: 'Easter Sunday is not a feriado legal in Chile (a Sunday anyway).' },
  PE: { removeRules: ['easter'], note: 'Easter Sunday is not a feriado in Peru (a Sunday anyway).' },
};

const HOLIDAY_TYPES = new Set(['public']);

/**
 * A holiday calendar for one country (+ optional ISO 3166-2 region), memoised per year.
 *
 * @example
 * const co = holidayCalendar('CO');
 * co.isHolidayDay(Date.UTC(2026, 6, 13) / 86_400_000); // true (Virgen de Chiquinquirá, moved)
 */
export interface HolidayCalendar {
  readonly code: string;
  /** `day` = days since 1970-01-01 of the local calendar date. */
  isHolidayDay(day: number): boolean;
  /** The holidays of a year as `YYYY-MM-DD name`, sorted (for review and tests). */
  list(year: number): string[];
}

const calendars = new Map<string, HolidayCalendar>();

/**
 * Returns the memoised calendar for `country` / `region` (`region` like `BR-SP`). An unknown
 * country yields an empty calendar (no holidays known), which the global baseline documents.
 *
 * @example
 * holidayCalendar('BR', 'BR-SP').list(2026).some((h) => h.startsWith('2026-11-20')); // true
 */
export function holidayCalendar(country: string, region?: string): HolidayCalendar {
  const key = `${country}|${region ?? ''}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = buildCalendar(country, region);
    calendars.set(key, cal);
  }
  return cal;
}

function buildCalendar(country: string, region?: string): HolidayCalendar {
  const sources: Holidays[] = [];
  const hd = new Holidays();
  const countries = hd.getCountries() as Record<string, string> | undefined;
  if (countries && country in countries) {
    sources.push(new Holidays(country, { types: ['public'] }));
    const sub = region?.startsWith(`${country}-`) ? region.slice(country.length + 1) : undefined;
    const states = sub ? (hd.getStates(country) as Record<string, string> | undefined) : undefined;
    if (sub && states && sub in states) sources.push(new Holidays(country, sub, { types: ['public'] }));
  }
  const override = holidayOverrides[country];
  const years = new Map<number, Map<number, string>>();
  const yearOf = (year: number): Map<number, string> => {
    let days = years.get(year);
    if (!days) {
      days = new Map();
      for (const src of sources) {
        for (const h of src.getHolidays(year) || []) {
          if (!HOLIDAY_TYPES.has(h.type)) continue;
          if (override?.removeRules?.includes(h.rule)) continue;
          const d = dayOfDateString(h.date);
          if (!days.has(d)) days.set(d, h.name);
        }
      }
      for (const add of override?.addDates ?? []) {
        if (add.date.startsWith(`${year}-`)) days.set(dayOfDateString(add.date), add.name);
      }
      years.set(year, days);
    }
    return days;
  };
  // Memo per day number: the hot path asks the same few days over and over.
  const byDay = new Map<number, boolean>();
  return {
    code: region ?? country,
    isHolidayDay(day) {
      let v = byDay.get(day);
      if (v === undefined) {
        v = yearOf(civilFromDays(day).year).has(day);
        if (byDay.size > 100_000) byDay.clear();
        byDay.set(day, v);
      }
      return v;
    },
    list: (year) =>
      [...yearOf(year).entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([d, name]) => `${formatCivilDate(d)} ${name}`),
  };
}

/** The day number of `YYYY-MM-DD…` (the library's dates carry a time after the date). */
function dayOfDateString(s: string): number {
  return daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}
