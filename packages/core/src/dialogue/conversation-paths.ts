/**
 * The rest of a conversation: a person asked for, abuse, not understood, contact preferences, the
 * payment link, questions, refusals and small talk.
 */
import type { TimeOfDay } from '../nlu/schema.js';
import type { Reading } from './reading.js';
import { phrases } from './replies/phrases.js';
import { accountVars, act, askHowToResolve, handoff, say, type StepState } from './step-state.js';
import { fill } from './replies/render.js';
import type { HandoffQueue, HoursPreference } from './types.js';

/** Replies in a row the bot did not understand before a person takes over. */
export const maxNotUnderstood = 3;
/** Abusive messages before a person takes over (the first one is answered calmly). */
export const maxAbuse = 2;

function verified(s: StepState): boolean {
  return s.conv.verification.verifiedAtTurn !== null;
}

export function talkToPerson(s: StepState): void {
  say(s, 'handoff_person');
  const queue: HandoffQueue = s.conv.signals.hardship
    ? 'hardship'
    : s.conv.pending || s.conv.offers.made.length > 0
      ? 'payments'
      : 'general';
  handoff(s, queue);
}

/** Never mirrored: a calm answer, and a person after repeated abuse. */
export function abuse(s: StepState): void {
  s.conv.signals.abuse += 1;
  if (s.conv.signals.abuse >= maxAbuse) {
    say(s, 'abuse_handoff');
    handoff(s, 'general');
    return;
  }
  say(s, 'abuse_calm');
}

/** Not understood: a helpful prompt; after `maxNotUnderstood` in a row, a person. */
export function notUnderstood(s: StepState, reprompt: () => void): void {
  s.conv.signals.notUnderstood += 1;
  if (s.conv.signals.notUnderstood >= maxNotUnderstood) {
    say(s, 'unknown_handoff');
    handoff(s, 'general');
    return;
  }
  reprompt();
}

const partHours: Record<NonNullable<TimeOfDay['part']>, HoursPreference> = {
  morning: { from: '08:00', to: '12:00' },
  afternoon: { from: '12:00', to: '18:00' },
  evening: { from: '18:00', to: '21:00' },
};

function hoursOf(t: TimeOfDay | undefined): HoursPreference | undefined {
  if (!t) return undefined;
  if (t.from || t.to) return { ...(t.from ? { from: t.from } : {}), ...(t.to ? { to: t.to } : {}) };
  return t.part ? partHours[t.part] : undefined;
}

/** "Escríbanme por WhatsApp después de las 6", "call me instead": the preference goes on the debtor. */
export function contactPreference(s: StepState, r: Reading): void {
  const channel = r.understanding.entities.channel ?? null;
  const hours = hoursOf(r.understanding.entities.timeOfDay);
  act(s, { type: 'contact_preference', channel, ...(hours ? { hours } : {}) });
  if (r.optOut && r.optOut !== channel) act(s, { type: 'opt_out', channel: r.optOut });
  if (!verified(s)) return say(s, 'contact_pref_generic');
  const p = phrases[s.format.lang];
  const via = channel ? ` ${p.via[channel]}` : '';
  const range =
    hours?.from && hours.to
      ? fill(p.hoursBetween, { from: hours.from, to: hours.to })
      : hours?.from
        ? fill(p.hoursFrom, { from: hours.from })
        : hours?.to
          ? fill(p.hoursTo, { to: hours.to })
          : '';
  say(s, 'contact_pref_done', { via, hours: range });
}

export function paymentLink(s: StepState): void {
  act(s, { type: 'payment_link' });
  const link = s.ctx.account.paymentLink;
  if (link) say(s, 'payment_link', { link });
  else say(s, 'payment_link_soon');
}

export function requestInfo(s: StepState): void {
  say(s, 'balance_info', accountVars(s));
  askHowToResolve(s);
}

/** A refusal is heard, never argued: one gentle offer of a plan, then the door left open. */
export function refuse(s: StepState): void {
  s.conv.signals.refusals += 1;
  if (s.conv.signals.refusals === 1 && !s.conv.signals.hardship) say(s, 'refuse_soft');
  else say(s, 'refuse_ack');
}

export function smalltalk(s: StepState, r: Reading): void {
  say(s, r.thanks ? 'thanks_close' : 'greeting_open');
}
