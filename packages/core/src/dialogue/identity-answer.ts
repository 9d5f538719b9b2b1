/**
 * Reading an identity answer as people write it: a date of birth in any common written form
 * ("12/04/1988", "12 de abril de 1988", "abril 12 88", "1988-04-12", "my birthday is April 12, 1988")
 * or the last four characters of the national id ("termina en 4321", "4 3 2 1", "termina en 5.678-K").
 * The result is normalised (`YYYY-MM-DD`; four upper-case letters or digits) so the caller can compare
 * it with what the record holds.
 */
import { daysInMonth } from '../calendar/civil.js';
import type { Language } from '../nlu/intents.js';
import { foldAccents } from '../nlu/normalize.js';
import { nationalIdLast4Of } from '../record/national-id.js';

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
  /\b(ultim[oa]s?|termina(cion)?|terminan|acaba|finaliza|last|ends?|ending|digitos|digits|caracteres|characters|cuatro|four|ine|dni|nie|curp|rut|cedula|ssn|social)\b/;

/**
 * What a national id's last four characters may be in a reply, most likely first; empty when the
 * reply gives none. Four characters alone count when the bot asked for them (`asked`); otherwise the
 * reply must say what they are ("termina en 4321"). Ids that end in letters (a RUT's K, a DNI's or
 * NIE's control letter, a CURP) are read from the id or its end as people write it — "termina en
 * 5.678-K", "los últimos son 678K", "12345678Z", "6 7 8 K" — and normalised like the import
 * normalises them (`nationalIdLast4Of`). Four digits are read exactly as before. Fewer than four
 * characters ("8Z") are no answer: the record keeps an HMAC of four, nothing shorter compares.
 *
 * @example
 * last4Candidates('termina en 4321', false) // → ['4321']
 * last4Candidates('mi rut es 12.345.678-K', false) // → ['678K']
 */
export function last4Candidates(text: string, asked: boolean): string[] {
  const t = fold(text);
  const cued = last4Cue.test(t);
  if (!asked && !cued) return [];
  const digits = digitsAnswer(t);
  return unique([...endsWithLetters(t, cued), digits]);
}

/** Four digits, alone or spaced ("4321", "4 3 2 1", "43-21"), not part of a longer number or date. */
function digitsAnswer(t: string): string | undefined {
  const m = /(?<![\d/.-])(\d(?:[ -]?\d){3})(?![\d/.-]|[ -]\d)/.exec(t);
  if (!m) return undefined;
  const digits = m[1]!.replace(/[ -]/g, '');
  return digits.length === 4 ? digits : undefined;
}

type IdToken = 'id' | 'letter' | 'separator' | 'word';

/** One-letter words of Spanish and English: never an id's letter when written apart. */
const oneLetterWords = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** An amount ("100k", "500mxn") or an ordinal ("12th"): not an id unless the reply says it is one. */
const amountOrOrdinal =
  /^\d+(k|mil|mxn|usd|eur|cop|clp|ars|pen|pesos|dls|dlls|lucas|st|nd|rd|th|ro|do|er|vo|to|o|a)$/;

function idToken(token: string, trusted: boolean): IdToken {
  if (/^[-.]+$/.test(token)) return 'separator';
  if (/^[a-z]$/.test(token)) return oneLetterWords.has(token) ? 'word' : 'letter';
  if (!/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(token) || !/\d/.test(token)) return 'word';
  return !trusted && amountOrOrdinal.test(token) ? 'word' : 'id';
}

const stripPunctuation = (raw: string) => raw.replace(/^[¿¡("'“]+|[,;:!?)"'”]+$|(?<=\w)\.$/g, '');

/**
 * Runs of id-like tokens ("12.345.678-K", "678 K", "x1234567l") whose last four hold a letter. A
 * reply that is nothing but the id ("417K") or says what it is ("termina en 100k") is read as one
 * even where it looks like an amount.
 */
function endsWithLetters(t: string, cued: boolean): string[] {
  const tokens = t.split(/\s+/).map(stripPunctuation).filter(Boolean);
  const trusted = cued || tokens.every((token) => idToken(token, true) !== 'word');
  const found: string[] = [];
  let run: string[] = [];
  let hasId = false;
  const flush = () => {
    const last4 = hasId ? nationalIdLast4Of(run.join('')) : undefined;
    if (last4 !== undefined && /[A-Z]/.test(last4)) found.push(last4);
    run = [];
    hasId = false;
  };
  for (const token of tokens) {
    const kind = idToken(token, trusted);
    if (kind === 'word') flush();
    else {
      run.push(token);
      hasId ||= kind === 'id';
    }
  }
  flush();
  return found;
}
