import { describe, expect, it } from 'vitest';
import { defaultStrategy } from './default-strategy.js';
import type { StrategyDefinition, StrategyNode } from './definition.js';
import type { JourneyState } from './journey.js';
import { makeContext, makeFacts } from './testing.js';
import { startJourney, transition } from './transition.js';
import { migrateJourney } from './versioning.js';

const t0 = new Date('2026-05-04T15:00:00Z');

/** A copy of the default strategy as version 2, with the early segment's nodes edited. */
function v2(edit: (nodes: Record<string, StrategyNode>) => void): StrategyDefinition {
  const def = structuredClone(defaultStrategy) as StrategyDefinition;
  def.version = 2;
  const early = def.segments.find((s) => s.id === 'early');
  if (early) edit(early.journey.nodes);
  return def;
}

function waitingOnOpen(): JourneyState {
  for (let i = 0; i < 200; i++) {
    const r = startJourney(makeContext(defaultStrategy, { accountId: `acct_${i}` }), t0);
    if (r?.state.nodeId === 'await_open') return r.state;
  }
  throw new Error('fixture');
}

describe('migrateJourney', () => {
  it('move: keeps the node id, counters and wake time, and runs the new version from there', () => {
    const state = waitingOnOpen();
    const next = v2((n) => {
      n.whatsapp_promise = {
        kind: 'send',
        channel: 'sms',
        template: 'sms_reminder_v1',
        next: 'await_promise',
      };
    });
    const r = migrateJourney(state, defaultStrategy, next, 'move');
    expect(r.outcome).toBe('moved');
    expect(r.state).toEqual({ ...state, strategyVersion: 2 });
    const woke = transition(
      r.state,
      { type: 'tick' },
      new Date(state.wakeAt as string),
      makeContext(next, { accountId: state.accountId }),
    );
    expect(woke.commands[0]).toMatchObject({
      type: 'send',
      channel: 'sms',
      nodeId: 'whatsapp_promise',
      attempt: 1,
    });
  });

  it('finish_on_old: the journey stays on its version', () => {
    const state = waitingOnOpen();
    expect(
      migrateJourney(
        state,
        defaultStrategy,
        v2(() => {}),
        'finish_on_old',
      ),
    ).toEqual({ state, outcome: 'kept_on_old', reason: 'finish_on_old' });
  });

  it('fallback: a node removed in the new version keeps the journey on the old one', () => {
    const state = waitingOnOpen();
    const next = v2((n) => {
      delete n.await_open;
      n.email_reminder = {
        kind: 'send',
        channel: 'email',
        template: 'reminder_email_v1',
        next: 'whatsapp_promise',
      };
    });
    expect(migrateJourney(state, defaultStrategy, next, 'move')).toEqual({
      state,
      outcome: 'kept_on_old',
      reason: 'node_removed',
    });
  });

  it('fallback: a removed segment keeps the journey on the old version', () => {
    const state = waitingOnOpen();
    const next = structuredClone(defaultStrategy) as StrategyDefinition;
    next.version = 2;
    next.segments = next.segments.filter((s) => s.id !== 'early');
    expect(migrateJourney(state, defaultStrategy, next, 'move').reason).toBe('segment_removed');
  });

  it('a node that changed kind becomes active so the next tick runs the new node', () => {
    const state = waitingOnOpen();
    const next = v2((n) => {
      n.await_open = { kind: 'send', channel: 'sms', template: 'sms_reminder_v1', next: 'whatsapp_promise' };
    });
    const r = migrateJourney(state, defaultStrategy, next, 'move');
    expect(r.state).toMatchObject({ status: 'active', wakeAt: state.wakeAt, strategyVersion: 2 });
    const ran = transition(
      r.state,
      { type: 'tick' },
      new Date(state.wakeAt as string),
      makeContext(next, makeFacts({ accountId: state.accountId })),
    );
    expect(ran.commands.map((c) => (c.type === 'send' ? c.nodeId : c.type))).toEqual([
      'await_open',
      'whatsapp_promise',
    ]);
  });

  it('finished journeys do not move; mismatched versions are refused', () => {
    const done: JourneyState = { ...waitingOnOpen(), status: 'done', wakeAt: null };
    expect(
      migrateJourney(
        done,
        defaultStrategy,
        v2(() => {}),
        'move',
      ).outcome,
    ).toBe('finished');
    expect(() => migrateJourney(waitingOnOpen(), defaultStrategy, defaultStrategy, 'move')).toThrow(
      /newer version/,
    );
    const other = v2(() => {});
    expect(() => migrateJourney(waitingOnOpen(), other, { ...other, version: 3 }, 'move')).toThrow(
      /journey is on/,
    );
  });
});
