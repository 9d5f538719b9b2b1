/**
 * The payments a debtor promises in one message: "200 on Friday and the rest next month", "500 el
 * viernes y lo demás el 15", "el viernes le pago todo". Amount words ("todo", "everything", "the
 * rest", "la mitad") resolve against the balance; relative dates against the debtor's today.
 */
import { isCurrency, minorUnitExponent } from '../money/currency.js';
import { extractAmount } from '../nlu/amount.js';
import type { LocalNow } from '../nlu/civil.js';
import { extractDate } from '../nlu/date.js';
import type { Language } from '../nlu/intents.js';
import { variantFor } from '../nlu/locale.js';
import { parseNumeral } from '../nlu/numbers.js';
import type { PromisePart } from '../offers/types.js';
import { firstOfNextMonth } from './dates.js';

export interface PromiseReading {
  parts: PromisePart[];
  /** An amount without a date ("te pago 500"): the bot asks for the day. */
  undatedAmountMinor: number | null;
}

export interface PromiseInput {
  folded: string;
  lang: Language;
  local: LocalNow;
  today: string;
  timeZone: string;
  balanceMinor: number;
  currency: string;
}

type AmountWord = 'all' | 'rest' | 'half';
interface Clause {
  amountMinor?: number;
  word?: AmountWord;
  date?: string;
}

const restWords =
  /\b(resto|lo demas|los demas|lo que falta|lo restante|el restante|la diferencia|the rest|the remainder|remainder|what'?s left|the remaining)\b/;
const allWords =
  /\b(todo|todito|toda la deuda|el total|total|completo|la totalidad|everything|all of it|all|in full|the full|the whole|full amount|the whole thing)\b/;
const halfWords = /\b(la mitad|mitad|half)\b/;
const nextMonthWords =
  /\b(el mes que viene|el proximo mes|el otro mes|mes entrante|el siguiente mes|next month)\b/;
/** "treinta y cinco": a number, not two payments. */
const tensAnd = /\b(treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa) y (?=\w)/g;
const separators = /\s*(?:[,;]|\by\b|\band\b|\bluego\b|\bthen\b|\bdespues\b|\bafter that\b|\bplus\b)\s*/;

export function toMinor(major: number, currency: string): number {
  const exp = isCurrency(currency) ? minorUnitExponent(currency) : 2;
  return Math.round(major * 10 ** exp);
}

/**
 * A bare number right after a paying verb ("le doy 2000", "I can send 1999"): an amount, though the
 * NLU's extractor reads a four-digit number alone as a year.
 */
const paidNumber =
  /\b(?:doy|pago|deposito|abono|mando|transfiero|envio|dare|pagare|pay|send|give|do|transfer|deposit)\s+\$?\s?(\d[\d.,]*)\b/;

function amountOf(text: string, p: PromiseInput): number | undefined {
  const amount = extractAmount(text, variantFor(p.timeZone, p.lang), p.lang);
  if (amount && amount.value > 0) return toMinor(amount.value, p.currency);
  const raw = paidNumber.exec(text)?.[1];
  const value = raw === undefined ? undefined : parseNumeral(raw);
  return value !== undefined && value > 0 ? toMinor(value, p.currency) : undefined;
}

function readClause(text: string, p: PromiseInput): Clause {
  const c: Clause = {};
  const amountMinor = amountOf(text, p);
  if (amountMinor !== undefined) c.amountMinor = amountMinor;
  else if (restWords.test(text)) c.word = 'rest';
  else if (halfWords.test(text)) c.word = 'half';
  else if (allWords.test(text)) c.word = 'all';
  const date = nextMonthWords.test(text) ? firstOfNextMonth(p.local) : extractDate(text, p.lang, p.local);
  if (date !== undefined && date >= p.today) c.date = date;
  return c;
}

/** Clauses that say something, an amount without a date joined to the date that follows it. */
function mergeClauses(clauses: Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    if (c.amountMinor === undefined && c.word === undefined && c.date === undefined) continue;
    const prev = out[out.length - 1];
    const prevUndated = prev && prev.date === undefined && (prev.amountMinor !== undefined || prev.word);
    const prevAmountless = prev && prev.amountMinor === undefined && prev.word === undefined;
    const hasAmount = c.amountMinor !== undefined || c.word !== undefined;
    if (prev && prevUndated && c.date !== undefined && !hasAmount) prev.date = c.date;
    else if (prev && prevAmountless && hasAmount && c.date === undefined)
      Object.assign(prev, c, { date: prev.date });
    else out.push({ ...c });
  }
  return out;
}

/**
 * @example
 * // now: Tuesday 2026-11-24, balance 4,850.00
 * readPromise({ folded: '200 el viernes y el resto el mes que viene', … })
 * // → { parts: [{ date: '2026-11-27', amountMinor: 20000 }, { date: '2026-12-01', amountMinor: 465000 }], undatedAmountMinor: null }
 */
export function readPromise(p: PromiseInput): PromiseReading {
  const protectedText = p.folded.replace(tensAnd, (m) => m.replace(' y ', ' y_'));
  const clauses = mergeClauses(
    protectedText.split(separators).map((t) => readClause(t.replace(/ y_/g, ' y '), p)),
  );
  const explicit = clauses.reduce((sum, c) => sum + (c.amountMinor ?? 0), 0);
  const parts: PromisePart[] = [];
  let undated: number | null = null;
  clauses.forEach((c) => {
    let amount = c.amountMinor;
    if (c.word === 'all') amount = p.balanceMinor;
    if (c.word === 'half') amount = Math.ceil(p.balanceMinor / 2);
    if (c.word === 'rest') amount = p.balanceMinor - explicit - (halfOf(clauses, p) ?? 0);
    // A date alone: what is owed beyond the amounts the other parts name.
    if (amount === undefined) amount = p.balanceMinor - explicit;
    if (amount <= 0) return;
    if (c.date === undefined) undated = undated ?? amount;
    else parts.push({ date: c.date, amountMinor: amount });
  });
  return { parts, undatedAmountMinor: parts.length === 0 ? undated : null };
}

function halfOf(clauses: Clause[], p: PromiseInput): number | undefined {
  return clauses.some((c) => c.word === 'half') ? Math.ceil(p.balanceMinor / 2) : undefined;
}
