/**
 * A pause of collection (a hardship option): at most the policy's longest pause. A pause of `days`
 * runs until `today + days` in the debtor's calendar.
 */
import { addCivilDays } from '../calendar/civil.js';
import { isPositiveInteger } from './arithmetic.js';
import type { OfferContext } from './context.js';
import { invalid, refusal } from './refusals.js';
import type { Agreement, ProposalCheck } from './types.js';

export function checkPause(ctx: OfferContext, days: number): ProposalCheck {
  if (!isPositiveInteger(days))
    return {
      accepted: false,
      refusals: [
        invalid(
          'A pause lasts a whole number of days, 1 or more',
          'Una pausa dura un número entero de días, 1 o más',
        ),
      ],
      counter: null,
    };
  const longest = ctx.policy.hardship.maxPauseDays;
  if (days <= longest) return { accepted: true, agreement: pauseAgreement(ctx, days) };
  return {
    accepted: false,
    refusals: [
      refusal(
        'pause_too_long',
        `A pause of ${days} days is longer than the ${longest} days allowed`,
        `Una pausa de ${days} días es más larga que los ${longest} días permitidos`,
        longest,
      ),
    ],
    counter: longest >= 1 ? pauseAgreement(ctx, longest) : null,
  };
}

export function pauseAgreement(ctx: OfferContext, days: number): Extract<Agreement, { kind: 'pause' }> {
  return { kind: 'pause', until: addCivilDays(ctx.today, days) };
}
