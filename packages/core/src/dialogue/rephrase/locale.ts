import type { Language } from '../../nlu/intents.js';
import { replyFormat, type ReplyFormat } from '../replies/render.js';

/** How a debtor's replies are written, plus the country (phone numbers are read as that country writes them). */
export interface ReplyLocale extends ReplyFormat {
  country: string;
}

/** @example replyLocale('es', 'MX', 'MXN').intlLocale // → 'es-MX' */
export function replyLocale(lang: Language, country: string, currency: string): ReplyLocale {
  return { ...replyFormat(lang, country, currency), country: country.toUpperCase() };
}

export interface NumberSeparators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, NumberSeparators>();

/** The decimal and grouping marks Intl writes for a locale (`es-ES`: "," and "."). */
export function separatorsOf(intlLocale: string): NumberSeparators {
  let s = separatorCache.get(intlLocale);
  if (!s) {
    const parts = new Intl.NumberFormat(intlLocale, { useGrouping: true }).formatToParts(1234567.5);
    s = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(intlLocale, s);
  }
  return s;
}

const symbolCache = new Map<string, string>();

/** The symbol Intl writes for the reply's currency in its locale (`$` for MXN in es-MX, `US$`…). */
export function currencySymbolOf(l: Pick<ReplyFormat, 'intlLocale' | 'currency'>): string {
  const key = `${l.intlLocale}:${l.currency}`;
  let s = symbolCache.get(key);
  if (s === undefined) {
    try {
      const parts = new Intl.NumberFormat(l.intlLocale, {
        style: 'currency',
        currency: l.currency,
      }).formatToParts(1);
      s = parts.find((p) => p.type === 'currency')?.value ?? l.currency;
    } catch {
      s = l.currency;
    }
    symbolCache.set(key, s);
  }
  return s;
}

/**
 * The text folded for matching, character for character (so positions stay those of the text):
 * lower case, Spanish accents and ñ to plain letters, Intl's non-breaking spaces to spaces.
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const one = lower.length === 1 ? lower : ch; // "İ" lowers to two units: kept as is
    out += foldMap[one] ?? one;
  }
  return out;
}

const foldMap: Readonly<Record<string, string>> = {
  á: 'a',
  é: 'e',
  í: 'i',
  ó: 'o',
  ú: 'u',
  ü: 'u',
  ñ: 'n',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
};
