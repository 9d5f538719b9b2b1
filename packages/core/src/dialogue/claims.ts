/**
 * Claims the bot records and hands to a person: "ya pagué" (a payment to find: the payments queue) and
 * a dispute (the disputes queue, with the validation information the debtor's country requires).
 * Collection pauses while a person checks; the pause is one the offer policy allows.
 */
import { addCivilDays, civilDaysBetween } from '../calendar/civil.js';
import { check, recheck } from './policy.js';
import type { Reading } from './reading.js';
import { act, date, handoff, say, type StepState } from './step-state.js';

/** Days collection waits while a person looks for a payment the debtor says was made. */
export const alreadyPaidPauseDays = 14;
/**
 * Days collection waits on a dispute. In the US collection stops until the debt is verified
 * (15 U.S.C. 1692g(b)); the policy's longest pause bounds it, and a person takes the case over.
 */
export const disputePauseDays = 30;

/** Pauses collection for up to `days` (as far as the policy allows) and returns the end date. */
export function pauseCollection(s: StepState, days: number): string | null {
  const result = check(s, { kind: 'pause', days });
  const agreement = result.accepted ? result.agreement : result.counter;
  if (!agreement || agreement.kind !== 'pause') return null;
  // A counter-offer is checked again: only an accepted pause is written.
  const accepted = result.accepted ? result : recheck(s, agreement);
  if (!accepted.accepted || accepted.agreement.kind !== 'pause') return null;
  act(s, { type: 'pause_collection', until: accepted.agreement.until });
  return accepted.agreement.until;
}

function sayPause(s: StepState, until: string | null): void {
  if (until !== null && civilDaysBetween(s.today, until) > 0)
    say(s, 'pause_until', { until: date(s, until) });
}

export function alreadyPaid(s: StepState, r: Reading): void {
  const said = r.understanding.entities.date;
  // A payment is in the past: a future date is not when it was paid.
  const paidOn = said !== undefined && said <= s.today && said >= addCivilDays(s.today, -366) ? said : null;
  act(s, { type: 'already_paid_claim', date: paidOn });
  if (paidOn) say(s, 'already_paid_noted_date', { date: date(s, paidOn) });
  else say(s, 'already_paid_noted');
  sayPause(s, pauseCollection(s, alreadyPaidPauseDays));
  say(s, 'receipt_request');
  handoff(s, 'payments');
}

export function dispute(s: StepState): void {
  act(s, { type: 'dispute' });
  say(s, 'dispute_noted');
  sayPause(s, pauseCollection(s, disputePauseDays));
  say(s, 'validation_info', { creditor: s.ctx.account.creditorName });
  handoff(s, 'disputes');
}
