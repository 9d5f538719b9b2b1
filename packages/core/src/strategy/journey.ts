import { z } from 'zod';
import { contactChannels, NodeId, offerTypes, sendChannels, TemplateId } from './definition.js';

/**
 * The journey of one account through one strategy version: the state the runner stores (`jsonb`),
 * the events it feeds in and the commands it gets back. Schemas double as read-back validators.
 */

const instant = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * How many visited nodes a state remembers (older entries are dropped first).
 *
 * @example
 * state.history.length <= HISTORY_LIMIT; // always true
 */
export const HISTORY_LIMIT = 50;

/**
 * `active`: ready to run from `nodeId` (new, or moved to a new version onto a changed node);
 * `waiting`: suspended on a `wait`/`wait_for` until `wakeAt` or an event;
 * `done`: reached an `exit` node; `exited`: stopped early by a global rule, a terminal account
 * status or a safety fallback (`exitReason` says which). `done` and `exited` are terminal.
 */
export const journeyStatuses = ['active', 'waiting', 'done', 'exited'] as const;
export type JourneyStatus = (typeof journeyStatuses)[number];

/**
 * @example
 * const s: JourneyState = JourneyState.parse(row.state); // jsonb read-back
 */
export const JourneyState = z.object({
  accountId: z.string().min(1),
  strategyId: z.string().min(1),
  strategyVersion: z.number().int().positive(),
  segmentId: z.string().min(1),
  nodeId: NodeId,
  status: z.enum(journeyStatuses),
  /** When the runner must call `transition(…, { type: 'tick' })`; null = only an event wakes it. */
  wakeAt: instant.nullable(),
  nodeEnteredAt: instant,
  /** Contacts made per node (send/call), never reset: the `attempt` of idempotency keys. */
  attempts: z.record(z.string(), z.number().int().nonnegative()),
  /** Split arm per split node id, assigned once (sticky). */
  arms: z.record(z.string(), z.string()),
  optedOut: z.array(z.enum(contactChannels)),
  lastEvent: z.string().optional(),
  lastIntent: z.string().optional(),
  /** The latest promise to pay, for `wait.fromPromiseDate`. */
  promise: z.object({ date: isoDate, amountMinor: z.number().int().nonnegative() }).optional(),
  /** The last send/call, so a compliance refusal can push back the wait that follows it. */
  lastContact: z
    .object({
      nodeId: NodeId,
      attempt: z.number().int().positive(),
      at: instant,
      deferredUntil: instant.optional(),
    })
    .optional(),
  history: z.array(z.object({ nodeId: NodeId, at: instant })).max(HISTORY_LIMIT),
  exitReason: z.string().optional(),
});
export type JourneyState = z.infer<typeof JourneyState>;

/**
 * @example
 * const e: JourneyEvent = { type: 'contact_result', nodeId: 'email_reminder', attempt: 1, outcome: 'refused', nextAllowedAt: '2026-05-05T15:00:00Z' };
 */
export const contactOutcomes = ['delivered', 'failed', 'refused'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

/**
 * Something that happened to the account, fed to `transition`.
 *
 * @example
 * const e: JourneyEvent = { type: 'replied', intent: 'promise_to_pay' };
 */
export const JourneyEvent = z.discriminatedUnion('type', [
  /** Time passed: the runner sends it when `wakeAt <= now` (harmless at any other time). */
  z.object({ type: z.literal('tick') }),
  z.object({
    type: z.literal('contact_result'),
    nodeId: NodeId,
    attempt: z.number().int().positive(),
    outcome: z.enum(contactOutcomes),
    /** For `refused`: when compliance would allow the contact. */
    nextAllowedAt: instant.optional(),
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('opened'), nodeId: NodeId.optional() }),
  z.object({ type: z.literal('clicked'), nodeId: NodeId.optional() }),
  /**
   * A classified reply (any channel, voicebot included). Organisation intents are plain strings.
   * `also`: the other intents the reply carries (the NLU's secondary), e.g. `already_paid` with an
   * opt-out: the global rules honour an opt-out and a hard stop wherever they appear.
   */
  z.object({
    type: z.literal('replied'),
    intent: z.string().min(1),
    also: z.array(z.string().min(1)).optional(),
  }),
  /** `balanceAfterMinor` ≤ 0 clears the debt; when absent, the facts' `balanceMinor` (read after booking) is used. */
  z.object({
    type: z.literal('paid'),
    amountMinor: z.number().int().positive(),
    balanceAfterMinor: z.number().int().optional(),
  }),
  z.object({ type: z.literal('promised'), date: isoDate, amountMinor: z.number().int().nonnegative() }),
  z.object({ type: z.literal('disputed'), reason: z.string().optional() }),
  z.object({ type: z.literal('opted_out'), channel: z.union([z.enum(contactChannels), z.literal('all')]) }),
  /** `collectible: false` (the account status machine decides) ends the journey. */
  z.object({
    type: z.literal('status_changed'),
    status: z.string().min(1),
    collectible: z.boolean().optional(),
  }),
]);
export type JourneyEvent = z.infer<typeof JourneyEvent>;
export type JourneyEventType = JourneyEvent['type'];

/**
 * What the runner must do. Contacts carry everything the dispatcher needs, including the
 * idempotency key `contact:{accountId}:{nodeId}:{attempt}` (unique constraint in the outbox).
 * Scheduling is implicit: the runner stores `state.wakeAt` as the next-run time.
 */
export const JourneyCommand = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send'),
    accountId: z.string(),
    nodeId: NodeId,
    channel: z.enum(sendChannels),
    templateId: TemplateId,
    attempt: z.number().int().positive(),
    idempotencyKey: z.string(),
  }),
  z.object({
    type: z.literal('call'),
    accountId: z.string(),
    nodeId: NodeId,
    channel: z.literal('call'),
    templateId: TemplateId,
    voicemailTemplateId: TemplateId.optional(),
    attempt: z.number().int().positive(),
    idempotencyKey: z.string(),
  }),
  /** `nodeId` null: raised by a global rule rather than an `escalate` node. */
  z.object({
    type: z.literal('escalate'),
    accountId: z.string(),
    nodeId: NodeId.nullable(),
    queue: z.string(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('offer'),
    accountId: z.string(),
    nodeId: NodeId,
    offer: z.enum(offerTypes),
    policy: z.string(),
  }),
  z.object({ type: z.literal('set_status'), accountId: z.string(), nodeId: NodeId, status: z.string() }),
  z.object({ type: z.literal('exit'), accountId: z.string(), nodeId: NodeId.nullable(), reason: z.string() }),
]);
export type JourneyCommand = z.infer<typeof JourneyCommand>;
export type JourneyCommandType = JourneyCommand['type'];

/**
 * The idempotency key of a contact attempt.
 *
 * @example
 * contactKey('acct_1', 'email_reminder', 1); // 'contact:acct_1:email_reminder:1'
 */
export function contactKey(accountId: string, nodeId: string, attempt: number): string {
  return `contact:${accountId}:${nodeId}:${attempt}`;
}
