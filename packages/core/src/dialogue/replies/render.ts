import { isCurrency, minorUnitExponent } from '../../money/currency.js';
import { parseCivilDate } from '../../calendar/civil.js';
import { DAY_MS } from '../../calendar/civil.js';
import type { Language } from '../../nlu/intents.js';
import type { Agreement, Refusal } from '../../offers/types.js';
import { esCatalog, type ReplyKey } from './catalog-es.js';
import { enCatalog } from './catalog-en.js';
import { dialogueLocaleFor, localeOverrides, type DialogueLocale } from './overrides.js';
import { phrases } from './phrases.js';

/** How replies are written for one debtor: the catalogue locale, Intl's locale, the currency. */
export interface ReplyFormat {
  lang: Language;
  locale: DialogueLocale;
  /** `es-CO`, `en-MX`…: Intl formats amounts and dates the way the debtor's country writes them. */
  intlLocale: string;
  currency: string;
}

/**
 * Intl objects are costly to build (tenths of a millisecond each) and immutable: one per locale,
 * currency or pattern is kept for the process. Pure: the same input always gives the same output.
 */
const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | string>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | string>(key: string, build: () => T): T {
  let v = intlCache.get(key) as T | undefined;
  if (v === undefined) {
    v = build();
    intlCache.set(key, v);
  }
  return v;
}

function intlLocaleFor(lang: Language, country: string): string {
  const wanted = `${lang}-${country.toUpperCase()}`;
  return cached(`locale:${wanted}`, () => {
    try {
      if (Intl.NumberFormat.supportedLocalesOf([wanted]).length > 0) return wanted;
    } catch {
      // A malformed country code: keep the language's default locale.
    }
    return lang === 'en' ? 'en-US' : 'es-MX';
  });
}

export function replyFormat(lang: Language, country: string, currency: string): ReplyFormat {
  return {
    lang,
    locale: dialogueLocaleFor(lang, country),
    intlLocale: intlLocaleFor(lang, country),
    currency,
  };
}

/** The catalogue text of a key in a locale: the locale's override, else its language's base. */
export function catalogText(locale: DialogueLocale, key: ReplyKey): string {
  const base = locale.startsWith('en') ? enCatalog : esCatalog;
  return localeOverrides[locale][key] ?? base[key];
}

/** Replaces `{name}` placeholders; a missing value leaves the placeholder visible (tests catch it). */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** @example formatMoney(485000, 'MXN', 'es-MX') // → '$4,850.00' */
export function formatMoney(minor: number, currency: string, intlLocale: string): string {
  const exp = isCurrency(currency) ? minorUnitExponent(currency) : 2;
  const format = cached(
    `money:${intlLocale}:${currency}`,
    () =>
      new Intl.NumberFormat(intlLocale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exp,
        maximumFractionDigits: exp,
      }),
  );
  return format.format(minor / 10 ** exp);
}

/** A civil date with its weekday. @example formatDate('2026-11-27', 'es-MX') // → 'viernes, 27 de noviembre' */
export function formatDate(date: string, intlLocale: string): string {
  const day = parseCivilDate(date);
  if (day === undefined) return date;
  const format = cached(
    `date:${intlLocale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }),
  );
  return format.format(day * DAY_MS);
}

/** An agreement in the debtor's words: "$200.00 el viernes, 27 de noviembre y $4,650.00 el …". */
export function describeAgreement(a: Agreement, f: ReplyFormat): string {
  const p = phrases[f.lang];
  const money = (m: number) => formatMoney(m, f.currency, f.intlLocale);
  const date = (d: string) => formatDate(d, f.intlLocale);
  switch (a.kind) {
    case 'promise':
      return a.parts
        .map((x) => fill(p.promisePart, { amount: money(x.amountMinor), date: date(x.date) }))
        .join(p.and);
    case 'plan': {
      const first = a.installments[0];
      const last = a.installments[a.installments.length - 1];
      if (!first || !last) return '';
      const vars = {
        n: String(a.installments.length),
        freq: p.frequency[a.frequency],
        amount: money(first.amountMinor),
        last: money(last.amountMinor),
        date: date(first.due),
        total: money(a.totalMinor),
      };
      return fill(last.amountMinor === first.amountMinor ? p.plan : p.planWithLast, vars);
    }
    case 'settlement':
      return fill(p.settlement, { amount: money(a.amountMinor), date: date(a.expires) });
    case 'pause':
      return fill(p.pause, { date: date(a.until) });
  }
}

/** Why a proposal was refused, short: the first refusal's reason in the debtor's language. */
export function describeRefusal(refusals: readonly Refusal[], f: ReplyFormat): string {
  const r = refusals[0];
  if (!r) return phrases[f.lang].refusal.invalid ?? '';
  const own = phrases[f.lang].refusal[r.code];
  if (own) return own;
  return f.lang === 'es' ? r.messageEs : r.message;
}
