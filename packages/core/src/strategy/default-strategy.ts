import type {
  Condition,
  DurationSpec,
  OfferType,
  StrategyDefinition,
  StrategyNode,
  TimeWindow,
} from './definition.js';
import type { TemplateRef } from './validate.js';

/**
 * The strategy Saldo ships with, following common collection practice: an email with the
 * amount, due date and payment options; if it is not opened in 3 days, a WhatsApp asking for a
 * promise date; if still unpaid, voicebot calls that explain the arrears and offer a negotiation;
 * an agent when the debtor asks (global rule `talk_to_agent`) or the bot cannot help. Treatment
 * gets firmer by bucket. Every segment starts with the same split node `holdout_split` whose first
 * arm is a 5 % `holdout` (no contact at all), so the same accounts are held out in every bucket.
 *
 * The YAML twin lives in `examples/default-strategy.yaml` (a test keeps them equal).
 */

/**
 * Templates the default strategy uses, with their channel (`call` = voicebot script or voicemail).
 *
 * @example
 * getConstraintViolations(defaultStrategy, { templates: defaultTemplateRefs }); // []
 */
export const defaultTemplateRefs = [
  { id: 'courtesy_reminder_email_v1', channel: 'email' },
  { id: 'reminder_email_v1', channel: 'email' },
  { id: 'promise_request_whatsapp_v1', channel: 'whatsapp' },
  { id: 'sms_reminder_v1', channel: 'sms' },
  { id: 'voicebot_arrears_v1', channel: 'call' },
  { id: 'lcm_voicemail_v1', channel: 'call' },
  { id: 'payment_plan_offer_email_v1', channel: 'email' },
  { id: 'settlement_offer_email_v1', channel: 'email' },
] as const satisfies readonly TemplateRef[];

/**
 * The template ids alone, for the template-set check.
 */
export const defaultTemplateIds: readonly string[] = defaultTemplateRefs.map((t) => t.id);

/** Voicebot calls go out on weekday mornings in the debtor's zone (compliance may narrow it). */
const callWindow: TimeWindow = { days: 'weekdays', from: '10:00', to: '12:00' };
const debtorEvents = ['replied', 'paid', 'promised'] as const;
const replied = (intents: string[]): Condition[] => [
  { field: 'lastEvent', op: 'eq', value: 'replied' },
  { field: 'lastIntent', op: 'in', value: intents },
];

type Nodes = Record<string, StrategyNode>;

function holdoutSplit(champion: string, challenger?: { next: string; percent: number }): Nodes {
  const arms = [
    { name: 'holdout', percent: 5, next: 'holdout_wait' },
    { name: 'champion', percent: 95 - (challenger?.percent ?? 0), next: champion },
    ...(challenger ? [{ name: 'challenger', percent: challenger.percent, next: challenger.next }] : []),
  ];
  return {
    holdout_split: { kind: 'split', arms, label: 'Permanent 5 % holdout (no contact) vs treatment' },
    holdout_wait: {
      kind: 'wait',
      duration: 'P30D',
      next: 'holdout_exit',
      label: 'Holdout: no contact, recovery measured',
    },
    holdout_exit: { kind: 'exit', reason: 'holdout' },
  };
}

interface TailOptions {
  /** How long to wait for a payment or promise after a non-committal answer. */
  patience: DurationSpec;
  /** Where to go when that patience runs out. */
  afterPatience: string;
  offer: OfferType;
  policy: string;
  offerTemplate: string;
  queue: string;
  /** Where to go when a promise is broken and the reminder gets no answer. */
  afterBrokenPromise: string;
}

