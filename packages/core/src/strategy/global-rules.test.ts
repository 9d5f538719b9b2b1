import { describe, expect, it } from 'vitest';
import type { StrategyNode } from './definition.js';
import type { JourneyEvent, JourneyState } from './journey.js';
import { makeContext, makeStrategy } from './testing.js';
import { startJourney, transition } from './transition.js';

/** email → wait_for (replied/opened, 3 days) → sms → exit. */
const nodes: Record<string, StrategyNode> = {
  email: { kind: 'send', channel: 'email', template: 'reminder_email_v1', next: 'await' },
  await: {
    kind: 'wait_for',
    events: ['opened', 'replied'],
    onEvent: 'sms',
    timeout: 'P3D',
    onTimeout: 'sms',
  },
  sms: { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'done' },
  done: { kind: 'exit' },
};
const def = makeStrategy(nodes, 'email');
const ctx = makeContext(def, { accountId: 'acct_7' });
const t0 = new Date('2026-05-04T15:00:00Z');
const t1 = new Date('2026-05-05T15:00:00Z');

function waiting(): JourneyState {
  const r = startJourney(ctx, t0);
  if (r === null) throw new Error('fixture');
  return r.state;
}
const on = (event: JourneyEvent, state = waiting()) => transition(state, event, t1, ctx);

describe('global rules: hard stops end the journey whatever the graph says', () => {
  it.each<[string, JourneyEvent, string, string | null]>([
    ['dispute', { type: 'disputed' }, 'disputed', 'disputes'],
    ['dispute reply', { type: 'replied', intent: 'dispute' }, 'disputed', 'disputes'],
    ['stop_contact', { type: 'replied', intent: 'stop_contact' }, 'stop_contact', null],
    ['wrong_party', { type: 'replied', intent: 'wrong_party' }, 'wrong_party', 'verification'],
    ['deceased', { type: 'replied', intent: 'deceased' }, 'deceased', 'bereavement'],
    ['bankruptcy', { type: 'replied', intent: 'bankruptcy' }, 'bankruptcy', 'legal'],
    ['opt-out of everything', { type: 'opted_out', channel: 'all' }, 'stop_contact', null],
    ['paid in full', { type: 'paid', amountMinor: 150_00, balanceAfterMinor: 0 }, 'paid_in_full', null],
    ['account closed', { type: 'status_changed', status: 'closed' }, 'account_status', null],
    [
      'not collectible per the status machine',
      { type: 'status_changed', status: 'on_hold', collectible: false },
      'account_status',
      null,
    ],
  ])('%s → exit %s', (_name, event, reason, queue) => {
    const r = on(event);
    expect(r.state).toMatchObject({ status: 'exited', exitReason: reason, wakeAt: null });
    expect(r.commands.filter((c) => c.type === 'send' || c.type === 'call')).toEqual([]);
    expect(r.commands.at(-1)).toEqual({ type: 'exit', accountId: 'acct_7', nodeId: 'await', reason });
    const escalation = r.commands.find((c) => c.type === 'escalate');
    expect(escalation === undefined ? null : escalation.queue).toBe(queue);
  });

  it.each<[string, JourneyEvent, string, string | null]>([
    [
      'an opt-out with a payment claim',
      { type: 'replied', intent: 'stop_contact', also: ['already_paid'] },
      'stop_contact',
      'payments',
    ],
    [
      'a payment claim with an opt-out',
      { type: 'replied', intent: 'already_paid', also: ['stop_contact'] },
      'stop_contact',
      'payments',
    ],
    [
      'an opt-out with a dispute',
      { type: 'replied', intent: 'stop_contact', also: ['dispute'] },
      'stop_contact',
      'disputes',
    ],
    [
      'a dispute with an opt-out',
      { type: 'replied', intent: 'dispute', also: ['stop_contact'] },
      'disputed',
      'disputes',
    ],
    [
      'a promise with an opt-out',
      { type: 'replied', intent: 'promise_to_pay', also: ['stop_contact'] },
      'stop_contact',
      null,
    ],
    [
      'a threat that refuses calls',
      { type: 'replied', intent: 'abuse', also: ['stop_contact'] },
      'stop_contact',
      null,
    ],
    [
      'a death with an opt-out',
      { type: 'replied', intent: 'stop_contact', also: ['deceased'] },
      'stop_contact',
      'bereavement',
    ],
  ])('%s (secondary intents count) → exit %s', (_name, event, reason, queue) => {
    const r = on(event);
    expect(r.state).toMatchObject({ status: 'exited', exitReason: reason });
    expect(r.commands.filter((c) => c.type === 'send' || c.type === 'call')).toEqual([]);
    const escalation = r.commands.find((c) => c.type === 'escalate');
    expect(escalation === undefined ? null : escalation.queue).toBe(queue);
  });

  it('secondary intents that are no stop change nothing', () => {
    expect(
      on({ type: 'replied', intent: 'promise_to_pay', also: ['affirm', 'hardship'] }).state.status,
    ).not.toBe('exited');
  });

  it('hard stops win even when the wait_for listens for that very reply', () => {
    // 'await' listens for replied: a stop_contact reply must still not lead to the SMS.
    expect(on({ type: 'replied', intent: 'stop_contact' }).commands.map((c) => c.type)).toEqual(['exit']);
  });

  it('without balanceAfterMinor, the balance in the facts (read after booking the payment) decides', () => {
    const cleared = transition(
      waiting(),
      { type: 'paid', amountMinor: 10_00 },
      t1,
      makeContext(def, { accountId: 'acct_7', balanceMinor: 0 }),
    );
    expect(cleared.state.exitReason).toBe('paid_in_full');
    expect(on({ type: 'paid', amountMinor: 10_00 }).state.status).toBe('waiting');
  });

  it('a status change to a collectible status changes nothing', () => {
    expect(on({ type: 'status_changed', status: 'promise_pending', collectible: true }).state.status).toBe(
      'waiting',
    );
    expect(on({ type: 'status_changed', status: 'active' }).state.status).toBe('waiting');
  });
});

