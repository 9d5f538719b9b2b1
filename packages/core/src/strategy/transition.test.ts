import { describe, expect, it } from 'vitest';
import { defaultStrategy } from './default-strategy.js';
import type { AccountFacts, StrategyDefinition } from './definition.js';
import type { JourneyCommand, JourneyEvent, JourneyState } from './journey.js';
import { assignArm } from './split.js';
import { makeContext } from './testing.js';
import { startJourney, transition, type TransitionResult } from './transition.js';

const MX = 'America/Mexico_City';
const t = (s: string): Date => new Date(s);

/** A first-segment-arm account id of the default strategy (searched, so the hash stays the only source of truth). */
function accountIn(arm: string): string {
  const arms = defaultStrategy.segments.find((s) => s.id === 'early')?.journey.nodes.holdout_split;
  if (arms?.kind !== 'split') throw new Error('fixture');
  for (let i = 0; i < 10_000; i++)
    if (assignArm(arms.arms, defaultStrategy.id, 'holdout_split', `acct_${i}`).name === arm)
      return `acct_${i}`;
  throw new Error(`no account in ${arm}`);
}

/** A journey on the default strategy, driven by a fake clock. */
function journey(facts: Partial<AccountFacts> = {}, def: StrategyDefinition = defaultStrategy, tz = MX) {
  const ctx = makeContext(def, { accountId: accountIn('champion'), ...facts }, tz);
  let last: TransitionResult | null = null;
  const log: JourneyCommand[] = [];
  const api = {
    ctx,
    start(at: string) {
      last = startJourney(ctx, t(at));
      if (last === null) throw new Error('not enrolled');
      log.push(...last.commands);
      return last;
    },
    on(at: string, event: JourneyEvent) {
      last = transition(api.state, event, t(at), ctx);
      log.push(...last.commands);
      return last;
    },
    /** Ticks at the state's wakeAt. */
    wake() {
      const at = api.state.wakeAt;
      if (at === null) throw new Error(`not sleeping: ${api.state.status} at ${api.state.nodeId}`);
      return api.on(at, { type: 'tick' });
    },
    get state(): JourneyState {
      if (last === null) throw new Error('not started');
      return last.state;
    },
    log,
  };
  return api;
}

const sends = (cs: JourneyCommand[]): string[] =>
  cs.flatMap((c) => (c.type === 'send' || c.type === 'call' ? [`${c.type}:${c.templateId}`] : []));

