/**
 * Paths that end the bot's part, before or after verification, without saying anything about a debt:
 * an opt-out, a wrong person, a death, a bankruptcy, an attorney. Each writes its status and, where
 * a person must act, hands over to the right queue.
 */
import { preferenceChannelOf, type PreferenceChannel } from '../channels/channel.js';
import { phrases } from './replies/phrases.js';
import { act, close, handoff, say, type StepState } from './step-state.js';

/**
 * Withdraws a channel. The conversation ends when it is the channel in use; "stop calling me" written
 * on WhatsApp withdraws calls and the WhatsApp conversation goes on.
 */
export function optOut(s: StepState, channel: PreferenceChannel): void {
  act(s, { type: 'opt_out', channel });
  say(s, 'opt_out_done', { via: phrases[s.format.lang].via[channel] });
  if (preferenceChannelOf(s.turn.channel) === channel) close(s);
}

export function wrongParty(s: StepState): void {
  act(s, { type: 'wrong_party' });
  act(s, { type: 'stop_contact_point' });
  say(s, 'wrong_party_sorry');
  close(s);
}

/** A death is handled by a person, with care (the vulnerable queue); the bot writes no more. */
export function deceased(s: StepState): void {
  act(s, { type: 'deceased' });
  say(s, 'deceased_condolences');
  close(s);
  handoff(s, 'vulnerable');
}

/** Bankruptcy and attorney representation are legal matters: collection stops, the disputes queue takes them. */
export function bankruptcy(s: StepState): void {
  act(s, { type: 'bankruptcy' });
  say(s, 'bankruptcy_noted');
  close(s);
  handoff(s, 'disputes');
}

export function attorney(s: StepState): void {
  act(s, { type: 'attorney' });
  say(s, 'attorney_noted');
  close(s);
  handoff(s, 'disputes');
}
