import { SaldoError, assertUnreachable } from '../errors/index.js';
import type { NodeOf, WaitEvent } from './definition.js';
import { applyGlobalRules } from './global-rules.js';
import { nodeOf, resume, runFrom, safeExit, type Run, type TransitionContext } from './interpreter.js';
import type { JourneyCommand, JourneyEvent, JourneyState } from './journey.js';
import { matchSegment } from './segment.js';

export { MAX_STEPS, type TransitionContext } from './interpreter.js';

/** The new state and what the runner must do. `steps` = nodes entered (≤ `MAX_STEPS`). */
export interface TransitionResult {
  state: JourneyState;
  commands: JourneyCommand[];
  steps: number;
}

/**
 * The pure strategy engine: `(state, event, now) → { state, commands }`. Never reads a clock,
 * never does I/O, never mutates its input. Order of evaluation:
 *
 * 1. terminal states (`done`/`exited`) ignore every event;
 * 2. global rules (see `global-rules.ts`): hard stops and escalations may end the journey;
 * 3. facts are recorded (`lastEvent`, `lastIntent`, `promise`);
 * 4. time: a wait that is due resumes (a `wait` continues, a `wait_for` takes `onTimeout`) —
 *    with any event, so a runner late with its tick cannot reorder time; a `tick` on an
 *    `active` state runs it from its current node;
 * 5. the event drives the graph: a listened event takes a `wait_for` to `onEvent`; a compliance
 *    refusal of the contact that started the current wait pushes the wait back by the refusal
 *    delay (the 3 days of "not opened in 3 days" start when the email can actually go out).
 *
 * @example
 * const { state, commands } = transition(journey, { type: 'tick' }, new Date('2026-05-04T15:00:00Z'),
 *   { definition: defaultStrategy, account: facts, timezone: 'America/Mexico_City' });
 * // commands: [{ type: 'send', channel: 'whatsapp', templateId: 'promise_request_whatsapp_v1', idempotencyKey: 'contact:acct_1:whatsapp_promise:1', … }]
 * // state.wakeAt: when to call transition with { type: 'tick' } next
 */
export function transition(
  state: JourneyState,
  event: JourneyEvent,
  now: Date,
  ctx: TransitionContext,
): TransitionResult {
  if (state.strategyId !== ctx.definition.id || state.strategyVersion !== ctx.definition.version) {
    throw new SaldoError(
      'conflict',
      `journey is on ${state.strategyId}@${state.strategyVersion}, definition is ${ctx.definition.id}@${ctx.definition.version}`,
    );
  }
  const run: Run = { state: copyState(state), commands: [], steps: 0 };
  const s = run.state;
  if (s.status === 'done' || s.status === 'exited') return run;

  const node = nodeOf(s, ctx.definition);
  const waitingFor = s.status === 'waiting' && node?.kind === 'wait_for' ? node : undefined;
  const global = applyGlobalRules(s, event, waitingFor, ctx.account.balanceMinor);
  if (global.kind === 'exit') {
    if (global.escalate)
      run.commands.push({ type: 'escalate', accountId: s.accountId, nodeId: null, ...global.escalate });
    safeExit(run, global.reason);
    return run;
  }
  recordFacts(s, event);

  // Time first: whatever the event, a wait that fell due before it (a runner late with its
  // tick) resumes now, after the global rules so that nothing is sent past a hard stop.
  if (s.status === 'active' && event.type === 'tick') runFrom(run, s.nodeId, now, ctx);
  else if (isDue(s, now)) resume(run, now, ctx);

  switch (event.type) {
    case 'contact_result':
      if (event.outcome === 'refused' && event.nextAllowedAt !== undefined)
        deferWait(s, event.nodeId, event.attempt, event.nextAllowedAt);
      return run;
    case 'opened':
    case 'clicked':
    case 'replied':
    case 'paid':
    case 'promised': {
      const current = s.status === 'waiting' ? nodeOf(s, ctx.definition) : undefined;
      if (current?.kind === 'wait_for' && listens(current, event)) runFrom(run, current.onEvent, now, ctx);
      return run;
    }
    case 'tick':
    case 'disputed':
    case 'opted_out':
    case 'status_changed':
      return run;
    default:
      return assertUnreachable(event, 'journey event');
  }
}

