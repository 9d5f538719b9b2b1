import type { FactScan } from './scan.js';

const months: Readonly<Record<string, number>> = {
  enero: 1,
  ene: 1,
  january: 1,
  jan: 1,
  febrero: 2,
  feb: 2,
  february: 2,
  marzo: 3,
  mar: 3,
  march: 3,
  abril: 4,
  abr: 4,
  april: 4,
  apr: 4,
  mayo: 5,
  may: 5,
  junio: 6,
  jun: 6,
  june: 6,
  julio: 7,
  jul: 7,
  july: 7,
  agosto: 8,
  ago: 8,
  august: 8,
  aug: 8,
  septiembre: 9,
  setiembre: 9,
  sept: 9,
  sep: 9,
  september: 9,
  octubre: 10,
  oct: 10,
  october: 10,
  noviembre: 11,
  nov: 11,
  november: 11,
  diciembre: 12,
  dic: 12,
  december: 12,
  dec: 12,
};

const MONTH = Object.keys(months)
  .sort((a, b) => b.length - a.length)
  .join('|');
const ORDINAL = '(?:st|nd|rd|th|º)?';

/** "27 de noviembre (de 2026)", "27 November", "27th of November, 2026". */
const DAY_MONTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})${ORDINAL}\s+(?:de\s+|of\s+)?(${MONTH})\.?(?![\p{L}])(?:,?\s+(?:de\s+|del\s+)?(\d{4})(?!\p{N}))?`,
  'gu',
);
/** "November 27", "Nov. 27th, 2026". */
const MONTH_DAY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${MONTH})\.?\s+(\d{1,2})${ORDINAL}(?![\p{L}\p{N}])(?:,?\s+(\d{4})(?!\p{N}))?`,
  'gu',
);
const ISO_DATE = /(?<![\p{L}\p{N}])(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}])/gu;
/** "27/11/2026", "27-11-2026", "27.11.2026", "27/11": day first in Spanish, month first in English. */
const NUMERIC_DATE =
  /(?<![\p{L}\p{N}.,/-])(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{2}|\d{4}))?|-(\d{1,2})-(\d{4})|\.(\d{1,2})\.(\d{4}))(?![\p{L}\p{N}]|[.,/-]\d)/gu;

function civil(day: number, month: number, year?: string): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year === undefined) return md;
  return `${year.length === 2 ? `20${year}` : year}-${md}`;
}

/** Dates, as `MM-DD` or `YYYY-MM-DD` however they are written. */
export function readDates(scan: FactScan): void {
  const date = (value: string | null) => (value === null ? null : { kind: 'date' as const, value });
  scan.each(ISO_DATE, (m) => date(civil(Number(m[3]), Number(m[2]), m[1])));
  scan.each(DAY_MONTH, (m) => date(civil(Number(m[1]), months[m[2]!]!, m[3])));
  scan.each(MONTH_DAY, (m) => date(civil(Number(m[2]), months[m[1]!]!, m[3])));
  scan.each(NUMERIC_DATE, (m) => {
    const second = Number(m[2] ?? m[4] ?? m[6]);
    const year = m[3] ?? m[5] ?? m[7];
    const first = Number(m[1]);
    return scan.locale.lang === 'en' ? date(civil(second, first, year)) : date(civil(first, second, year));
  });
}

const TIME_HM = /(?<![\p{L}\p{N}])(\d{1,2}):(\d{2})(?:\s?(a\.?\s?m\.?|p\.?\s?m\.?)(?![\p{L}]))?(?!\p{N})/gu;
const TIME_H = /(?<![\p{L}\p{N}])(\d{1,2})\s?(a\.?\s?m\.?|p\.?\s?m\.?)(?![\p{L}])/gu;

