import { describe, expect, it } from 'vitest';
import { isSaldoError } from '../errors/index.js';
import type { StrategyNode } from './definition.js';
import type { JourneyState } from './journey.js';
import { makeContext, makeStrategy } from './testing.js';
import { MAX_STEPS, startJourney, transition } from './transition.js';

const t0 = new Date('2026-05-04T15:00:00Z');
const at = (s: string): Date => new Date(s);

function start(nodes: Record<string, StrategyNode>, entry: string, facts = {}) {
  const ctx = makeContext(makeStrategy(nodes, entry), facts);
  const r = startJourney(ctx, t0);
  if (r === null) throw new Error('fixture');
  return { ctx, ...r };
}

describe('bounded interpreter', () => {
  it('a zero-time loop stops at MAX_STEPS with a safe exit', () => {
    const { state, commands, steps } = start(
      {
        a: { kind: 'escalate', queue: 'q', next: 'b' },
        b: {
          kind: 'branch',
          branches: [{ when: [{ field: 'dpd', op: 'lte', value: -1 }], next: 'z' }],
          otherwise: 'a',
        },
        z: { kind: 'exit' },
      },
      'a',
    );
    expect(steps).toBe(MAX_STEPS);
    expect(state).toMatchObject({ status: 'exited', exitReason: 'step_limit' });
    // The 25 escalations of the loop are dropped: only the exit is left for the runner.
    expect(commands).toEqual([{ type: 'exit', accountId: 'acct_1', nodeId: 'b', reason: 'step_limit' }]);
  });

  it('a state pointing at a node that does not exist exits safely', () => {
    const { state, ctx } = start(
      { w: { kind: 'wait', duration: 'P1D', next: 'z' }, z: { kind: 'exit' } },
      'w',
    );
    const r = transition({ ...state, nodeId: 'gone' }, { type: 'tick' }, at('2026-05-06T00:00:00Z'), ctx);
    expect(r.state).toMatchObject({ status: 'exited', exitReason: 'unknown_node' });
  });

  it('a missing entry node exits safely at enrolment', () => {
    expect(start({ z: { kind: 'exit' } }, 'nowhere').state.exitReason).toBe('unknown_node');
  });

  it('finished journeys ignore every event', () => {
    const { state, ctx } = start({ z: { kind: 'exit', reason: 'bye' } }, 'z');
    expect(state.status).toBe('done');
    for (const e of [
      { type: 'tick' },
      { type: 'replied', intent: 'talk_to_agent' },
      { type: 'disputed' },
    ] as const) {
      expect(transition(state, e, at('2026-06-01T00:00:00Z'), ctx)).toEqual({
        state,
        commands: [],
        steps: 0,
      });
    }
  });

  it('does not mutate its input state', () => {
    const { state, ctx } = start(
      {
        w: { kind: 'wait', duration: 'P1D', next: 's' },
        s: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'z' },
        z: { kind: 'exit' },
      },
      'w',
    );
    const before = JSON.stringify(state);
    transition(state, { type: 'tick' }, at('2026-05-06T00:00:00Z'), ctx);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('refuses a definition of another version (a runner bug, not a domain outcome)', () => {
    const { state, ctx } = start(
      { w: { kind: 'wait', duration: 'P1D', next: 'z' }, z: { kind: 'exit' } },
      'w',
    );
    const other = { ...ctx, definition: { ...ctx.definition, version: 2 } };
    expect(() => transition(state, { type: 'tick' }, t0, other)).toThrow(
      expect.objectContaining({ kind: 'conflict' }),
    );
    try {
      transition(state, { type: 'tick' }, t0, other);
    } catch (e) {
      expect(isSaldoError(e)).toBe(true);
    }
  });
});

describe('contacts and idempotency', () => {
  const loop: Record<string, StrategyNode> = {
    sms: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'pause' },
    pause: { kind: 'wait', duration: 'P1D', next: 'count' },
    count: {
      kind: 'branch',
      branches: [{ when: [{ field: 'dpd', op: 'gte', value: 1000 }], next: 'z' }],
      otherwise: 'sms',
    },
    z: { kind: 'exit' },
  };

  it('revisiting a send node increments the attempt and the idempotency key', () => {
    const { ctx, commands, state: first } = start(loop, 'sms', { accountId: 'acct_9' });
    let state = first;
    const keys = [...commands];
    for (let i = 0; i < 3; i++) {
      const r = transition(state, { type: 'tick' }, at(state.wakeAt as string), ctx);
      state = r.state;
      keys.push(...r.commands);
    }
    expect(keys.map((c) => (c.type === 'send' ? c.idempotencyKey : c.type))).toEqual([
      'contact:acct_9:sms:1',
      'contact:acct_9:sms:2',
      'contact:acct_9:sms:3',
      'contact:acct_9:sms:4',
    ]);
  });

  it('carried attempts keep keys unique when the account is enrolled again', () => {
    const ctx = makeContext(makeStrategy(loop, 'sms'), { accountId: 'acct_9' });
    const again = startJourney(ctx, t0, { attempts: { sms: 4 } });
    expect(again?.commands[0]).toMatchObject({ attempt: 5, idempotencyKey: 'contact:acct_9:sms:5' });
  });
});

