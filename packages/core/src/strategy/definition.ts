import { z } from 'zod';
import {
  electronicChannels,
  preferenceChannels,
  type ElectronicChannel,
  type PreferenceChannel,
} from '../channels/channel.js';
import { intents } from '../nlu/intents.js';

/**
 * A collection strategy as versioned data: ordered segments (first match wins), each with a
 * journey graph of nodes addressed by id. The same schema is used for the API body (JSON), the
 * CLI (YAML parsed by the server, then this schema) and the `jsonb` read-back of a stored version.
 * Structural checks live here; graph checks (reachability, cycles, split sums…) live in
 * `getConstraintViolations` so that an editor can show every problem at once.
 */

/** Stable ids for nodes, segments, split arms and queues: lower snake case. */
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'expected lower_snake_case (a-z, 0-9, _), starting with a letter');

/**
 * Template ids follow `<name>_v<version>`, e.g. `reminder_email_v1`.
 *
 * @example
 * TemplateId.safeParse('reminder_email_v1').success; // true
 * TemplateId.safeParse('reminder_email').success; // false: the version suffix `_v<n>` is required
 */
export const TemplateId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*_v\d+$/, 'expected a template id like reminder_email_v1');
export type TemplateId = z.infer<typeof TemplateId>;

/**
 * Channels a `send` node can use: the electronic written channels. Voice goes through the `call`
 * node (voicebot).
 */
export const sendChannels = electronicChannels;
export type SendChannel = ElectronicChannel;

/**
 * The channels a journey tracks opt-outs for: the debtor's preference channels, `call` standing
 * for every voice channel (see `preferenceChannelOf`).
 */
export const contactChannels = preferenceChannels;
export type ContactChannel = PreferenceChannel;

/**
 * Delinquency buckets of the glossary. `61-90` includes 90; `90+` starts at 91 DPD.
 */
export const buckets = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type Bucket = (typeof buckets)[number];

/**
 * A duration: ISO 8601 (`P3D`, `PT12H`), added in the debtor's local calendar, or milliseconds.
 *
 * @example
 * DurationSpec.parse('P3D'); DurationSpec.parse(3_600_000);
 */
export const DurationSpec = z.union([
  z.string().regex(/^P/, 'expected an ISO 8601 duration such as P3D'),
  z.number().int().nonnegative(),
]);
export type DurationSpec = z.infer<typeof DurationSpec>;

/**
 * Local wall-clock time "HH:MM" (24 h).
 *
 * @example
 * LocalTime.parse('10:00'); // '10:00'
 * LocalTime.safeParse('9:00').success; // false: two-digit hours, 00:00–23:59
 */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export type LocalTime = z.infer<typeof LocalTime>;

/**
 * A window in the debtor's IANA zone; `days` are ISO weekdays (1 = Monday … 7 = Sunday).
 *
 * @example
 * const weekdayMornings: TimeWindow = { days: 'weekdays', from: '10:00', to: '12:00' };
 */
export const TimeWindow = z.strictObject({
  days: z.union([z.literal('weekdays'), z.literal('any'), z.array(z.number().int().min(1).max(7)).min(1)]),
  from: LocalTime,
  to: LocalTime,
});
export type TimeWindow = z.infer<typeof TimeWindow>;

// ── Conditions ────────────────────────────────────────────────────────────────────────────────

/**
 * Account facts a condition can test. `lastEvent`/`lastIntent` are journey facts (branches).
 */
export const conditionFields = [
  'dpd',
  'bucket',
  'balanceMinor',
  'currency',
  'product',
  'country',
  'status',
  'tags',
  'score',
  'lastEvent',
  'lastIntent',
] as const;
export type ConditionField = (typeof conditionFields)[number];
/** Condition fields that hold numbers: only these take `gte`, `lte` and `between`. */
export const numericConditionFields = [
  'dpd',
  'balanceMinor',
  'score',
] as const satisfies readonly ConditionField[];

const field = z.enum(conditionFields);
const scalar = z.union([z.string(), z.number()]);

/**
 * One test over one fact. A list of conditions is a conjunction (all must hold).
 *
 * @example
 * const early: Condition = { field: 'dpd', op: 'between', value: [1, 30] };
 */
