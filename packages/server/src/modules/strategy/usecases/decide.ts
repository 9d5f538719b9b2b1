import { SaldoError } from '@saldo/core';
import {
  startJourney,
  transition,
  type JourneyEvent,
  type StrategyDefinition,
  type TransitionResult,
} from '@saldo/core/strategy';
import type { JourneyWrite, LoadedJourney, StrategyStore } from '../ports.js';

/** Published versions are immutable: cache them per (org, id, version) for the life of the process. */
export interface Definitions {
  get(orgId: string, strategyId: string, version: number): Promise<StrategyDefinition>;
}

export function createDefinitions(store: StrategyStore): Definitions {
  const cache = new Map<string, Promise<StrategyDefinition>>();
  return {
    get(orgId, strategyId, version) {
      const key = `${orgId}|${strategyId}|${version}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = store.get(orgId, strategyId, version).then((v) => {
          if (!v || v.status !== 'published')
            throw new SaldoError(
              'not_found',
              `strategy ${strategyId}@${version} is not published in ${orgId}`,
            );
          return v.definition;
        });
        hit.catch(() => cache.delete(key));
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

function toWrite(j: LoadedJourney, r: TransitionResult): JourneyWrite {
  const wasRunning = j.state === null || (j.state.status !== 'done' && j.state.status !== 'exited');
  // `exited` = stopped early (hard stop, escalation, safety): contacts still queued must not go out.
  return { state: r.state, commands: r.commands, cancelPending: wasRunning && r.state.status === 'exited' };
}

/**
 * One decision for a journey: a pending journey is started (segment chosen now, previous attempt
 * counters carried so idempotency keys never repeat), then the event is applied. Null when the
 * account matches no segment of the strategy (the journey exits `no_segment`).
 */
export function decide(
  j: LoadedJourney,
  definition: StrategyDefinition,
  event: JourneyEvent,
  now: Date,
): JourneyWrite {
  const ctx = { definition, account: j.facts, timezone: j.timezone };
  if (j.state === null) {
    const started = startJourney(ctx, now, { attempts: j.carryAttempts });
    if (started === null) return { state: noSegment(j, definition, now), commands: [] };
    if (event.type === 'tick') return toWrite(j, started);
    const next = transition(started.state, event, now, ctx);
    return toWrite(j, {
      state: next.state,
      commands: [...started.commands, ...next.commands],
      steps: started.steps + next.steps,
    });
  }
  return toWrite(j, transition(j.state, event, now, ctx));
}

function noSegment(j: LoadedJourney, d: StrategyDefinition, now: Date) {
  const at = now.toISOString();
  return {
    accountId: j.accountId,
    strategyId: d.id,
    strategyVersion: d.version,
    segmentId: 'none',
    nodeId: 'none',
    status: 'exited' as const,
    wakeAt: null,
    nodeEnteredAt: at,
    attempts: { ...j.carryAttempts },
    arms: {},
    optedOut: [],
    history: [],
    exitReason: 'no_segment',
  };
}
