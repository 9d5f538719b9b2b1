import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intents } from '../nlu/intents.js';
import { defaultStrategy } from './default-strategy.js';
import {
  contactChannels,
  type NodeOf,
  type SplitArm,
  type StrategyDefinition,
  type StrategyNode,
  type TimeWindow,
  type WaitEvent,
} from './definition.js';
import { JourneyState, type JourneyCommand, type JourneyEvent } from './journey.js';
import { assignArm } from './split.js';
import { makeContext, makeStrategy } from './testing.js';
import { MAX_STEPS, startJourney, transition, type TransitionResult } from './transition.js';

const DAY = 86_400_000;
const nodeIds = [
  'email_reminder',
  'await_open',
  'whatsapp_promise',
  'voicebot_call',
  'sms_reminder',
  'n0',
  'n1',
];

const eventArb: fc.Arbitrary<JourneyEvent> = fc.oneof(
  { arbitrary: fc.constant({ type: 'tick' } as const), weight: 6 },
  fc.record({
    type: fc.constant('contact_result' as const),
    nodeId: fc.constantFrom(...nodeIds),
    attempt: fc.integer({ min: 1, max: 3 }),
    outcome: fc.constantFrom('delivered' as const, 'failed' as const, 'refused' as const),
    nextAllowedAt: fc.option(
      fc.integer({ min: 0, max: 10 * DAY }).map((ms) => new Date(Date.UTC(2026, 4, 4) + ms).toISOString()),
      { nil: undefined },
    ),
  }),
  fc.constant({ type: 'opened' } as const),
  fc.constant({ type: 'clicked' } as const),
  {
    arbitrary: fc.record({
      type: fc.constant('replied' as const),
      intent: fc.constantFrom<string>(...intents, 'org_custom_intent'),
    }),
    weight: 2,
  },
  fc.record({
    type: fc.constant('paid' as const),
    amountMinor: fc.integer({ min: 1, max: 100_000 }),
    balanceAfterMinor: fc.option(fc.integer({ min: -10, max: 100_000 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant('promised' as const),
    date: fc
      .integer({ min: 0, max: 40 })
      .map((d) => new Date(Date.UTC(2026, 4, 4) + d * DAY).toISOString().slice(0, 10)),
    amountMinor: fc.integer({ min: 0, max: 100_000 }),
  }),
  fc.constant({ type: 'disputed' } as const),
  fc.record({
    type: fc.constant('opted_out' as const),
    channel: fc.constantFrom(...contactChannels, 'all' as const),
  }),
  fc.record({
    type: fc.constant('status_changed' as const),
    status: fc.constantFrom('active', 'closed', 'promise_pending'),
    collectible: fc.option(fc.boolean(), { nil: undefined }),
  }),
);

/** Each step: advance the clock (or jump to wakeAt), then deliver an event. */
const stepsArb = fc.array(
  fc.record({ jumpToWake: fc.boolean(), advanceMs: fc.integer({ min: 0, max: 4 * DAY }), event: eventArb }),
  { maxLength: 40 },
);
const factsArb = fc.record({
  accountId: fc.integer({ min: 0, max: 100_000 }).map((i) => `acct_${i}`),
  dpd: fc.integer({ min: -10, max: 400 }),
  balanceMinor: fc.integer({ min: 0, max: 1_000_000 }),
});
const zoneArb = fc.constantFrom(
  'America/Mexico_City',
  'Europe/Madrid',
  'America/New_York',
  'America/Bogota',
  'UTC',
);

interface Step {
  jumpToWake: boolean;
  advanceMs: number;
  event: JourneyEvent;
}

interface Trace {
  results: TransitionResult[];
  commands: JourneyCommand[];
  times: Date[];
}

function drive(
  def: StrategyDefinition,
  facts: { accountId: string; dpd: number; balanceMinor: number },
  tz: string,
  steps: readonly Step[],
): Trace | null {
  const ctx = makeContext(def, facts, tz);
  let now = new Date('2026-05-04T15:00:00Z');
  const first = startJourney(ctx, now);
  if (first === null) return null;
  const trace: Trace = { results: [first], commands: [...first.commands], times: [now] };
  let state = first.state;
  for (const s of steps) {
    const wake = state.wakeAt === null ? null : Date.parse(state.wakeAt);
    now = new Date(
      s.jumpToWake && wake !== null && wake > now.getTime() ? wake : now.getTime() + s.advanceMs,
    );
    const r = transition(state, s.event, now, ctx);
    trace.results.push(r);
    trace.commands.push(...r.commands);
    trace.times.push(now);
    state = r.state;
  }
  return trace;
}

function nodeExists(def: StrategyDefinition, state: JourneyState): boolean {
  const nodes = def.segments.find((s) => s.id === state.segmentId)?.journey.nodes ?? {};
  return Object.hasOwn(nodes, state.nodeId);
}

describe('transition properties (default strategy)', () => {
  it('never throws, never exceeds the step bound, always leaves a valid node or a finished journey', () => {
    fc.assert(
      fc.property(factsArb, zoneArb, stepsArb, (facts, tz, steps) => {
        const trace = drive(defaultStrategy, facts, tz, steps);
        expect(trace).not.toBeNull();
        trace?.results.forEach((r, i) => {
          expect(r.steps).toBeLessThanOrEqual(MAX_STEPS);
          expect(JourneyState.safeParse(r.state).success).toBe(true);
          const finished = r.state.status === 'done' || r.state.status === 'exited';
          expect(finished || nodeExists(defaultStrategy, r.state)).toBe(true);
          // After any transition a journey is suspended or finished, never left half-run.
          expect(r.state.status).not.toBe('active');
          // A suspended journey never asks to be woken in the past.
          if (r.state.status === 'waiting' && r.state.wakeAt !== null)
            expect(Date.parse(r.state.wakeAt)).toBeGreaterThan((trace.times[i] as Date).getTime());
          if (r.state.exitReason !== undefined) expect(r.state.exitReason).not.toBe('step_limit');
        });
      }),
      { numRuns: 400 },
    );
  });

  it('idempotency keys are unique per (account, node, attempt) and spell contact:{accountId}:{nodeId}:{attempt}', () => {
    fc.assert(
      fc.property(factsArb, zoneArb, stepsArb, (facts, tz, steps) => {
        const contacts = (drive(defaultStrategy, facts, tz, steps)?.commands ?? []).filter(
          (c) => c.type === 'send' || c.type === 'call',
        );
        const keys = contacts.map((c) => c.idempotencyKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const c of contacts)
          expect(c.idempotencyKey).toBe(`contact:${facts.accountId}:${c.nodeId}:${c.attempt}`);
      }),
      { numRuns: 300 },
    );
  });

  it('the holdout never receives a contact', () => {
    const split = defaultStrategy.segments[1]?.journey.nodes.holdout_split;
    if (split?.kind !== 'split') throw new Error('fixture');
    const holdoutFacts = factsArb.filter(
      (f) => assignArm(split.arms, defaultStrategy.id, 'holdout_split', f.accountId).name === 'holdout',
    );
    fc.assert(
      fc.property(holdoutFacts, zoneArb, stepsArb, (facts, tz, steps) => {
        const cmds = drive(defaultStrategy, facts, tz, steps)?.commands ?? [];
        expect(cmds.filter((c) => c.type === 'send' || c.type === 'call' || c.type === 'offer')).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('finished journeys stay finished and silent; transitions are deterministic', () => {
    fc.assert(
      fc.property(factsArb, zoneArb, stepsArb, (facts, tz, steps) => {
        const a = drive(defaultStrategy, facts, tz, steps);
        const b = drive(defaultStrategy, facts, tz, steps);
        expect(b).toEqual(a);
        let finished = false;
        for (const r of a?.results ?? []) {
          if (finished) {
            expect(r.commands).toEqual([]);
            expect(['done', 'exited']).toContain(r.state.status);
          }
          finished ||= r.state.status === 'done' || r.state.status === 'exited';
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Arbitrary graphs, including broken ones (unknown ids, zero-time loops): the engine must stay safe. */
const ids = ['n0', 'n1', 'n2', 'n3', 'n4'];
const target = fc.constantFrom(...ids, 'ghost');
const nodeArb: fc.Arbitrary<StrategyNode> = fc.oneof(
  fc.record({
    kind: fc.constant('send' as const),
    channel: fc.constantFrom('email' as const, 'sms' as const, 'whatsapp' as const),
    template: fc.constant('sms_reminder_v1'),
    next: target,
  }),
  fc.record({
    kind: fc.constant('call' as const),
    template: fc.constant('voicebot_arrears_v1'),
    next: target,
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    duration: fc.constantFrom('P1D', 'PT0S', 3_600_000, 0),
    next: target,
  }),
  fc.record({
    kind: fc.constant('wait' as const),
    until: fc.constant<TimeWindow>({ days: 'weekdays', from: '10:00', to: '12:00' }),
    next: target,
  }),
  fc.record({
    kind: fc.constant('wait_for' as const),
    events: fc.constant<WaitEvent[]>(['any']),
    onEvent: target,
    timeout: fc.option(fc.constantFrom('P2D', 'PT0S'), { nil: undefined }),
    onTimeout: fc.option(target, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('branch' as const),
    branches: fc.constant<NodeOf<'branch'>['branches']>([
      { when: [{ field: 'lastEvent', op: 'eq', value: 'opened' }], next: 'n1' },
    ]),
    otherwise: target,
  }),
  fc.record({
    kind: fc.constant('split' as const),
    arms: fc.constant<SplitArm[]>([
      { name: 'a', percent: 50, next: 'n2' },
      { name: 'b', percent: 50, next: 'n3' },
    ]),
  }),
  fc.record({ kind: fc.constant('escalate' as const), queue: fc.constant('agents'), next: target }),
  fc.record({
    kind: fc.constant('offer' as const),
    offer: fc.constant('settlement' as const),
    policy: fc.constant('p'),
    next: target,
  }),
  fc.record({ kind: fc.constant('set_status' as const), status: fc.constant('in_treatment'), next: target }),
  fc.constant({ kind: 'exit' as const }),
);
const graphArb = fc
  .tuple(...ids.map(() => nodeArb))
  .map((ns) => makeStrategy(Object.fromEntries(ns.map((n, i) => [ids[i], n])), 'n0'));

describe('transition properties (arbitrary, possibly invalid graphs)', () => {
  it('never throws, never exceeds the step bound, always leaves a valid node or a finished journey', () => {
    fc.assert(
      fc.property(graphArb, factsArb, zoneArb, stepsArb, (def, facts, tz, steps) => {
        const trace = drive(def, facts, tz, steps);
        for (const r of trace?.results ?? []) {
          expect(r.steps).toBeLessThanOrEqual(MAX_STEPS);
          const finished = r.state.status === 'done' || r.state.status === 'exited';
          expect(finished || nodeExists(def, r.state)).toBe(true);
        }
        const keys = (trace?.commands ?? []).flatMap((c) =>
          c.type === 'send' || c.type === 'call' ? [c.idempotencyKey] : [],
        );
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 400 },
    );
  });
});
