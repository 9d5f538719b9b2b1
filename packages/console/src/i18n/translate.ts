import { catalogues, languages, type Language, type MessageKey } from './messages.js';

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** The first of the browser's languages the console speaks (es-MX → es), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = languages.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/**
 * The locale for Intl formats: the browser's own variant of the chosen language when it has one
 * (es-MX dates for a Mexican browser), else the bare language.
 */
export function intlLocale(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

/**
 * A catalogue's message with its `{name}` placeholders filled (a missing value stays visible).
 * Numbers are entry numbers and small counts: written as digits, never grouped.
 */
export function translator(language: Language): Translate {
  const messages = catalogues[language];
  return (key, params = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined ? whole : String(v);
    });
}

/** An instant in the viewer's zone, in the locale's format, with the zone named. */
export function formatInstant(iso: string, intl: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intl, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A time of day in the locale's format (when to try again). */
export function formatTimeOfDay(at: Date, intl: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intl, {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
