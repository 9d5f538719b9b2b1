/**
 * Before verification nothing about a debt is said: the bot says who writes and asks for the check
 * (date of birth or the last four characters of the national id). Three wrong answers lock the
 * conversation and a person takes over. Opt-outs, a wrong person and the statuses that stop contact
 * are honoured at once, without disclosing anything; a request about the debt waits for the check.
 */
import { dobCandidates, last4Candidates } from './identity-answer.js';
import { readTurn, type Reading } from './reading.js';
import { abuse, contactPreference, notUnderstood } from './conversation-paths.js';
import { act, accountVars, askHowToResolve, handoff, say, type StepState } from './step-state.js';
import { handleStatus } from './status.js';
import type { IdentityKind } from './types.js';

/** Identity answers before the conversation locks. */
export const maxIdentityTries = 3;

const debtIntents = new Set([
  'promise_to_pay',
  'pay_now',
  'payment_plan',
  'settlement',
  'already_paid',
  'dispute',
  'hardship',
]);

function askFor(s: StepState): IdentityKind | null {
  return s.conv.verification.asked ?? s.ctx.identity.available[0] ?? null;
}

/** Asks for the check; the first message of a conversation also says who writes. */
function ask(s: StepState, withIntro: boolean): void {
  const kind = askFor(s);
  if (kind === null) {
    // Nothing on record to check against: only a person can go on.
    say(s, 'verification_locked');
    s.conv.state = 'locked';
    handoff(s, 'general');
    return;
  }
  const first = s.conv.verification.asked === null;
  s.conv.verification.asked = kind;
  if (first || withIntro)
    say(s, kind === 'dob' ? 'identify_dob' : 'identify_last4', { collector: s.ctx.account.collectorName });
  else say(s, kind === 'dob' ? 'ask_dob' : 'ask_last4');
}

/** The answer this message gives, checked: undefined when it gives none. */
function checkAnswer(s: StepState, r: Reading): boolean | undefined {
  const { available, matches } = s.ctx.identity;
  const dobs = available.includes('dob') ? dobCandidates(r.text, s.format.lang, s.local.y) : [];
  if (dobs.length > 0) return dobs.some((d) => matches('dob', d));
  if (!available.includes('national_id_last4')) return undefined;
  const lastFourAsked = s.conv.verification.asked === 'national_id_last4' || !available.includes('dob');
  const last4s = last4Candidates(r.text, lastFourAsked);
  if (last4s.length === 0) return undefined;
  return last4s.some((l) => matches('national_id_last4', l));
}

export function stepVerifying(
  s: StepState,
  r: Reading,
  afterVerified: (s: StepState, r: Reading) => void,
): void {
  const answer = checkAnswer(s, r);
  if (answer === undefined) return unverifiedTurn(s, r);
  s.conv.signals.notUnderstood = 0;
  s.conv.verification.tries += 1;
  if (answer) {
    s.conv.verification.verifiedAtTurn = s.conv.turns;
    s.conv.state = 'open';
    s.kind = 'disclosure';
    say(s, 'disclosure', accountVars(s));
    const deferred = s.conv.deferred;
    s.conv.deferred = null;
    if (deferred) afterVerified(s, readTurn(deferred.text, s.turn.channel, deferred.understanding));
    else askHowToResolve(s);
    return;
  }
  if (s.conv.verification.tries >= maxIdentityTries) {
    act(s, { type: 'verification_failed' });
    say(s, 'verification_locked');
    s.conv.state = 'locked';
    handoff(s, 'general');
    return;
  }
  say(s, 'identity_mismatch');
  say(s, maxIdentityTries - s.conv.verification.tries === 1 ? 'tries_left_one' : 'tries_left_two');
  ask(s, false);
}

function unverifiedTurn(s: StepState, r: Reading): void {
  if (handleStatus(s, r)) {
    // Another channel withdrawn ("stop calling me" on WhatsApp): this conversation goes on.
    if (s.conv.state === 'verifying') ask(s, s.conv.verification.asked === null);
    return;
  }
  switch (r.intent) {
    case 'talk_to_agent':
      say(s, 'handoff_person');
      return handoff(s, 'general');
    case 'abuse':
      abuse(s);
      if (s.conv.state === 'verifying') ask(s, false);
      return;
    case 'contact_preference':
      contactPreference(s, r);
      return ask(s, false);
    case 'request_info':
      // The first message says who writes anyway; later ones answer "who is this?" before asking again.
      if (s.conv.verification.asked !== null)
        say(s, 'who_we_are', { collector: s.ctx.account.collectorName });
      return ask(s, false);
    default:
      break;
  }
  const first = s.conv.verification.asked === null;
  if (debtIntents.has(r.intent)) {
    s.conv.deferred = { text: r.text, understanding: r.understanding };
    if (!first) say(s, 'identity_first');
    return ask(s, false);
  }
  if (first) return ask(s, true);
  notUnderstood(s, () => {
    say(s, 'identity_unreadable');
    ask(s, false);
  });
}

/** Locked: nothing is disclosed; opt-outs and statuses are still honoured. */
export function stepLocked(s: StepState, r: Reading): void {
  if (handleStatus(s, r)) return;
  say(s, 'verification_locked');
}