export const Condition = z.discriminatedUnion('op', [
  z.strictObject({ field, op: z.literal('eq'), value: scalar }),
  z.strictObject({ field, op: z.literal('in'), value: z.array(scalar) }),
  z.strictObject({ field, op: z.literal('gte'), value: z.number() }),
  z.strictObject({ field, op: z.literal('lte'), value: z.number() }),
  /** Inclusive on both ends: `[1, 30]`. */
  z.strictObject({ field, op: z.literal('between'), value: z.tuple([z.number(), z.number()]) }),
  /** For `tags`: the account carries this tag. */
  z.strictObject({ field, op: z.literal('contains'), value: z.string() }),
]);
export type Condition = z.infer<typeof Condition>;
export type ConditionOp = Condition['op'];

// ── Nodes ─────────────────────────────────────────────────────────────────────────────────────

/**
 * @example
 * NodeId.safeParse('email_reminder').success; // true
 * NodeId.safeParse('Email-Reminder').success; // false: lower_snake_case only
 */
export const NodeId = slug;
export type NodeId = z.infer<typeof NodeId>;

const meta = { label: z.string().max(200).optional() };

/**
 * Events a `wait_for` can listen to. `any` is any of the others.
 *
 * @example
 * const n = { kind: 'wait_for', events: ['opened', 'clicked'], onEvent: 'thanks', timeout: 'P3D', onTimeout: 'whatsapp' };
 */
export const waitEvents = ['opened', 'clicked', 'replied', 'paid', 'promised', 'any'] as const;
export type WaitEvent = (typeof waitEvents)[number];

/**
 * @example
 * SendNode.parse({ kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'await_open' });
 */
export const SendNode = z.strictObject({
  kind: z.literal('send'),
  channel: z.enum(sendChannels),
  template: TemplateId,
  next: NodeId,
  ...meta,
});
/**
 * @example
 * WaitNode.parse({ kind: 'wait', duration: 'P1D', until: { days: 'weekdays', from: '10:00', to: '12:00' }, next: 'call' });
 */
export const WaitNode = z.strictObject({
  kind: z.literal('wait'),
  /** Wait this long (in the debtor's calendar: `P1D` across a DST change is one local day). */
  duration: DurationSpec.optional(),
  /** Then (or only) wait until the next moment inside this local window. */
  until: TimeWindow.optional(),
  /** Count `duration` from the start of the day after the recorded promise date, when there is one. */
  fromPromiseDate: z.boolean().optional(),
  next: NodeId,
  ...meta,
});
/**
 * @example
 * WaitForNode.parse({ kind: 'wait_for', events: ['replied'], intents: ['promise_to_pay'], onEvent: 'thanks', timeout: 'P3D', onTimeout: 'call' });
 */
export const WaitForNode = z.strictObject({
  kind: z.literal('wait_for'),
  events: z.array(z.enum(waitEvents)).min(1),
  /** Only for `replied` (or `any`): the reply must carry one of these NLU intents. */
  intents: z.array(z.enum(intents)).min(1).optional(),
  onEvent: NodeId,
  /** Required by the validator; a wait_for without a timeout could wait forever. */
  timeout: DurationSpec.optional(),
  onTimeout: NodeId.optional(),
  ...meta,
});
/**
 * @example
 * BranchNode.parse({ kind: 'branch', branches: [{ when: [{ field: 'balanceMinor', op: 'gte', value: 100_000 }], next: 'call' }], otherwise: 'sms' });
 */
export const BranchNode = z.strictObject({
  kind: z.literal('branch'),
  /** Evaluated in order; the first whose conditions all hold wins. */
  branches: z.array(z.strictObject({ when: z.array(Condition).min(1), next: NodeId })).min(1),
  otherwise: NodeId,
  ...meta,
});
/**
 * @example
 * SplitArm.parse({ name: 'holdout', percent: 5, next: 'holdout_wait' });
 */
export const SplitArm = z.strictObject({ name: slug, percent: z.number().min(0).max(100), next: NodeId });
export type SplitArm = z.infer<typeof SplitArm>;
/**
 * @example
 * SplitNode.parse({ kind: 'split', arms: [{ name: 'champion', percent: 90, next: 'a' }, { name: 'challenger', percent: 10, next: 'b' }] });
 */
export const SplitNode = z.strictObject({
  kind: z.literal('split'),
  arms: z.array(SplitArm).min(1),
  ...meta,
});
/**
 * @example
 * CallNode.parse({ kind: 'call', template: 'voicebot_arrears_v1', voicemailTemplate: 'lcm_voicemail_v1', next: 'await_call' });
 */
export const CallNode = z.strictObject({
  kind: z.literal('call'),
  /** The voicebot script template. */
  template: TemplateId,
  /** Limited-content voicemail to leave when nobody answers (e.g. `lcm_voicemail_v1`). */
  voicemailTemplate: TemplateId.optional(),
  next: NodeId,
  ...meta,
});
/**
 * @example
 * EscalateNode.parse({ kind: 'escalate', queue: 'agents', reason: 'bot_cannot_help', next: 'done' });
 */
