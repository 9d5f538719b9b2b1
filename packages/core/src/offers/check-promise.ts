/**
 * A promise to pay (one or more dated parts) against the promise rules: every date from today to
 * the latest allowed, the parts together at most the balance, each part at least the smallest
 * partial payment except the last one when it clears the balance ("200 on Friday and the rest
 * next month").
 */
import { isPositiveInteger } from './arithmetic.js';
import { isCivilDate } from './dates.js';
import { latestPromiseDate, minPartialMinor, type OfferContext } from './context.js';
import { amountAboveBalance, dateInPast, dateTooFar, invalid, money, refusal } from './refusals.js';
import type { Agreement, PromisePart, ProposalCheck, Refusal } from './types.js';

export function checkPromise(ctx: OfferContext, parts: readonly PromisePart[]): ProposalCheck {
  const malformed = malformedParts(parts);
  if (malformed) return { accepted: false, refusals: [malformed], counter: null };
  const sorted = byDate(parts);
  const refusals = sorted.flatMap((part, i) => partRefusals(ctx, sorted, i));
  const total = sorted.reduce((sum, p) => sum + p.amountMinor, 0);
  const balance = ctx.account.balanceMinor;
  if (total > balance)
    refusals.push(
      amountAboveBalance(
        {
          en: `The promised total ${money(total, ctx.account.currency)}`,
          es: `El total prometido de ${money(total, ctx.account.currency)}`,
        },
        money(balance, ctx.account.currency),
        balance,
      ),
    );
  if (refusals.length === 0) return { accepted: true, agreement: { kind: 'promise', parts: sorted } };
  return { accepted: false, refusals, counter: promiseCounter(ctx, sorted) };
}

function malformedParts(parts: readonly PromisePart[]): Refusal | null {
  if (parts.length === 0)
    return invalid('A promise needs at least one payment', 'Una promesa necesita al menos un pago');
  for (const part of parts) {
    if (!isCivilDate(part.date))
      return invalid(
        `"${String(part.date)}" is not a date (YYYY-MM-DD)`,
        `"${String(part.date)}" no es una fecha (AAAA-MM-DD)`,
      );
    if (!isPositiveInteger(part.amountMinor))
      return invalid(
        `${String(part.amountMinor)} is not a positive whole amount of minor units`,
        `${String(part.amountMinor)} no es un importe entero positivo en unidades menores`,
      );
  }
  return null;
}

/** Parts in date order; parts on the same date keep the order they were given in. */
function byDate(parts: readonly PromisePart[]): PromisePart[] {
  return parts
    .map((p) => ({ date: p.date, amountMinor: p.amountMinor }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function partRefusals(ctx: OfferContext, sorted: readonly PromisePart[], i: number): Refusal[] {
  const part = sorted[i]!;
  const label =
    sorted.length === 1
      ? { en: 'The date', es: 'La fecha' }
      : { en: `Payment ${i + 1}'s date`, es: `La fecha del pago ${i + 1}` };
  const out: Refusal[] = [];
  const latest = latestPromiseDate(ctx);
  if (part.date < ctx.today)
    out.push(dateInPast({ en: `${label.en} ${part.date}`, es: `${label.es} ${part.date}` }, ctx.today));
  if (part.date > latest)
    out.push(
      dateTooFar(
        { en: `${label.en} ${part.date}`, es: `${label.es} ${part.date}` },
        latest,
        ctx.policy.promises.maxDaysAhead,
      ),
    );
  const min = minPartialMinor(ctx);
  if (part.amountMinor < min && !clearsBalance(ctx, sorted, i)) {
    const cur = ctx.account.currency;
    out.push(
      refusal(
        'amount_too_small',
        `A partial payment of ${money(part.amountMinor, cur)} is under the smallest allowed, ${money(min, cur)}`,
        `Un pago parcial de ${money(part.amountMinor, cur)} es menor que el mínimo permitido, ${money(min, cur)}`,
        min,
      ),
    );
  }
  return out;
}

/** The last part (in date order) of parts that add up to exactly the balance pays what is left. */
function clearsBalance(ctx: OfferContext, sorted: readonly PromisePart[], i: number): boolean {
  const total = sorted.reduce((sum, p) => sum + p.amountMinor, 0);
  return i === sorted.length - 1 && total === ctx.account.balanceMinor;
}

/**
 * The closest allowed promise: the same parts in date order, each date moved into the allowed
 * window, each amount raised to the smallest partial, and the parts cut off where they reach the
 * balance (the part that reaches it pays exactly what is left).
 */
function promiseCounter(ctx: OfferContext, sorted: readonly PromisePart[]): Agreement {
  const latest = latestPromiseDate(ctx);
  const min = minPartialMinor(ctx);
  const parts: PromisePart[] = [];
  let promised = 0;
  for (const part of sorted) {
    const left = ctx.account.balanceMinor - promised;
    if (left <= 0) break;
    const date = part.date < ctx.today ? ctx.today : part.date > latest ? latest : part.date;
    const amountMinor = Math.min(Math.max(part.amountMinor, min), left);
    parts.push({ date, amountMinor });
    promised += amountMinor;
  }
  return { kind: 'promise', parts };
}