describe('global rules: soft escalations', () => {
  it('talk_to_agent → escalate to agents and exit, when the graph has no path for it', () => {
    const r = on({ type: 'replied', intent: 'talk_to_agent' });
    expect(r.commands).toEqual([
      { type: 'escalate', accountId: 'acct_7', nodeId: null, queue: 'agents', reason: 'talk_to_agent' },
      { type: 'exit', accountId: 'acct_7', nodeId: 'await', reason: 'escalated' },
    ]);
  });

  it('the graph handles talk_to_agent itself when the current wait_for lists that intent', () => {
    const custom = makeStrategy(
      {
        ...nodes,
        await: {
          kind: 'wait_for',
          events: ['replied'],
          intents: ['talk_to_agent'],
          onEvent: 'agent',
          timeout: 'P3D',
          onTimeout: 'done',
        },
        agent: { kind: 'escalate', queue: 'vip_agents', reason: 'asked', next: 'done' },
      },
      'email',
    );
    const c = makeContext(custom, { accountId: 'acct_7' });
    const started = startJourney(c, t0);
    const r = transition(started?.state as JourneyState, { type: 'replied', intent: 'talk_to_agent' }, t1, c);
    expect(r.commands.map((x) => (x.type === 'escalate' ? `escalate:${x.queue}` : x.type))).toEqual([
      'escalate:vip_agents',
      'exit',
    ]);
    expect(r.state.status).toBe('done');
  });

  it.each([
    ['hardship', 'hardship'],
    ['already_paid', 'payments'],
  ])('%s → escalate to %s', (intent, queue) => {
    expect(on({ type: 'replied', intent }).commands[0]).toMatchObject({
      type: 'escalate',
      queue,
      reason: intent,
    });
  });
});

describe('opt-outs of one channel', () => {
  it('skips sends on that channel without stopping the journey', () => {
    const s1 = on({ type: 'opted_out', channel: 'sms' });
    expect(s1.state).toMatchObject({ status: 'waiting', optedOut: ['sms'] });
    const r = transition(s1.state, { type: 'opened' }, t1, ctx);
    expect(r.commands.map((c) => c.type)).toEqual(['exit']);
    expect(r.state.history.map((h) => h.nodeId)).toContain('sms');
    expect(r.state.attempts.sms).toBeUndefined();
  });

  it('opting out of the four channels one by one ends the journey', () => {
    let s = waiting();
    for (const channel of ['email', 'sms', 'whatsapp'] as const)
      s = on({ type: 'opted_out', channel }, s).state;
    expect(s.status).toBe('waiting');
    expect(on({ type: 'opted_out', channel: 'call' }, s).state.exitReason).toBe('stop_contact');
  });
});
