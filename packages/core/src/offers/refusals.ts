/**
 * Refusals in Spanish and English: an agent reads them in the console, a bot turns their code
 * and limit into its own reply. Amounts are shown in major units with the currency code.
 */
import { formatMinor, isCurrency } from '../money/index.js';
import type { Refusal } from './types.js';

type Code = Refusal['code'];

/** An amount for a message: `4850.00 MXN`. @example money(485000, 'MXN'); // '4850.00 MXN' */
export function money(minor: number, currency: string): string {
  return isCurrency(currency)
    ? `${formatMinor(minor, currency)} ${currency}`
    : `${minor} ${currency} (minor units)`;
}

/** A refusal with its English and Spanish message and, where one applies, the policy's limit. */
export function refusal(code: Code, en: string, es: string, limit?: number | string): Refusal {
  return limit === undefined
    ? { code, message: en, messageEs: es }
    : { code, message: en, messageEs: es, limit };
}

/** A proposal that is not well formed (a bad date, a non-integer amount): no counter-offer. */
export function invalid(en: string, es: string): Refusal {
  return refusal('invalid', en, es);
}

export function dateInPast(what: { en: string; es: string }, today: string): Refusal {
  return refusal(
    'date_in_past',
    `${what.en} is before today (${today})`,
    `${what.es} es anterior a hoy (${today})`,
    today,
  );
}

export function dateTooFar(what: { en: string; es: string }, latest: string, days: number): Refusal {
  return refusal(
    'date_too_far',
    `${what.en} is more than ${days} days ahead; the latest allowed date is ${latest}`,
    `${what.es} está a más de ${days} días; la fecha más lejana permitida es ${latest}`,
    latest,
  );
}

export function amountAboveBalance(
  what: { en: string; es: string },
  balance: string,
  limit: number,
): Refusal {
  return refusal(
    'amount_above_balance',
    `${what.en} is more than the balance (${balance})`,
    `${what.es} supera el saldo (${balance})`,
    limit,
  );
}
