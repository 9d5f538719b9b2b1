import type { Intent } from '../nlu/intents.js';
import type { Reading } from './reading.js';
import type { StepState } from './step-state.js';
import { attorney, bankruptcy, deceased, optOut, wrongParty } from './stop-paths.js';

/** Statuses that stop contact, checked in this order: the most specific wins. */
const statusIntents = ['wrong_party', 'deceased', 'bankruptcy'] as const satisfies readonly Intent[];

/** The stopping status a message states, as its intent or beside an opt-out ("wrong number, stop"). */
function statusOf(r: Reading): (typeof statusIntents)[number] | 'attorney' | undefined {
  if (r.intent === 'attorney') return 'attorney';
  const also = r.intent === 'stop_contact' ? (r.understanding.secondary ?? []) : [];
  return statusIntents.find((i) => r.intent === i || also.includes(i));
}

/**
 * Handles what must be honoured in any state and before anything else: a stopping status, then an
 * opt-out (a redirection — "text me, don't call" — is a contact preference, not handled here).
 * `beforeOptOut` lets a verified conversation record what else the opt-out carried ("ya pagué, no
 * me escriban más"). Returns whether the message was handled.
 */
export function handleStatus(s: StepState, r: Reading, beforeOptOut?: () => void): boolean {
  const status = statusOf(r);
  if (status !== undefined) {
    switch (status) {
      case 'wrong_party':
        wrongParty(s);
        break;
      case 'deceased':
        deceased(s);
        break;
      case 'bankruptcy':
        bankruptcy(s);
        break;
      case 'attorney':
        attorney(s);
        break;
    }
    return true;
  }
  if (r.optOut && r.intent !== 'contact_preference') {
    beforeOptOut?.();
    optOut(s, r.optOut);
    return true;
  }
  return false;
}
