/**
 * Reading an identity answer as people write it: a date of birth in any common written form
 * ("12/04/1988", "12 de abril de 1988", "abril 12 88", "1988-04-12", "my birthday is April 12, 1988")
 * or the last four digits of the national id ("termina en 4321", "4 3 2 1"). The result is normalised
 * (`YYYY-MM-DD`, four digits) so the caller can compare it with what the record holds.
 */
import { daysInMonth } from '../calendar/civil.js';
import type { Language } from '../nlu/intents.js';
import { foldAccents } from '../nlu/normalize.js';

const monthWords: ReadonlyArray<[RegExp, number]> = [
  [/^(enero|ene|january|jan)$/, 1],
  [/^(febrero|feb|february)$/, 2],
  [/^(marzo|mar|march)$/, 3],
  [/^(abril|abr|april|apr)$/, 4],
  [/^(mayo|may)$/, 5],
  [/^(junio|jun|june)$/, 6],
  [/^(julio|jul|july)$/, 7],
  [/^(agosto|ago|august|aug)$/, 8],
  [/^(septiembre|setiembre|sept|sep|set|september)$/, 9],
  [/^(octubre|oct|october)$/, 10],
  [/^(noviembre|nov|november)$/, 11],
  [/^(diciembre|dic|december|dec)$/, 12],
];

function monthOf(word: string): number | undefined {
  for (const [re, m] of monthWords) if (re.test(word)) return m;
  return undefined;
}

/** A two-digit year of birth: the latest century that makes the person at least 14 years old. */
function fullYear(raw: string, thisYear: number): number {
  if (raw.length === 4) return Number(raw);
  const yy = Number(raw);
  return 2000 + yy <= thisYear - 14 ? 2000 + yy : 1900 + yy;
}

function civil(y: number, m: number, d: number, thisYear: number): string | undefined {
  if (y < 1900 || y > thisYear || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function unique(xs: (string | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => x !== undefined))];
}

function fold(text: string): string {
  return foldAccents(text.toLowerCase());
}

/**
 * The dates of birth a reply may mean, most likely first. "12/04/1988" is 12 April in Spanish and
 * 4 December in English: both readings are returned (language order first) and one try checks both.
 *
 * @example
 * dobCandidates('nací el 12 de abril del 88', 'es', 2026) // → ['1988-04-12']
 * dobCandidates('12/04/1988', 'en', 2026) // → ['1988-12-04', '1988-04-12']
 */
export function dobCandidates(text: string, lang: Language, thisYear: number): string[] {
  const t = fold(text);
  const iso = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(t);
  if (iso) return unique([civil(+iso[1]!, +iso[2]!, +iso[3]!, thisYear)]);
  const numeric = /(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?!\d)/.exec(t);
  if (numeric) return dayMonthReadings(+numeric[1]!, +numeric[2]!, numeric[3]!, lang, thisYear);
  const named = namedMonthDate(t, thisYear);
  if (named) return [named];
  const spaced = /(?<![\d.,])(\d{1,2}) (\d{1,2}) (\d{4})(?![\d.,])/.exec(t);
  if (spaced) return dayMonthReadings(+spaced[1]!, +spaced[2]!, spaced[3]!, lang, thisYear);
  const packed = /(?<!\d)(\d{8})(?!\d)/.exec(t)?.[1];
  if (packed) {
    const [a, b, rest] = [packed.slice(0, 2), packed.slice(2, 4), packed.slice(4)];
    const ymd = civil(+packed.slice(0, 4), +packed.slice(4, 6), +packed.slice(6), thisYear);
    return unique([ymd, ...dayMonthReadings(+a, +b, rest, lang, thisYear)]);
  }
  return [];
}

function dayMonthReadings(a: number, b: number, year: string, lang: Language, thisYear: number): string[] {
  const y = fullYear(year, thisYear);
  const dayFirst = civil(y, b, a, thisYear);
  const monthFirst = civil(y, a, b, thisYear);
  return unique(lang === 'en' ? [monthFirst, dayFirst] : [dayFirst, monthFirst]);
}

/** "12 de abril de 1988", "abril 12 88", "April 12th, 1988", "12th of April '88". */
function namedMonthDate(t: string, thisYear: number): string | undefined {
  const words = t.split(/[^a-z0-9]+/).filter(Boolean);
  const monthAt = words.findIndex((w) => monthOf(w) !== undefined && w.length >= 3);
  if (monthAt < 0) return undefined;
  const month = monthOf(words[monthAt]!)!;
  const numbers = words
    .map((w) => /^(\d{1,4})(st|nd|rd|th|ro|vo|o)?$/.exec(w)?.[1])
    .filter((n): n is string => n !== undefined);
  const year = numbers.find((n) => n.length === 4) ?? [...numbers].reverse().find((n) => n.length <= 2);
  if (year === undefined) return undefined;
  const day = numbers.find((n) => n !== year && n.length <= 2 && +n >= 1 && +n <= 31);
  if (day === undefined) return undefined;
  return civil(fullYear(year, thisYear), month, +day, thisYear);
}

const last4Cue =
  /\b(ultim[oa]s?|termina(cion)?|terminan|acaba|finaliza|last|ends?|ending|digitos|digits|cuatro|four|ine|dni|curp|rut|cedula|ssn|social)\b/;

/**
 * The last four digits of the national id in a reply, or undefined. Four digits alone count when the
 * bot asked for them (`asked`); otherwise the reply must say what they are ("termina en 4321").
 *
 * @example
 * last4Answer('termina en 4321', false) // → '4321'
 * last4Answer('son 4 3 2 1', true) // → '4321'
 */
export function last4Answer(text: string, asked: boolean): string | undefined {
  const t = fold(text);
  if (!asked && !last4Cue.test(t)) return undefined;
  const m = /(?<![\d/.-])(\d(?:[ -]?\d){3})(?![\d/.-]|[ -]\d)/.exec(t);
  if (!m) return undefined;
  const digits = m[1]!.replace(/[ -]/g, '');
  return digits.length === 4 ? digits : undefined;
}
