import type { PreferenceChannel } from '../../channels/channel.js';
import type { Language } from '../../nlu/intents.js';
import type { PlanFrequency, Refusal } from '../../offers/types.js';

/** Fragments the replies are built from, per language: each exists in Spanish and English. */
export interface Phrases {
  promisePart: string;
  and: string;
  plan: string;
  planWithLast: string;
  settlement: string;
  pause: string;
  or: string;
  frequency: Record<PlanFrequency, string>;
  via: Record<PreferenceChannel, string>;
  hoursFrom: string;
  hoursTo: string;
  hoursBetween: string;
  /** Short reasons by refusal code; a code without one falls back to the refusal's own message. */
  refusal: Partial<Record<Refusal['code'], string>>;
}

const es: Phrases = {
  promisePart: '{amount} el {date}',
  and: ' y ',
  plan: '{n} pagos {freq} de {amount} a partir del {date} (total {total})',
  planWithLast: '{n} pagos {freq} de {amount} (el último de {last}) a partir del {date} (total {total})',
  settlement: 'un pago único de {amount} para liquidar la cuenta, válido hasta el {date}',
  pause: 'una pausa en el cobro hasta el {date}',
  or: ' o ',
  frequency: { weekly: 'semanales', fortnightly: 'quincenales', monthly: 'mensuales' },
  via: {
    email: 'por correo electrónico',
    sms: 'por mensaje de texto',
    whatsapp: 'por WhatsApp',
    call: 'por teléfono',
  },
  hoursFrom: ' a partir de las {from}',
  hoursTo: ' antes de las {to}',
  hoursBetween: ' entre las {from} y las {to}',
  refusal: {
    date_in_past: 'esa fecha ya pasó',
    date_too_far: 'la fecha es demasiado lejana',
    amount_too_small: 'el monto es menor al mínimo',
    amount_above_balance: 'el monto supera su saldo',
    frequency_not_allowed: 'esa frecuencia de pago no está disponible',
    too_many_installments: 'serían demasiadas cuotas',
    plan_total_mismatch: 'esa cuota y ese número de pagos no suman el saldo',
    plan_too_long: 'el plan sería demasiado largo',
    installment_too_small: 'cada cuota sería menor a la mínima',
    first_due_too_late: 'el primer pago sería demasiado tarde',
    settlement_not_offered: 'por ahora no hay descuentos para su cuenta',
    settlement_below_floor: 'el monto es menor a lo que puedo aceptar',
    pause_too_long: 'la pausa sería demasiado larga',
    invalid: 'no pude leer bien la propuesta',
  },
};

const en: Phrases = {
  promisePart: '{amount} on {date}',
  and: ' and ',
  plan: '{n} {freq} payments of {amount} starting {date} (total {total})',
  planWithLast: '{n} {freq} payments of {amount} (the last one {last}) starting {date} (total {total})',
  settlement: 'a single payment of {amount} to settle the account, open until {date}',
  pause: 'a pause in collection until {date}',
  or: ' or ',
  frequency: { weekly: 'weekly', fortnightly: 'fortnightly', monthly: 'monthly' },
  via: { email: 'by email', sms: 'by text message', whatsapp: 'on WhatsApp', call: 'by phone' },
  hoursFrom: ' after {from}',
  hoursTo: ' before {to}',
  hoursBetween: ' between {from} and {to}',
  refusal: {
    date_in_past: 'that date has passed',
    date_too_far: 'that date is too far away',
    amount_too_small: 'the amount is below the minimum',
    amount_above_balance: 'the amount is more than your balance',
    frequency_not_allowed: 'that payment frequency is not available',
    too_many_installments: 'that would be too many payments',
    plan_total_mismatch: 'that payment and that number of payments do not add up to the balance',
    plan_too_long: 'the plan would be too long',
    installment_too_small: 'each payment would be below the minimum',
    first_due_too_late: 'the first payment would be too late',
    settlement_not_offered: 'no settlement is available for your account right now',
    settlement_below_floor: 'the amount is below what I can accept',
    pause_too_long: 'the pause would be too long',
    invalid: 'I could not read the proposal',
  },
};

export const phrases: Readonly<Record<Language, Phrases>> = { es, en };
