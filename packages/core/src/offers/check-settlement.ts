/**
 * A settlement (a lump sum accepted in full satisfaction) against the settlement rules: offered
 * only in a DPD band with a floor, at least the floor's share of the balance, at most the
 * balance. An accepted settlement stays open `validDays` and needs a person's approval below the
 * approval share.
 */
import { addCivilDays } from '../calendar/civil.js';
import { ceilShare, isPositiveInteger } from './arithmetic.js';
import { settlementFloorMinor, type OfferContext } from './context.js';
import { amountAboveBalance, invalid, money, refusal } from './refusals.js';
import type { Agreement, ProposalCheck } from './types.js';

export function checkSettlement(ctx: OfferContext, amountMinor: number): ProposalCheck {
  if (!isPositiveInteger(amountMinor))
    return {
      accepted: false,
      refusals: [
        invalid(
          'The amount is not a positive whole number of minor units',
          'El importe no es un entero positivo en unidades menores',
        ),
      ],
      counter: null,
    };
  const { balanceMinor: balance, currency, dpd } = ctx.account;
  const floor = settlementFloorMinor(ctx);
  if (floor === null)
    return {
      accepted: false,
      refusals: [
        refusal(
          'settlement_not_offered',
          `No settlement is offered at ${dpd} days past due`,
          `No se ofrece un acuerdo de liquidación con ${dpd} días de atraso`,
        ),
      ],
      counter: null,
    };
  if (amountMinor < floor)
    return {
      accepted: false,
      refusals: [
        refusal(
          'settlement_below_floor',
          `A settlement of ${money(amountMinor, currency)} is under the smallest allowed, ${money(floor, currency)}`,
          `Una liquidación de ${money(amountMinor, currency)} es menor que la mínima permitida, ${money(floor, currency)}`,
          floor,
        ),
      ],
      counter: settlementAgreement(ctx, floor),
    };
  if (amountMinor > balance)
    return {
      accepted: false,
      refusals: [
        amountAboveBalance(
          {
            en: `A settlement of ${money(amountMinor, currency)}`,
            es: `Una liquidación de ${money(amountMinor, currency)}`,
          },
          money(balance, currency),
          balance,
        ),
      ],
      counter: settlementAgreement(ctx, balance),
    };
  return { accepted: true, agreement: settlementAgreement(ctx, amountMinor) };
}

/** The smallest amount that binds without a person's approval. */
export function approvalBelowMinor(ctx: OfferContext): number {
  return ceilShare(ctx.account.balanceMinor, ctx.policy.settlements.approvalBelowBps);
}

export function settlementAgreement(
  ctx: OfferContext,
  amountMinor: number,
): Extract<Agreement, { kind: 'settlement' }> {
  return {
    kind: 'settlement',
    amountMinor,
    expires: addCivilDays(ctx.today, ctx.policy.settlements.validDays),
    needsApproval: amountMinor < approvalBelowMinor(ctx),
  };
}
