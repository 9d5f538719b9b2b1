/**
 * Hardship: empathy first, the hardship options the policy offers now (a pause, a smaller plan), the
 * free-advice referral for the debtor's country, and never a push to pay in full. A debtor who tells
 * of illness, disability or bereavement goes to a person (the vulnerable queue).
 */
import { currentOffers } from './policy.js';
import type { Reading } from './reading.js';
import { describeAgreement } from './replies/render.js';
import { phrases } from './replies/phrases.js';
import { act, handoff, say, type StepState } from './step-state.js';
import type { Agreement } from '../offers/types.js';

export function hardship(s: StepState, r: Reading): void {
  if (!s.conv.signals.hardship) act(s, { type: 'hardship' });
  s.conv.signals.hardship = true;
  s.conv.pending = null;
  s.conv.state = 'open';
  if (r.vulnerable) {
    say(s, 'vulnerable_handoff');
    handoff(s, 'vulnerable');
    return;
  }
  say(s, 'hardship_empathy');
  const offers = currentOffers(s);
  const options: Agreement[] = [];
  if (offers.hardship.maxPauseUntil > s.today)
    options.push({ kind: 'pause', until: offers.hardship.maxPauseUntil });
  const plan = offers.hardship.plans[offers.hardship.plans.length - 1] ?? offers.hardship.plans[0];
  if (plan) options.push(plan);
  if (options.length > 0) {
    const text = options.map((o) => describeAgreement(o, s.format)).join(phrases[s.format.lang].or);
    say(s, 'hardship_options', { options: text });
    s.conv.choices = options;
    for (const o of options) s.conv.offers.made.push({ turn: s.conv.turns, agreement: o });
  }
  const referral = offers.hardship.referral?.[s.format.lang];
  if (referral) say(s, 'hardship_referral', { referral });
}
