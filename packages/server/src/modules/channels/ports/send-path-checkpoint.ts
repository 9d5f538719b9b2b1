/**
 * The steps of the send path, in order, for the crash drill: a test passes a checkpoint and kills
 * the process at one of them (`test/send-path-drill.test.ts`). Production code passes none.
 *
 * - `claimed`: the dispatcher leased its batch (outbox rows `in_flight`).
 * - `intent_recorded`: the outbound row is written `queued` under its key, the provider not yet called.
 * - `provider_accepted`: the provider took the message; nothing recorded about it yet.
 * - `sent_recorded`: provider id and timeline event committed; the dispatcher not yet told.
 * - `contact_returned`: the dispatcher has the outcome; the outbox row not yet marked.
 * - `outcomes_recorded`: outbox rows marked and journeys fed, committed.
 */
export const sendPathSteps = [
  'claimed',
  'intent_recorded',
  'provider_accepted',
  'sent_recorded',
  'contact_returned',
  'outcomes_recorded',
] as const;
export type SendPathStep = (typeof sendPathSteps)[number];

/** Called as the send path passes a step, with the contact's idempotency key (null for a batch step). */
export type SendPathCheckpoint = (step: SendPathStep, key: string | null) => void | Promise<void>;
