import { assertUnreachable } from '../errors/index.js';
import type { AccountFacts, NodeOf, Segment, StrategyDefinition, StrategyNode } from './definition.js';
import { HISTORY_LIMIT, contactKey, type JourneyCommand, type JourneyState } from './journey.js';
import { allHold } from './segment.js';
import { assignArm } from './split.js';
import { addDuration, dayAfter, nextWindowStart } from './time.js';

/**
 * The bounded graph interpreter behind `transition`. It mutates a private working copy (`Run`);
 * `transition` copies the caller's state first, so the public API stays pure.
 */

/**
 * Nodes entered per transition before the engine gives up and exits safely (`step_limit`).
 *
 * @example
 * transition(state, event, now, ctx).steps <= MAX_STEPS; // always true
 */
export const MAX_STEPS = 50;

/** What the engine needs besides state and event. */
export interface TransitionContext {
  definition: StrategyDefinition;
  account: AccountFacts;
  /** The debtor's IANA zone, for waits and windows. */
  timezone: string;
}

/** A transition in progress. */
export interface Run {
  state: JourneyState;
  commands: JourneyCommand[];
  steps: number;
}

export function segmentOf(state: JourneyState, def: StrategyDefinition): Segment | undefined {
  return def.segments.find((s) => s.id === state.segmentId);
}

export function nodeOf(
  state: JourneyState,
  def: StrategyDefinition,
  nodeId = state.nodeId,
): StrategyNode | undefined {
  const nodes = segmentOf(state, def)?.journey.nodes;
  return nodes !== undefined && Object.hasOwn(nodes, nodeId) ? nodes[nodeId] : undefined;
}

/** Ends the journey early with a reason; the runner records the `exit` command. */
export function safeExit(run: Run, reason: string): void {
  const s = run.state;
  run.commands.push({ type: 'exit', accountId: s.accountId, nodeId: s.nodeId, reason });
  s.status = 'exited';
  s.wakeAt = null;
  s.exitReason = reason;
}

/** Enters `nodeId` and keeps going until the journey suspends, ends, or hits the step bound. */
export function runFrom(run: Run, nodeId: string, now: Date, ctx: TransitionContext): void {
  let next: string | null = nodeId;
  while (next !== null) {
    if (run.steps >= MAX_STEPS) {
      // A loop in zero time is a definition bug (the validator rejects it): better no contact
      // than fifty, so this transition's commands are dropped and only the exit remains.
      run.commands.length = 0;
      safeExit(run, 'step_limit');
      return;
    }
    run.steps++;
    next = enter(run, next, now, ctx);
  }
}

/** Resumes a suspended node whose time has come: a `wait` continues, a `wait_for` times out. */
export function resume(run: Run, now: Date, ctx: TransitionContext): void {
  const node = nodeOf(run.state, ctx.definition);
  if (node === undefined) return safeExit(run, 'unknown_node');
  if (node.kind === 'wait') return runFrom(run, node.next, now, ctx);
  if (node.kind === 'wait_for') {
    if (node.onTimeout === undefined) return safeExit(run, 'wait_for_without_timeout');
    return runFrom(run, node.onTimeout, now, ctx);
  }
  // Suspended on a node that does not wait (a version move onto a changed node): run it again.
  return runFrom(run, run.state.nodeId, now, ctx);
}

/** Executes one node; returns the successor to enter now, or null when suspended or ended. */
function enter(run: Run, nodeId: string, now: Date, ctx: TransitionContext): string | null {
  const s = run.state;
  s.nodeId = nodeId;
  s.nodeEnteredAt = now.toISOString();
  s.status = 'active';
  s.wakeAt = null;
  s.history.push({ nodeId, at: s.nodeEnteredAt });
  if (s.history.length > HISTORY_LIMIT) s.history.splice(0, s.history.length - HISTORY_LIMIT);
  const node = nodeOf(s, ctx.definition, nodeId);
  if (node === undefined) {
    safeExit(run, 'unknown_node');
    return null;
  }
  switch (node.kind) {
    case 'send':
    case 'call':
      return contact(run, nodeId, node, now);
    case 'wait':
      return wait(run, node, now, ctx);
    case 'wait_for':
      s.status = 'waiting';
      s.wakeAt =
        node.timeout === undefined ? null : addDuration(now, node.timeout, ctx.timezone).toISOString();
      return null;
    case 'branch': {
      const facts = { lastEvent: s.lastEvent, lastIntent: s.lastIntent };
      return node.branches.find((b) => allHold(b.when, ctx.account, facts))?.next ?? node.otherwise;
    }
    case 'split': {
      const kept = node.arms.find((a) => a.name === s.arms[nodeId]);
      const arm = kept ?? assignArm(node.arms, s.strategyId, nodeId, s.accountId);
      s.arms[nodeId] = arm.name;
      return arm.next;
    }
    case 'escalate':
      run.commands.push({
        type: 'escalate',
        accountId: s.accountId,
        nodeId,
        queue: node.queue,
        reason: node.reason ?? 'strategy',
      });
      return node.next;
    case 'offer':
      run.commands.push({
        type: 'offer',
        accountId: s.accountId,
        nodeId,
        offer: node.offer,
        policy: node.policy,
      });
      return node.next;
    case 'set_status':
      run.commands.push({ type: 'set_status', accountId: s.accountId, nodeId, status: node.status });
      return node.next;
    case 'exit': {
      const reason = node.reason ?? 'completed';
      run.commands.push({ type: 'exit', accountId: s.accountId, nodeId, reason });
      s.status = 'done';
      s.exitReason = reason;
      return null;
    }
    default:
      return assertUnreachable(node, 'strategy node');
  }
}

/** A send or call. A channel the debtor opted out of is skipped (no command), not retried. */
function contact(run: Run, nodeId: string, node: NodeOf<'send'> | NodeOf<'call'>, now: Date): string {
  const s = run.state;
  const channel = node.kind === 'send' ? node.channel : 'call';
  if (s.optedOut.includes(channel)) return node.next;
  const attempt = (s.attempts[nodeId] ?? 0) + 1;
  s.attempts[nodeId] = attempt;
  s.lastContact = { nodeId, attempt, at: now.toISOString() };
  const base = {
    accountId: s.accountId,
    nodeId,
    templateId: node.template,
    attempt,
    idempotencyKey: contactKey(s.accountId, nodeId, attempt),
  };
  if (node.kind === 'send') run.commands.push({ type: 'send', channel: node.channel, ...base });
  else
    run.commands.push({
      type: 'call',
      channel: 'call',
      ...base,
      ...(node.voicemailTemplate ? { voicemailTemplateId: node.voicemailTemplate } : {}),
    });
  return node.next;
}

/** duration (optionally from the day after the promise date), then the next window; passes through when already due. */
function wait(run: Run, node: NodeOf<'wait'>, now: Date, ctx: TransitionContext): string | null {
  const s = run.state;
  let at = now;
  if (node.fromPromiseDate === true && s.promise !== undefined) {
    const after = dayAfter(s.promise.date, ctx.timezone);
    if (after !== null && after > at) at = after;
  }
  if (node.duration !== undefined) at = addDuration(at, node.duration, ctx.timezone);
  if (node.until !== undefined) at = nextWindowStart(at, node.until, ctx.timezone);
  if (at.getTime() <= now.getTime()) return node.next;
  s.status = 'waiting';
  s.wakeAt = at.toISOString();
  return null;
}