function isDue(s: JourneyState, now: Date): boolean {
  return s.status === 'waiting' && s.wakeAt !== null && Date.parse(s.wakeAt) <= now.getTime();
}

/**
 * Enrols an account: picks the first matching segment and runs its journey from the entry node.
 * Returns null when no segment matches. `attempts` carries the contact counters of the account's
 * previous journey, so idempotency keys stay unique per account across re-enrolments.
 *
 * @example
 * const started = startJourney({ definition: defaultStrategy, account: facts, timezone: 'Europe/Madrid' }, now);
 * if (started) await runner.save(started.state, started.commands);
 */
export function startJourney(
  ctx: TransitionContext,
  now: Date,
  carry: { attempts?: Record<string, number> } = {},
): TransitionResult | null {
  const segment = matchSegment(ctx.definition, ctx.account);
  if (segment === null) return null;
  const state: JourneyState = {
    accountId: ctx.account.accountId,
    strategyId: ctx.definition.id,
    strategyVersion: ctx.definition.version,
    segmentId: segment.id,
    nodeId: segment.journey.entry,
    status: 'active',
    wakeAt: null,
    nodeEnteredAt: now.toISOString(),
    attempts: { ...carry.attempts },
    arms: {},
    optedOut: [],
    history: [],
  };
  return transition(state, { type: 'tick' }, now, ctx);
}

/**
 * Whether a `wait_for` takes this event to `onEvent`.
 *
 * @example
 * listens({ kind: 'wait_for', events: ['replied'], intents: ['promise_to_pay'], onEvent: 'a', timeout: 'P1D', onTimeout: 'b' }, { type: 'replied', intent: 'dispute' }); // false
 */
export function listens(node: NodeOf<'wait_for'>, event: JourneyEvent): boolean {
  const type = event.type as WaitEvent;
  if (!node.events.includes(type) && !node.events.includes('any')) return false;
  if (event.type === 'replied' && node.intents !== undefined)
    return node.intents.some((i) => i === event.intent);
  return true;
}

function recordFacts(s: JourneyState, event: JourneyEvent): void {
  switch (event.type) {
    case 'replied':
      s.lastEvent = 'replied';
      s.lastIntent = event.intent;
      return;
    case 'promised':
      s.promise = { date: event.date, amountMinor: event.amountMinor };
      s.lastEvent = event.type;
      return;
    case 'opened':
    case 'clicked':
    case 'paid':
    case 'disputed':
      s.lastEvent = event.type;
      return;
    case 'tick':
    case 'contact_result':
    case 'opted_out':
    case 'status_changed':
      return;
    default:
      return assertUnreachable(event, 'journey event');
  }
}

/** Pushes back the current wait when the contact that preceded it was refused until later. */
function deferWait(s: JourneyState, nodeId: string, attempt: number, nextAllowedAt: string): void {
  const c = s.lastContact;
  if (c === undefined || c.nodeId !== nodeId || c.attempt !== attempt) return;
  if (s.status !== 'waiting' || s.wakeAt === null || s.nodeEnteredAt !== c.at) return;
  const from = Date.parse(c.deferredUntil ?? c.at);
  const to = Date.parse(nextAllowedAt);
  if (!(to > from)) return;
  s.wakeAt = new Date(Date.parse(s.wakeAt) + (to - from)).toISOString();
  c.deferredUntil = new Date(to).toISOString();
}

function copyState(s: JourneyState): JourneyState {
  return {
    ...s,
    attempts: { ...s.attempts },
    arms: { ...s.arms },
    optedOut: [...s.optedOut],
    history: s.history.map((h) => ({ ...h })),
    ...(s.promise ? { promise: { ...s.promise } } : {}),
    ...(s.lastContact ? { lastContact: { ...s.lastContact } } : {}),
  };
}