function clock(hour: number, minute: number, meridiem: string | undefined): string | null {
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    const pm = meridiem.startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || minute > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Times of day, as `HH:MM` on a 24-hour clock ("6 pm", "18:00", "6:00 p. m."). */
export function readTimes(scan: FactScan): void {
  const time = (value: string | null) => (value === null ? null : { kind: 'time' as const, value });
  scan.each(TIME_HM, (m) => time(clock(Number(m[1]), Number(m[2]), m[3])));
  scan.each(TIME_H, (m) => time(clock(Number(m[1]), 0, m[2])));
}

const weekdays: Readonly<Record<string, string>> = {
  lunes: '1',
  monday: '1',
  martes: '2',
  tuesday: '2',
  miercoles: '3',
  wednesday: '3',
  jueves: '4',
  thursday: '4',
  viernes: '5',
  friday: '5',
  sabado: '6',
  saturday: '6',
  domingo: '7',
  sunday: '7',
};

/** Days and times said without a date: each has one canonical value in both languages. */
const relativeDays: Readonly<Record<string, string>> = {
  hoy: 'today',
  today: 'today',
  'pasado manana': 'day_after_tomorrow',
  'the day after tomorrow': 'day_after_tomorrow',
  manana: 'tomorrow',
  tomorrow: 'tomorrow',
  ayer: 'yesterday',
  yesterday: 'yesterday',
  anteayer: 'day_before_yesterday',
  antier: 'day_before_yesterday',
  'the day before yesterday': 'day_before_yesterday',
  'esta noche': 'tonight',
  tonight: 'tonight',
  'esta semana': 'this_week',
  'this week': 'this_week',
  'la proxima semana': 'next_week',
  'proxima semana': 'next_week',
  'la semana que viene': 'next_week',
  'la semana proxima': 'next_week',
  'next week': 'next_week',
  'este mes': 'this_month',
  'this month': 'this_month',
  'el proximo mes': 'next_month',
  'proximo mes': 'next_month',
  'el mes que viene': 'next_month',
  'next month': 'next_month',
  'fin de mes': 'month_end',
  'fin del mes': 'month_end',
  'final de mes': 'month_end',
  'end of the month': 'month_end',
  'end of month': 'month_end',
  quincena: 'quincena',
  'por la manana': 'morning',
  'en la manana': 'morning',
  'de la manana': 'morning',
  'las mananas': 'morning',
  'in the morning': 'morning',
  morning: 'morning',
  mornings: 'morning',
  'por la tarde': 'afternoon',
  'en la tarde': 'afternoon',
  'de la tarde': 'afternoon',
  'las tardes': 'afternoon',
  afternoon: 'afternoon',
  afternoons: 'afternoon',
  'por la noche': 'evening',
  'en la noche': 'evening',
  'de la noche': 'evening',
  'las noches': 'evening',
  evening: 'evening',
  evenings: 'evening',
  ahora: 'now',
  'ahora mismo': 'now',
  ahorita: 'now',
  enseguida: 'now',
  'en seguida': 'now',
  'de inmediato': 'now',
  inmediatamente: 'now',
  now: 'now',
  'right now': 'now',
  'right away': 'now',
  immediately: 'now',
  pronto: 'soon',
  'en breve': 'soon',
  'lo antes posible': 'soon',
  'a la brevedad': 'soon',
  soon: 'soon',
  shortly: 'soon',
  'as soon as possible': 'soon',
};

/** How often: each plan frequency, however it is said. */
const frequencies: Readonly<Record<string, string>> = {
  semanal: 'weekly',
  semanales: 'weekly',
  semanalmente: 'weekly',
  'a la semana': 'weekly',
  'por semana': 'weekly',
  'cada semana': 'weekly',
  weekly: 'weekly',
  'a week': 'weekly',
  'per week': 'weekly',
  'each week': 'weekly',
  'every week': 'weekly',
  quincenal: 'fortnightly',
  quincenales: 'fortnightly',
  quincenalmente: 'fortnightly',
  'cada quince dias': 'fortnightly',
  'cada 15 dias': 'fortnightly',
  'cada dos semanas': 'fortnightly',
  'cada 2 semanas': 'fortnightly',
  fortnightly: 'fortnightly',
  biweekly: 'fortnightly',
  'bi-weekly': 'fortnightly',
  'every two weeks': 'fortnightly',
  'every 2 weeks': 'fortnightly',
  'every other week': 'fortnightly',
  mensual: 'monthly',
  mensuales: 'monthly',
  mensualmente: 'monthly',
  'al mes': 'monthly',
  'por mes': 'monthly',
  'cada mes': 'monthly',
  monthly: 'monthly',
  'a month': 'monthly',
  'per month': 'monthly',
  'each month': 'monthly',
  'every month': 'monthly',
};

/** Before durations and numbers: "cada 15 días" is a frequency, not a duration. */
export function readFrequencies(scan: FactScan): void {
  scan.words('frequency', frequencies);
}

export function readDayWords(scan: FactScan): void {
  scan.words('weekday', weekdays);
  scan.words('relative_day', relativeDays);
}