export const EscalateNode = z.strictObject({
  kind: z.literal('escalate'),
  queue: slug,
  reason: z.string().max(200).optional(),
  next: NodeId,
  ...meta,
});
/** What an `offer` node can propose. */
export const offerTypes = ['payment_plan', 'settlement'] as const;
export type OfferType = (typeof offerTypes)[number];
/**
 * @example
 * OfferNode.parse({ kind: 'offer', offer: 'settlement', policy: 'settlement_standard', next: 'offer_email' });
 */
export const OfferNode = z.strictObject({
  kind: z.literal('offer'),
  offer: z.enum(offerTypes),
  policy: slug,
  next: NodeId,
  ...meta,
});
/**
 * @example
 * SetStatusNode.parse({ kind: 'set_status', status: 'in_treatment', next: 'email' });
 */
export const SetStatusNode = z.strictObject({
  kind: z.literal('set_status'),
  status: slug,
  next: NodeId,
  ...meta,
});
/**
 * @example
 * ExitNode.parse({ kind: 'exit', reason: 'unresolved' });
 */
export const ExitNode = z.strictObject({ kind: z.literal('exit'), reason: slug.optional(), ...meta });

/**
 * A journey node, discriminated on `kind`.
 */
export const StrategyNode = z.discriminatedUnion('kind', [
  SendNode,
  WaitNode,
  WaitForNode,
  BranchNode,
  SplitNode,
  CallNode,
  EscalateNode,
  OfferNode,
  SetStatusNode,
  ExitNode,
]);
export type StrategyNode = z.infer<typeof StrategyNode>;
export type NodeKind = StrategyNode['kind'];
/** Every node kind, for code that must handle each (the `satisfies` keeps it a subset of `NodeKind`). */
export const nodeKinds = [
  'send',
  'wait',
  'wait_for',
  'branch',
  'split',
  'call',
  'escalate',
  'offer',
  'set_status',
  'exit',
] as const satisfies readonly NodeKind[];
/** The node of a given kind, e.g. `NodeOf<'send'>`. */
export type NodeOf<K extends NodeKind> = Extract<StrategyNode, { kind: K }>;

/**
 * @example
 * Journey.parse({ entry: 'done', nodes: { done: { kind: 'exit' } } });
 */
export const Journey = z.strictObject({ entry: NodeId, nodes: z.record(NodeId, StrategyNode) });
export type Journey = z.infer<typeof Journey>;

/**
 * @example
 * Segment.parse({ id: 'early', name: '1-30', conditions: [{ field: 'bucket', op: 'eq', value: '1-30' }], journey });
 */
export const Segment = z.strictObject({
  id: slug,
  name: z.string().min(1).max(200),
  /** All must hold. Empty = catch-all. */
  conditions: z.array(Condition),
  journey: Journey,
});
export type Segment = z.infer<typeof Segment>;

/**
 * A strategy version. `id` is stable across versions; `version` increases on every publish.
 *
 * @example
 * const def = StrategyDefinition.parse({
 *   id: 'stg_minimal', name: 'Minimal', version: 1,
 *   segments: [{ id: 'all', name: 'Everyone', conditions: [], journey: {
 *     entry: 'email', nodes: {
 *       email: { kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'done' },
 *       done: { kind: 'exit' },
 *     } } }],
 * });
 */
export const StrategyDefinition = z.strictObject({
  id: z.string().regex(/^stg_[a-z0-9_]{1,60}$/, 'expected an id like stg_default'),
  name: z.string().min(1).max(200),
  version: z.number().int().positive(),
  description: z.string().max(2000).optional(),
  segments: z.array(Segment).min(1),
});
export type StrategyDefinition = z.infer<typeof StrategyDefinition>;

/**
 * What the engine knows about the account when it matches a segment or evaluates a branch.
 *
 * @example
 * const facts: AccountFacts = { accountId: 'acct_1', dpd: 12, balanceMinor: 150_00, currency: 'MXN', country: 'MX', status: 'active', tags: [] };
 */
export const AccountFacts = z.object({
  accountId: z.string().min(1),
  dpd: z.number().int(),
  balanceMinor: z.number().int(),
  currency: z.string().length(3),
  product: z.string().optional(),
  country: z.string().length(2),
  status: z.string(),
  tags: z.array(z.string()),
  score: z.number().nullable().optional(),
});
export type AccountFacts = z.infer<typeof AccountFacts>;
