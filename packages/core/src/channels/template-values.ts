import { assertUnreachable } from '../errors/index.js';
import type { TemplateValues } from './template-language.js';
import type { Channel } from './channel.js';
import { languageOf, type TemplateLanguage } from './types.js';

/**
 * What the caller knows about a message being rendered. Money is integer minor units + ISO 4217;
 * the due date is an instant (or a calendar date) shown in the debtor's zone and locale.
 */
export interface TemplateContext {
  channel: Channel;
  debtor: {
    firstName: string;
    lastName?: string;
    /** BCP 47, e.g. `es-MX`, `es-CO`, `en-US`. */
    locale: string;
    /** IANA zone, e.g. `America/Mexico_City`. */
    timeZone: string;
  };
  amount?: { minor: number; currency: string };
  /** ISO instant (`2026-12-01T06:00:00Z`) or calendar date (`2026-12-01`). */
  dueDate?: string;
  paymentLink?: string;
  agentName?: string;
  callbackNumber?: string;
  creditorName?: string;
  collectorName?: string;
  optOutLink?: string;
}

/**
 * Formats integer minor units in a locale and currency with Intl.NumberFormat.
 *
 * @example
 * formatMoney(125000, 'MXN', 'es-MX') // '$1,250.00'
 * formatMoney(125000, 'EUR', 'es-ES') // '1250,00 €'
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`amount must be an integer number of minor units, got ${minor}`);
  const digits = minorUnitDigits(currency);
  // Display digits follow ISO too: es-CO would otherwise hide COP cents and round them away.
  const key = `${locale}|${currency}`;
  let fmt = moneyFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, fmt);
  }
  return fmt.format(minor / 10 ** digits);
}
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** ISO 4217 minor-unit exponents that differ from 2 (Intl's display digits are locale data, not ISO). */
const ISO_MINOR_DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function minorUnitDigits(currency: string): number {
  return ISO_MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/**
 * Formats a due date as a long date in the debtor's zone. A bare `YYYY-MM-DD` is a calendar date
 * and is shown as that date whatever the zone.
 *
 * @example
 * formatDueDate('2026-12-01T05:00:00Z', 'es-MX', 'America/Mexico_City') // '30 de noviembre de 2026'
 */
export function formatDueDate(value: string, locale: string, timeZone: string): string {
  const isCalendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = new Date(isCalendarDate ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date: ${value}`);
  const zone = isCalendarDate ? 'UTC' : timeZone;
  const key = `${locale}|${zone}`;
  // Building a formatter costs far more than using one; locales × zones in use are few.
  let f = longDateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
    longDateFormats.set(key, f);
  }
  return f.format(instant);
}
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Opt-out wording per channel and language. Electronic messages must carry a clear and simple way
 * to opt out (12 CFR 1006.6(e)); the keywords are the carrier ones Saldo honours (opt-out-keywords.ts).
 */
export function optOutInstructions(
  channel: Channel,
  language: TemplateLanguage,
  optOutLink?: string,
): string {
  const es = language === 'es';
  switch (channel) {
    case 'sms':
      return es ? 'Responde BAJA para dejar de recibir SMS.' : 'Reply STOP to opt out.';
    case 'whatsapp':
      return es
        ? 'Responde BAJA si no quieres recibir más mensajes por WhatsApp.'
        : 'Reply STOP if you no longer want WhatsApp messages from us.';
    case 'email':
      if (optOutLink)
        return es
          ? `Si no quieres recibir más correos, date de baja aquí: ${optOutLink}`
          : `To stop receiving these emails, unsubscribe here: ${optOutLink}`;
      return es
        ? 'Si no quieres recibir más correos, responde con la palabra BAJA.'
        : 'To stop receiving these emails, reply with the word STOP.';
    case 'call':
    case 'voicebot':
      return es
        ? 'Si no quiere recibir más llamadas, dígalo ahora o marque 9.'
        : 'If you do not want more calls, say so now or press 9.';
    case 'voicemail':
    case 'letter':
      return '';
    default:
      return assertUnreachable(channel, 'channel');
  }
}

/**
 * The debt-collector disclosure ("mini-Miranda"): 15 U.S.C. 1692e(11), 12 CFR 1006.18(e).
 * The initial-communication wording also satisfies the subsequent-communication one.
 */
export function debtCollectorDisclosure(language: TemplateLanguage): string {
  return language === 'es'
    ? 'Este mensaje proviene de un cobrador de deudas. Es un intento de cobrar una deuda y cualquier información obtenida se usará con ese fin.'
    : 'This communication is from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.';
}

/** Builds the closed map of formatted values the renderer looks up. */
export function templateValues(ctx: TemplateContext): TemplateValues {
  const { debtor } = ctx;
  const language = languageOf(debtor.locale);
  const values: TemplateValues = {
    'debtor.firstName': debtor.firstName,
    'debtor.fullName': [debtor.firstName, debtor.lastName].filter(Boolean).join(' '),
    optOutInstructions: optOutInstructions(ctx.channel, language, ctx.optOutLink),
    debtCollectorDisclosure: debtCollectorDisclosure(language),
  };
  if (debtor.lastName) values['debtor.lastName'] = debtor.lastName;
  if (ctx.amount) values.amount = formatMoney(ctx.amount.minor, ctx.amount.currency, debtor.locale);
  if (ctx.dueDate) values.dueDate = formatDueDate(ctx.dueDate, debtor.locale, debtor.timeZone);
  if (ctx.paymentLink) values.paymentLink = ctx.paymentLink;
  if (ctx.agentName) values.agentName = ctx.agentName;
  if (ctx.callbackNumber) values.callbackNumber = ctx.callbackNumber;
  if (ctx.creditorName) values['creditor.name'] = ctx.creditorName;
  if (ctx.collectorName) values['collector.name'] = ctx.collectorName;
  if (ctx.optOutLink) values.optOutLink = ctx.optOutLink;
  if (ctx.channel === 'sms') {
    // Intl puts (narrow) no-break spaces in "1.234,56 €"; they are not GSM-7 and would force UCS-2.
    for (const k of Object.keys(values) as (keyof TemplateValues)[])
      values[k] = values[k]?.replace(/[\u00a0\u202f]/g, ' ');
  }
  return values;
}