/** How a segment reacts to answers: promises, negotiation, bot-cannot-help, broken promises. */
function responseHandling(o: TailOptions): Nodes {
  return {
    route_response: {
      kind: 'branch',
      label: 'What did the debtor do?',
      branches: [
        { when: [{ field: 'lastEvent', op: 'eq', value: 'promised' }], next: 'promise_wait' },
        { when: replied(['payment_plan', 'settlement']), next: 'make_offer' },
        {
          when: replied(['request_info', 'refuse', 'contact_preference', 'abuse', 'unknown']),
          next: 'escalate_agent',
        },
      ],
      otherwise: 'await_payment',
    },
    await_payment: {
      kind: 'wait_for',
      events: [...debtorEvents],
      onEvent: 'route_response',
      timeout: o.patience,
      onTimeout: o.afterPatience,
    },
    promise_wait: {
      kind: 'wait',
      fromPromiseDate: true,
      duration: 'P1D',
      next: 'broken_promise_sms',
      label: 'Promise date + 1 day of grace',
    },
    broken_promise_sms: {
      kind: 'send',
      channel: 'sms',
      template: 'sms_reminder_v1',
      next: 'await_after_broken',
    },
    await_after_broken: {
      kind: 'wait_for',
      events: [...debtorEvents],
      onEvent: 'route_response',
      timeout: 'P2D',
      onTimeout: o.afterBrokenPromise,
    },
    make_offer: {
      kind: 'offer',
      offer: o.offer,
      policy: o.policy,
      next: 'offer_email',
      label: 'Policy-bounded offer from the offer engine',
    },
    offer_email: { kind: 'send', channel: 'email', template: o.offerTemplate, next: 'await_offer' },
    await_offer: {
      kind: 'wait_for',
      events: [...debtorEvents],
      onEvent: 'route_response',
      timeout: 'P5D',
      onTimeout: 'escalate_agent',
    },
    escalate_agent: { kind: 'escalate', queue: o.queue, reason: 'bot_cannot_help', next: 'escalated' },
    escalated: { kind: 'exit', reason: 'escalated' },
  };
}

/** A voicebot call in the call window, then a wait for an answer. */
function voicebot(id: string, answerWithin: DurationSpec, onTimeout: string): Nodes {
  return {
    [`${id}_window`]: { kind: 'wait', until: callWindow, next: id },
    [id]: {
      kind: 'call',
      template: 'voicebot_arrears_v1',
      voicemailTemplate: 'lcm_voicemail_v1',
      next: `await_${id}`,
    },
    [`await_${id}`]: {
      kind: 'wait_for',
      events: [...debtorEvents],
      onEvent: 'route_response',
      timeout: answerWithin,
      onTimeout,
    },
  };
}

const current: Nodes = {
  ...holdoutSplit('courtesy_email'),
  courtesy_email: {
    kind: 'send',
    channel: 'email',
    template: 'courtesy_reminder_email_v1',
    next: 'courtesy_done',
  },
  courtesy_done: { kind: 'exit', reason: 'courtesy_sent' },
};

/** 1–30 DPD, gentle: email → (3 days unopened) WhatsApp promise request → voicebot → SMS. */
const early: Nodes = {
  ...holdoutSplit('email_reminder', { next: 'whatsapp_promise', percent: 10 }),
  email_reminder: {
    kind: 'send',
    channel: 'email',
    template: 'reminder_email_v1',
    next: 'await_open',
    label: 'Amount, due date, payment options',
  },
  await_open: {
    kind: 'wait_for',
    events: ['opened', 'clicked', ...debtorEvents],
    onEvent: 'route_response',
    timeout: 'P3D',
    onTimeout: 'whatsapp_promise',
  },
  whatsapp_promise: {
    kind: 'send',
    channel: 'whatsapp',
    template: 'promise_request_whatsapp_v1',
    next: 'await_promise',
  },
  await_promise: {
    kind: 'wait_for',
    events: [...debtorEvents],
    onEvent: 'route_response',
    timeout: 'P3D',
    onTimeout: 'voicebot_call_window',
  },
  ...voicebot('voicebot_call', 'P3D', 'sms_last'),
  sms_last: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'await_last' },
  await_last: {
    kind: 'wait_for',
    events: [...debtorEvents],
    onEvent: 'route_response',
    timeout: 'P5D',
    onTimeout: 'unresolved',
  },
  unresolved: { kind: 'exit', reason: 'unresolved' },
  ...responseHandling({
    patience: 'P4D',
    afterPatience: 'whatsapp_promise',
    offer: 'payment_plan',
    policy: 'default_payment_plan',
    offerTemplate: 'payment_plan_offer_email_v1',
    queue: 'agents',
    afterBrokenPromise: 'voicebot_call_window',
  }),
};