describe('waits', () => {
  const emailThenWait: Record<string, StrategyNode> = {
    email: { kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'await' },
    await: { kind: 'wait_for', events: ['opened'], onEvent: 'z', timeout: 'P3D', onTimeout: 'sms' },
    sms: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'z' },
    z: { kind: 'exit' },
  };

  it('a compliance refusal of the email pushes the 3-day wait back by the refusal delay, once per delay', () => {
    const { state, ctx } = start(emailThenWait, 'email');
    expect(state.wakeAt).toBe('2026-05-07T15:00:00.000Z');
    const refused = {
      type: 'contact_result',
      nodeId: 'email',
      attempt: 1,
      outcome: 'refused',
      nextAllowedAt: '2026-05-05T15:00:00.000Z',
    } as const;
    const r1 = transition(state, refused, at('2026-05-04T15:00:01Z'), ctx);
    expect(r1.state.wakeAt).toBe('2026-05-08T15:00:00.000Z');
    // The same refusal delivered twice does not push twice; a later one adds only the extra delay.
    expect(transition(r1.state, refused, at('2026-05-04T15:00:02Z'), ctx).state.wakeAt).toBe(
      '2026-05-08T15:00:00.000Z',
    );
    const later = transition(
      r1.state,
      { ...refused, nextAllowedAt: '2026-05-05T18:00:00.000Z' },
      at('2026-05-05T15:00:01Z'),
      ctx,
    );
    expect(later.state.wakeAt).toBe('2026-05-08T18:00:00.000Z');
    // Delivered or failed results change nothing.
    expect(
      transition(state, { ...refused, outcome: 'delivered' }, at('2026-05-04T15:01:00Z'), ctx).state,
    ).toEqual(state);
  });

  it('a runner that ticks late: an event after the timeout follows the timeout path first', () => {
    const { state, ctx } = start(emailThenWait, 'email');
    const r = transition(state, { type: 'opened' }, at('2026-05-07T16:00:00Z'), ctx);
    expect(r.commands.map((c) => (c.type === 'send' ? c.channel : c.type))).toEqual(['sms', 'exit']);
  });

  it('a wait_for without a timeout (rejected by the validator) waits for its event only', () => {
    const { state, ctx } = start(
      { w: { kind: 'wait_for', events: ['paid'], onEvent: 'z' }, z: { kind: 'exit' } },
      'w',
    );
    expect(state).toMatchObject({ status: 'waiting', wakeAt: null });
    expect(transition(state, { type: 'tick' }, at('2027-01-01T00:00:00Z'), ctx).state.status).toBe('waiting');
    expect(
      transition(state, { type: 'paid', amountMinor: 1 }, at('2027-01-01T00:00:00Z'), ctx).state.status,
    ).toBe('done');
  });

  it('duration then window: 2 days, then the next weekday 10:00–12:00 in Madrid', () => {
    const nodes: Record<string, StrategyNode> = {
      w: {
        kind: 'wait',
        duration: 'P2D',
        until: { days: 'weekdays', from: '10:00', to: '12:00' },
        next: 'z',
      },
      z: { kind: 'exit' },
    };
    const ctx = makeContext(makeStrategy(nodes, 'w'), {}, 'Europe/Madrid');
    // Thursday 2026-03-26 14:00 CET + 2 days = Saturday → Monday 10:00 CEST after the DST change.
    expect(startJourney(ctx, at('2026-03-26T13:00:00Z'))?.state.wakeAt).toBe('2026-03-30T08:00:00.000Z');
  });

  it('fromPromiseDate without a promise counts from now', () => {
    const { state } = start(
      { w: { kind: 'wait', duration: 'P1D', fromPromiseDate: true, next: 'z' }, z: { kind: 'exit' } },
      'w',
    );
    expect(state.wakeAt).toBe('2026-05-05T15:00:00.000Z');
  });
});

describe('splits', () => {
  it('keep an assigned arm while it exists; reassign deterministically when it was removed', () => {
    const nodes: Record<string, StrategyNode> = {
      s: {
        kind: 'split',
        arms: [
          { name: 'a', percent: 50, next: 'z' },
          { name: 'b', percent: 50, next: 'z' },
        ],
      },
      z: { kind: 'exit' },
    };
    const ctx = makeContext(makeStrategy(nodes, 's'));
    const fresh: JourneyState = {
      ...(startJourney(ctx, t0)?.state as JourneyState),
      status: 'active',
      nodeId: 's',
      arms: { s: 'b' },
    };
    expect(transition(fresh, { type: 'tick' }, t0, ctx).state.arms.s).toBe('b');
    const stale = transition({ ...fresh, arms: { s: 'removed' } }, { type: 'tick' }, t0, ctx).state.arms.s;
    expect(['a', 'b']).toContain(stale);
    expect(transition({ ...fresh, arms: { s: 'removed' } }, { type: 'tick' }, t0, ctx).state.arms.s).toBe(
      stale,
    );
  });
});
