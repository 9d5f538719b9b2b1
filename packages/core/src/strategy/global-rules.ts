import { assertUnreachable } from '../errors/index.js';
import type { Intent } from '../nlu/intents.js';
import { accountStatuses, strategyStatuses, type AccountStatus } from '../record/account-status.js';
import { contactChannels, type NodeOf } from './definition.js';
import type { JourneyEvent, JourneyState } from './journey.js';

/**
 * Rules that hold in every journey, whatever the graph says. The policy, in order:
 *
 * 1. **Hard stops** always win, even over a `wait_for` that listens for the event, because they
 *    are legal or humane obligations, not strategy choices:
 *    - `paid` that clears the balance → exit `paid_in_full`;
 *    - `disputed`, or a reply with intent `dispute` → escalate to `disputes` (a human must verify
 *      the debt before collection resumes, e.g. FDCPA § 809(b)) and exit `disputed`;
 *    - `opted_out` of every contact channel, or a `stop_contact` reply → exit `stop_contact`
 *      (cease communication);
 *    - these reply intents count wherever the reply carries them (primary or `also`): "ya pagué,
 *      dejen de molestar" exits `stop_contact` and still escalates to `payments`; the exit reason is
 *      the first hard stop, the queue the first intent that has one;
 *    - `wrong_party` → escalate to `verification` (the contact point belongs to someone else), exit;
 *    - `deceased` → escalate to `bereavement`, exit; `bankruptcy` → escalate to `legal` (automatic
 *      stay), exit;
 *    - `status_changed` with `collectible: false` (or, when the flag is absent, a status in
 *      `nonCollectibleStatuses`) → exit `account_status`.
 * 2. **Soft escalations**: replies `talk_to_agent`, `hardship`, `already_paid` go to the graph when
 *    the current `wait_for` lists that intent explicitly (the strategist designed a path for it);
 *    otherwise they escalate to `agents` / `hardship` / `payments` and the journey exits
 *    `escalated`, so no automated reminder talks over the human who now owns the case.
 * 3. Everything else is local: an `opted_out` of one channel makes later sends on it skip; a
 *    partial payment, an open, a promise… are facts for `wait_for` and `branch`.
 */

/**
 * Statuses that stop collection when `status_changed` does not say `collectible`: every account
 * status outside `strategyStatuses` (core/record/account-status.ts).
 *
 * @example
 * transition(s, { type: 'status_changed', status: 'closed' }, now, ctx).state.exitReason; // 'account_status'
 */
export const nonCollectibleStatuses: readonly AccountStatus[] = accountStatuses.filter(
  (st) => !(strategyStatuses as readonly string[]).includes(st),
);

/**
 * Reply intents that end the journey, with the queue a human picks them up from (null: none).
 *
 * @example
 * hardStopIntents.bankruptcy; // 'legal'
 */
export const hardStopIntents = {
  stop_contact: null,
  dispute: 'disputes',
  wrong_party: 'verification',
  deceased: 'bereavement',
  bankruptcy: 'legal',
} as const satisfies Partial<Record<Intent, string | null>>;

/**
 * Reply intents escalated to a human unless the current `wait_for` handles them.
 *
 * @example
 * softEscalationIntents.talk_to_agent; // 'agents'
 */
export const softEscalationIntents = {
  talk_to_agent: 'agents',
  hardship: 'hardship',
  already_paid: 'payments',
} as const satisfies Partial<Record<Intent, string>>;

/** The decision of the global rules for one event. */
export type GlobalOutcome =
  { kind: 'none' } | { kind: 'exit'; reason: string; escalate?: { queue: string; reason: string } };

const none: GlobalOutcome = { kind: 'none' };

/** Applies the global rules; may update `state.optedOut` (the caller passes a working copy). */
export function applyGlobalRules(
  state: JourneyState,
  event: JourneyEvent,
  currentNode: NodeOf<'wait_for'> | undefined,
  balanceMinor: number,
): GlobalOutcome {
  switch (event.type) {
    case 'paid':
      return (event.balanceAfterMinor ?? balanceMinor) <= 0 ? { kind: 'exit', reason: 'paid_in_full' } : none;
    case 'disputed':
      return { kind: 'exit', reason: 'disputed', escalate: { queue: 'disputes', reason: 'dispute' } };
    case 'opted_out': {
      const add = event.channel === 'all' ? contactChannels : [event.channel];
      state.optedOut = contactChannels.filter((c) => state.optedOut.includes(c) || add.includes(c));
      return state.optedOut.length === contactChannels.length
        ? { kind: 'exit', reason: 'stop_contact' }
        : none;
    }
    case 'status_changed': {
      const stop =
        event.collectible === undefined
          ? (nonCollectibleStatuses as readonly string[]).includes(event.status)
          : !event.collectible;
      return stop ? { kind: 'exit', reason: 'account_status' } : none;
    }
    case 'replied':
      return onReply(event.intent, event.also ?? [], currentNode);
    case 'tick':
    case 'contact_result':
    case 'opened':
    case 'clicked':
    case 'promised':
      return none;
    default:
      return assertUnreachable(event, 'journey event');
  }
}

function onReply(
  intent: string,
  also: readonly string[],
  currentNode: NodeOf<'wait_for'> | undefined,
): GlobalOutcome {
  // A hard stop or an opt-out anywhere in the reply ends the journey ("ya pagué, dejen de molestar";
  // "not my debt, stop texting me"): the primary's reason when it is one, then the first in order.
  const all = [intent, ...also];
  const stop = all.find((i) => Object.hasOwn(hardStopIntents, i));
  if (stop !== undefined) {
    const reason = stop === 'dispute' ? 'disputed' : stop;
    // The case still needs its human: the first intent with a queue (a dispute to verify, a payment to find).
    const queued = all.find((i) => queueOf(i) !== null);
    return queued === undefined
      ? { kind: 'exit', reason }
      : { kind: 'exit', reason, escalate: { queue: queueOf(queued) as string, reason: queued } };
  }
  if (Object.hasOwn(softEscalationIntents, intent)) {
    const listens =
      currentNode !== undefined && currentNode.events.some((e) => e === 'replied' || e === 'any');
    const handledLocally = listens && (currentNode?.intents?.some((i) => i === intent) ?? false);
    if (handledLocally) return none;
    const queue = softEscalationIntents[intent as keyof typeof softEscalationIntents];
    return { kind: 'exit', reason: 'escalated', escalate: { queue, reason: intent } };
  }
  return none;
}

/** The human queue an intent goes to (hard stops and soft escalations); null when none. */
function queueOf(intent: string): string | null {
  if (Object.hasOwn(hardStopIntents, intent)) return hardStopIntents[intent as keyof typeof hardStopIntents];
  if (Object.hasOwn(softEscalationIntents, intent))
    return softEscalationIntents[intent as keyof typeof softEscalationIntents];
  return null;
}