describe('default strategy, 1-30 DPD (gentle), champion arm', () => {
  it('email → not opened in 3 days → WhatsApp asking for a promise → voicebot on a weekday morning → SMS → exit', () => {
    const j = journey();
    const first = j.start('2026-05-04T15:00:00Z'); // Monday 09:00 in Mexico City (UTC−6)
    expect(first.commands).toEqual([
      {
        type: 'send',
        accountId: j.ctx.account.accountId,
        nodeId: 'email_reminder',
        channel: 'email',
        templateId: 'reminder_email_v1',
        attempt: 1,
        idempotencyKey: `contact:${j.ctx.account.accountId}:email_reminder:1`,
      },
    ]);
    expect(j.state).toMatchObject({
      segmentId: 'early',
      nodeId: 'await_open',
      status: 'waiting',
      wakeAt: '2026-05-07T15:00:00.000Z',
      arms: { holdout_split: 'champion' },
    });

    expect(j.on('2026-05-06T15:00:00Z', { type: 'tick' }).commands).toEqual([]); // early tick: nothing
    expect(sends(j.wake().commands)).toEqual(['send:promise_request_whatsapp_v1']);
    expect(j.state).toMatchObject({ nodeId: 'await_promise', wakeAt: '2026-05-10T15:00:00.000Z' });

    // Sunday 09:00: the call waits for the next weekday window, Monday 10:00 local (16:00Z).
    expect(j.wake().commands).toEqual([]);
    expect(j.state).toMatchObject({ nodeId: 'voicebot_call_window', wakeAt: '2026-05-11T16:00:00.000Z' });
    const call = j.wake().commands[0];
    expect(call).toMatchObject({
      type: 'call',
      channel: 'call',
      templateId: 'voicebot_arrears_v1',
      voicemailTemplateId: 'lcm_voicemail_v1',
      nodeId: 'voicebot_call',
      attempt: 1,
    });

    expect(sends(j.wake().commands)).toEqual(['send:sms_reminder_v1']);
    const end = j.wake();
    expect(end.commands).toEqual([
      { type: 'exit', accountId: j.ctx.account.accountId, nodeId: 'unresolved', reason: 'unresolved' },
    ]);
    expect(j.state).toMatchObject({ status: 'done', wakeAt: null, exitReason: 'unresolved' });
  });

  it('opened in time: no WhatsApp at day 3; the debtor gets 4 more days before the promise request', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    expect(j.on('2026-05-05T02:00:00Z', { type: 'opened' }).commands).toEqual([]);
    expect(j.state).toMatchObject({
      nodeId: 'await_payment',
      wakeAt: '2026-05-09T02:00:00.000Z',
      lastEvent: 'opened',
    });
    expect(j.on('2026-05-07T15:00:00Z', { type: 'tick' }).commands).toEqual([]); // the old timeout no longer applies
    expect(sends(j.wake().commands)).toEqual(['send:promise_request_whatsapp_v1']);
  });

  it('a promise_to_pay reply then the recorded promise → waits until the day after the promise date + 1 day, then a broken-promise SMS', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    j.wake(); // WhatsApp
    j.on('2026-05-08T01:00:00Z', { type: 'replied', intent: 'promise_to_pay' });
    expect(j.state).toMatchObject({ nodeId: 'await_payment', lastIntent: 'promise_to_pay' });
    j.on('2026-05-08T01:00:05Z', { type: 'promised', date: '2026-05-15', amountMinor: 150_00 });
    // The 15th ends at 2026-05-16T06:00Z in Mexico City; one day of grace after that.
    expect(j.state).toMatchObject({
      nodeId: 'promise_wait',
      status: 'waiting',
      wakeAt: '2026-05-17T06:00:00.000Z',
      promise: { date: '2026-05-15', amountMinor: 150_00 },
    });
    expect(sends(j.wake().commands)).toEqual(['send:sms_reminder_v1']);
    expect(j.state.nodeId).toBe('await_after_broken');
  });

  it('a promise kept in full ends the journey before the broken-promise SMS', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    j.on('2026-05-05T15:00:00Z', { type: 'promised', date: '2026-05-10', amountMinor: 150_00 });
    const r = j.on('2026-05-10T18:00:00Z', { type: 'paid', amountMinor: 150_00, balanceAfterMinor: 0 });
    expect(r.commands).toEqual([
      { type: 'exit', accountId: j.ctx.account.accountId, nodeId: 'promise_wait', reason: 'paid_in_full' },
    ]);
    expect(j.state).toMatchObject({ status: 'exited', exitReason: 'paid_in_full', wakeAt: null });
    expect(j.on('2026-05-12T18:00:00Z', { type: 'tick' }).commands).toEqual([]);
  });

  it('a partial payment does not end the journey', () => {
    const j = journey({ balanceMinor: 100_00 });
    j.start('2026-05-04T15:00:00Z');
    j.on('2026-05-05T15:00:00Z', { type: 'paid', amountMinor: 50_00, balanceAfterMinor: 100_00 });
    expect(j.state).toMatchObject({ status: 'waiting', nodeId: 'await_payment', lastEvent: 'paid' });
  });

  it('asking for a plan → a policy-bounded offer from the offer engine, then the offer email', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    const r = j.on('2026-05-05T15:00:00Z', { type: 'replied', intent: 'payment_plan' });
    expect(r.commands.map((c) => c.type)).toEqual(['offer', 'send']);
    expect(r.commands[0]).toMatchObject({
      offer: 'payment_plan',
      policy: 'default_payment_plan',
      nodeId: 'make_offer',
    });
    expect(sends(r.commands)).toEqual(['send:payment_plan_offer_email_v1']);
  });

  it('talk_to_agent during the WhatsApp wait → escalate command to agents, and no further contact', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    j.wake();
    const r = j.on('2026-05-08T01:00:00Z', { type: 'replied', intent: 'talk_to_agent' });
    expect(r.commands).toEqual([
      {
        type: 'escalate',
        accountId: j.ctx.account.accountId,
        nodeId: null,
        queue: 'agents',
        reason: 'talk_to_agent',
      },
      { type: 'exit', accountId: j.ctx.account.accountId, nodeId: 'await_promise', reason: 'escalated' },
    ]);
    expect(j.on('2026-05-20T01:00:00Z', { type: 'tick' }).commands).toEqual([]);
  });

  it('a reply the bot cannot handle → escalate to the agents queue', () => {
    const j = journey();
    j.start('2026-05-04T15:00:00Z');
    const r = j.on('2026-05-05T15:00:00Z', { type: 'replied', intent: 'request_info' });
    expect(r.commands).toEqual([
      {
        type: 'escalate',
        accountId: j.ctx.account.accountId,
        nodeId: 'escalate_agent',
        queue: 'agents',
        reason: 'bot_cannot_help',
      },
      { type: 'exit', accountId: j.ctx.account.accountId, nodeId: 'escalated', reason: 'escalated' },
    ]);
  });
});

