import type { OutboundMessageRecord } from '../ports/contact-records.js';
import type { ContactOutcome } from '../ports/messaging.js';

/**
 * The answer to a key already used, from its outbound row — or null when the contact is to be
 * (re)sent: the key is new, the provider refused it with a retryable error, or its sender died
 * mid-send (`queued`, no provider id, send lease passed) and it is resumed under the same id.
 *
 * A row the provider accepted (it has a provider id) is a `duplicate`: it was sent once, and its
 * timeline event was written with that id. A `queued` row whose lease holds is being sent by
 * someone else now: also a `duplicate`. A final refusal by the provider answers as that failure
 * again, so a replayed dispatch dead-letters it instead of taking it for sent.
 */
export function replayOutcome(prior: OutboundMessageRecord | null, now: Date): ContactOutcome | null {
  if (!prior) return null;
  if (prior.providerMessageId !== null) return { kind: 'duplicate', messageId: prior.id };
  if (prior.status === 'failed')
    return prior.retryable
      ? null
      : { kind: 'failed', reason: prior.error ?? 'failed', retryable: false, at: prior.updatedAt };
  if (prior.status === 'queued' && !leaseHolds(prior, now)) return null;
  return { kind: 'duplicate', messageId: prior.id };
}

function leaseHolds(prior: OutboundMessageRecord, now: Date): boolean {
  return prior.sendLeaseUntil !== null && Date.parse(prior.sendLeaseUntil) > now.getTime();
}
