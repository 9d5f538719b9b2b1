import type { Language } from '../../nlu/intents.js';
import { currencySymbolOf, separatorsOf, type ReplyLocale } from './locale.js';
import type { FactScan } from './scan.js';

/** A number as written: grouped ("4,850.00", "1.234.567,50") or plain ("404", "12,5"). */
export const NUMBER = String.raw`\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;

/**
 * The value of a written number in the locale's convention, as a canonical decimal string
 * ("4850", "404.17"). Two kinds of mark: the last is the decimal one. One kind written more than
 * once: grouping. Once: the locale's decimal mark is decimal; the other mark before exactly three
 * digits is grouping ("4,850" in Mexico, "4.850" in Chile), otherwise decimal.
 */
export function numberValue(raw: string, l: Pick<ReplyLocale, 'intlLocale'>): string {
  const marks = raw.replace(/\d/g, '');
  let decimalAt = -1;
  if (marks.length > 0) {
    const kinds = new Set(marks);
    const last = raw.search(/[.,][^.,]*$/);
    if (kinds.size === 2) decimalAt = last;
    else if (marks.length === 1) {
      const mark = marks[0]!;
      const digitsAfter = raw.length - last - 1;
      if (mark === separatorsOf(l.intlLocale).decimal || digitsAfter !== 3) decimalAt = last;
    }
  }
  const whole = (decimalAt < 0 ? raw : raw.slice(0, decimalAt)).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const fraction = decimalAt < 0 ? '' : raw.slice(decimalAt + 1).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const CURRENCY_BEFORE = String.raw`us\$|mx\$|ca\$|col\$|cop\$|clp\$|ar\$|r\$|s\/\.?|\$|€|£|usd|mxn|eur|cop|ars|clp|pen|gbp|brl|cad`;
const CURRENCY_AFTER = String.raw`€|£|usd|mxn|eur|cop|ars|clp|pen|gbp|brl|cad|pesos?(?:\s+(?:mexicanos|colombianos|argentinos|chilenos))?|dolares|dollars?|bucks|euros?|soles`;

const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}$])(?:(${CURRENCY_BEFORE})\s?)?(${NUMBER})(?:\s?(${CURRENCY_AFTER})(?![\p{L}]))?`,
  'gu',
);

const pesoCurrencies: ReadonlySet<string> = new Set(['MXN', 'COP', 'ARS', 'CLP', 'UYU', 'DOP']);

const named: Readonly<Record<string, string>> = {
  us$: 'USD',
  usd: 'USD',
  dolares: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  mx$: 'MXN',
  mxn: 'MXN',
  'pesos mexicanos': 'MXN',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  's/': 'PEN',
  's/.': 'PEN',
  pen: 'PEN',
  soles: 'PEN',
  '£': 'GBP',
  gbp: 'GBP',
  r$: 'BRL',
  brl: 'BRL',
  ca$: 'CAD',
  cad: 'CAD',
  col$: 'COP',
  cop$: 'COP',
  cop: 'COP',
  'pesos colombianos': 'COP',
  ar$: 'ARS',
  ars: 'ARS',
  'pesos argentinos': 'ARS',
  clp$: 'CLP',
  clp: 'CLP',
  'pesos chilenos': 'CLP',
};

/**
 * The currency a mark names. "$" and "pesos" are the reply's currency only where that is how the
 * debtor's locale writes it ("$" for MXN in es-MX, USD in en-US); elsewhere they stay a currency
 * of their own, so "USD 50" rephrased as "$50" for a Mexican debtor is a different amount.
 */
export function currencyOf(mark: string, l: Pick<ReplyLocale, 'intlLocale' | 'currency'>): string {
  const m = mark.replace(/\s+/g, ' ');
  const known = named[m];
  if (known) return known;
  if (m === '$') return currencySymbolOf(l) === '$' ? l.currency : '$';
  if (m === 'peso' || m === 'pesos') return pesoCurrencies.has(l.currency) ? l.currency : 'pesos';
  return m.toUpperCase();
}

/** Amounts: a number with a currency before or after it. */
export function readAmounts(scan: FactScan): void {
  scan.each(AMOUNT, (m) => {
    const mark = m[1] ?? m[3];
    if (!mark) return null;
    return { kind: 'amount', value: `${currencyOf(mark, scan.locale)} ${numberValue(m[2]!, scan.locale)}` };
  });
}

const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${NUMBER})\s?(?:%|por\s+ciento|percent|per\s+cent)(?![\p{L}])`,
  'gu',
);

export function readPercents(scan: FactScan): void {
  scan.each(PERCENT, (m) => ({ kind: 'percent', value: numberValue(m[1]!, scan.locale) }));
}

/**
 * Numbers written as words, in the reply's language. Spanish "un"/"una" and English "one" are left
 * out: they are also the article or a pronoun ("un plan", "point you to one"), so a rewording that
 * drops one is not a changed number.
 */
export const numberWords: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  es: {
    uno: '1',
    dos: '2',
    tres: '3',
    cuatro: '4',
    cinco: '5',
    seis: '6',
    siete: '7',
    ocho: '8',
    nueve: '9',
    diez: '10',
    once: '11',
    doce: '12',
    quince: '15',
    veinte: '20',
    treinta: '30',
    sesenta: '60',
    noventa: '90',
  },
  en: {
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    fifteen: '15',
    twenty: '20',
    thirty: '30',
    sixty: '60',
    ninety: '90',
  },
};

const units: Readonly<Record<string, string>> = {
  'dias habiles': 'business_day',
  'dias laborables': 'business_day',
  'business days': 'business_day',
  'working days': 'business_day',
  dia: 'day',
  dias: 'day',
  day: 'day',
  days: 'day',
  semana: 'week',
  semanas: 'week',
  week: 'week',
  weeks: 'week',
  mes: 'month',
  meses: 'month',
  month: 'month',
  months: 'month',
  ano: 'year',
  anos: 'year',
  year: 'year',
  years: 'year',
  hora: 'hour',
  horas: 'hour',
  hour: 'hour',
  hours: 'hour',
  minuto: 'minute',
  minutos: 'minute',
  minute: 'minute',
  minutes: 'minute',
};

const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, String.raw`\s+`))
    .join('|');

/** "5 días", "cinco días hábiles", "30 days": the count and its unit are one fact. */
export function readDurations(scan: FactScan): void {
  const words = numberWords[scan.locale.lang];
  const re = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${NUMBER}|${alternatives(Object.keys(words))})\s+(${alternatives(Object.keys(units))})(?![\p{L}])`,
    'gu',
  );
  scan.each(re, (m) => {
    const count = words[m[1]!] ?? numberValue(m[1]!, scan.locale);
    return { kind: 'duration', value: `${count} ${units[m[2]!.replace(/\s+/g, ' ')]}` };
  });
}

/** Every other number: digits (an ordinal suffix allowed: "27th") and number words. */
export function readNumbers(scan: FactScan): void {
  scan.each(
    new RegExp(String.raw`(?<![\p{L}\p{N}])(${NUMBER})(?:st|nd|rd|th|º|ª|°)?(?![\p{L}\p{N}])`, 'gu'),
    (m) => ({ kind: 'number', value: numberValue(m[1]!, scan.locale) }),
  );
  scan.words('number', numberWords[scan.locale.lang]);
}