describe('arms', () => {
  it('the holdout gets no contact at all, whatever happens, and exits after 30 days', () => {
    const j = journey({ accountId: accountIn('holdout') });
    j.start('2026-05-04T15:00:00Z');
    expect(j.state).toMatchObject({
      arms: { holdout_split: 'holdout' },
      nodeId: 'holdout_wait',
      wakeAt: '2026-06-03T15:00:00.000Z',
    });
    j.on('2026-05-05T15:00:00Z', { type: 'opened' });
    j.on('2026-05-06T15:00:00Z', { type: 'replied', intent: 'smalltalk' });
    j.on('2026-05-07T15:00:00Z', { type: 'tick' });
    j.wake();
    expect(j.log).toEqual([
      { type: 'exit', accountId: j.ctx.account.accountId, nodeId: 'holdout_exit', reason: 'holdout' },
    ]);
  });

  it('the holdout is the same account in every segment (permanent)', () => {
    for (const dpd of [0, 10, 45, 75, 120]) {
      const r = startJourney(
        makeContext(defaultStrategy, { accountId: accountIn('holdout'), dpd }),
        t('2026-05-04T15:00:00Z'),
      );
      expect(r?.state.arms.holdout_split).toBe('holdout');
      expect(sends(r?.commands ?? [])).toEqual([]);
    }
  });

  it('the challenger of 1-30 starts with the WhatsApp promise request', () => {
    const r = journey({ accountId: accountIn('challenger') }).start('2026-05-04T15:00:00Z');
    expect(sends(r.commands)).toEqual(['send:promise_request_whatsapp_v1']);
  });

  it('61+ DPD is call-first and offers a settlement when the call gets no answer', () => {
    const j = journey({ dpd: 75 });
    expect(sends(j.start('2026-05-04T16:30:00Z').commands)).toEqual(['call:voicebot_arrears_v1']); // 10:30, in the call window
    const r = j.wake();
    expect(r.commands[0]).toMatchObject({
      type: 'offer',
      offer: 'settlement',
      policy: 'settlement_standard',
    });
    expect(sends(r.commands)).toEqual(['send:settlement_offer_email_v1']);
  });

  it('current accounts get a courtesy reminder only', () => {
    const r = journey({ dpd: 0 }).start('2026-05-04T15:00:00Z');
    expect(sends(r.commands)).toEqual(['send:courtesy_reminder_email_v1']);
    expect(r.state.status).toBe('done');
  });
});