/** 31–60 DPD, firmer: SMS → voicebot → WhatsApp → second voicebot → agent; 2-day waits. */
const mid: Nodes = {
  ...holdoutSplit('sms_reminder'),
  sms_reminder: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'await_sms' },
  await_sms: {
    kind: 'wait_for',
    events: [...debtorEvents],
    onEvent: 'route_response',
    timeout: 'P2D',
    onTimeout: 'voicebot_call_window',
  },
  ...voicebot('voicebot_call', 'P2D', 'whatsapp_promise'),
  whatsapp_promise: {
    kind: 'send',
    channel: 'whatsapp',
    template: 'promise_request_whatsapp_v1',
    next: 'await_promise',
  },
  await_promise: {
    kind: 'wait_for',
    events: [...debtorEvents],
    onEvent: 'route_response',
    timeout: 'P2D',
    onTimeout: 'voicebot_call_2_window',
  },
  ...voicebot('voicebot_call_2', 'P3D', 'escalate_agent'),
  ...responseHandling({
    patience: 'P3D',
    afterPatience: 'voicebot_call_2_window',
    offer: 'payment_plan',
    policy: 'default_payment_plan',
    offerTemplate: 'payment_plan_offer_email_v1',
    queue: 'agents',
    afterBrokenPromise: 'voicebot_call_2_window',
  }),
};

/** 61+ DPD, firmest: call first, then a settlement offer, a second call, then a senior agent. */
function late(policy: string): Nodes {
  return {
    ...holdoutSplit('voicebot_call_window'),
    ...voicebot('voicebot_call', 'P1D', 'make_offer'),
    ...voicebot('voicebot_call_2', 'P2D', 'escalate_agent'),
    ...responseHandling({
      patience: 'P2D',
      afterPatience: 'escalate_agent',
      offer: 'settlement',
      policy,
      offerTemplate: 'settlement_offer_email_v1',
      queue: 'senior_agents',
      afterBrokenPromise: 'voicebot_call_2_window',
    }),
    // Firmest: an unanswered settlement offer goes to a second call before the agent.
    await_offer: {
      kind: 'wait_for',
      events: [...debtorEvents],
      onEvent: 'route_response',
      timeout: 'P3D',
      onTimeout: 'voicebot_call_2_window',
    },
  };
}

const segment = (
  id: string,
  name: string,
  bucket: string,
  nodes: Nodes,
): StrategyDefinition['segments'][number] => ({
  id,
  name,
  conditions: [{ field: 'bucket', op: 'eq', value: bucket }],
  journey: { entry: 'holdout_split', nodes },
});

/**
 * The shipped default strategy (`stg_default`, version 1).
 *
 * @example
 * const started = startJourney({ definition: defaultStrategy, account: facts, timezone: 'America/Mexico_City' }, now);
 */
export const defaultStrategy: StrategyDefinition = {
  id: 'stg_default',
  name: 'Saldo default strategy',
  version: 1,
  description:
    'Courtesy reminder when current; gentle (1-30), firmer (31-60) and firmest (61-90, 90+) treatments; a permanent 5 % holdout.',
  segments: [
    segment('current', 'Current: courtesy reminder', 'current', current),
    segment('early', '1-30 DPD: gentle', '1-30', early),
    segment('mid', '31-60 DPD: firmer', '31-60', mid),
    segment('late', '61-90 DPD: firmest, settlement', '61-90', late('settlement_standard')),
    segment('severe', '90+ DPD: firmest, deeper settlement', '90+', late('settlement_deep')),
  ],
};
