import { readAmounts, readDurations, readNumbers, readPercents } from './numbers.js';
import { readKeywords, readLinks, readNames, readPhones, readReferences } from './contacts.js';
import { readDates, readDayWords, readFrequencies, readTimes } from './dates.js';
import type { ReplyLocale } from './locale.js';
import { FactScan } from './scan.js';
import { readTerms } from './terms.js';
import {
  countKinds,
  factKinds,
  setKinds,
  type FactDifference,
  type FactKind,
  type ReplyFact,
} from './types.js';

/**
 * The facts a reply states, in order: amounts ("$4,850.00", "4.850,00 €", "MXN 4,850" → `MXN
 * 4850`), percentages, dates ("viernes, 27 de noviembre", "27/11" → `11-27`), weekdays, days and
 * times said in words ("mañana", "a partir de las 18:00"), durations ("cinco días"), plan
 * frequencies, links, e-mail addresses, phone numbers, reference codes, every other number (in
 * digits or words), the names given (collector, creditor), words in capitals ("STOP", "CONDUSEF"),
 * channels, offer and consequence terms (discount, fees, lawsuit…) and the ordinals first/last.
 *
 * The readers run in a fixed order and each claims its span, so "$4,850.00" is one amount and not
 * also a number, and "www.x.mx/1" is one link.
 *
 * @example
 * replyFacts('Perfecto, queda anotado: $4,850.00 el viernes, 27 de noviembre.', replyLocale('es', 'MX', 'MXN'))
 *   .map((f) => `${f.kind} ${f.value}`) // → ['amount MXN 4850', 'weekday 5', 'date 11-27']
 */
export function replyFacts(text: string, locale: ReplyLocale, names: readonly string[] = []): ReplyFact[] {
  const scan = new FactScan(text, locale);
  readLinks(scan);
  readDates(scan);
  readTimes(scan);
  readAmounts(scan);
  readPercents(scan);
  readPhones(scan);
  readReferences(scan);
  readFrequencies(scan);
  readDurations(scan);
  readNumbers(scan);
  readNames(scan, names);
  readDayWords(scan);
  readTerms(scan);
  readKeywords(scan);
  return scan.sorted();
}

const isIn = (list: readonly string[], k: FactKind) => list.includes(k);

/** The values of a kind as they are compared: in order, counted, or present. */
function valuesOf(facts: readonly ReplyFact[], kind: FactKind): string[] {
  const values = facts.filter((f) => f.kind === kind).map((f) => f.value);
  if (isIn(setKinds, kind)) return [...new Set(values)].sort();
  return isIn(countKinds, kind) ? values.sort() : values;
}

/**
 * Whether a rewording states the same facts as the template: for each kind the same values in
 * the same order (amounts, dates, numbers… — two amounts swapped between two dates is another
 * promise), the same number of times (names), or the same set (channels, terms, words in capitals).
 * The differences name the kinds that differ.
 */
export function sameFacts(
  template: string,
  rephrased: string,
  locale: ReplyLocale,
  names: readonly string[] = [],
): { same: true } | { same: false; differences: FactDifference[] } {
  const before = replyFacts(template, locale, names);
  const after = replyFacts(rephrased, locale, names);
  const differences: FactDifference[] = [];
  for (const kind of factKinds) {
    const a = valuesOf(before, kind);
    const b = valuesOf(after, kind);
    if (a.length !== b.length || a.some((v, i) => v !== b[i]))
      differences.push({ kind, template: a, rephrased: b });
  }
  return differences.length === 0 ? { same: true } : { same: false, differences };
}
