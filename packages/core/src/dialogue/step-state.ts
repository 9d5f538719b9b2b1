/**
 * The work area of one step: the conversation being changed, the sentences of the reply, the actions.
 * Paths add to it through the helpers below; `engine.ts` turns it into a `StepResult`.
 */
import type {
  Turn,
  Conversation,
  DialogueAction,
  DialogueContext,
  HandoffQueue,
  ReplyKind,
} from './types.js';
import type { ReplyKey } from './replies/catalog-es.js';
import type { ReplyPart } from './replies/compose.js';
import { formatDate, formatMoney, type ReplyFormat } from './replies/render.js';
import { handoffSummary } from './summary.js';
import type { LocalNow } from '../nlu/civil.js';

export interface StepState {
  conv: Conversation;
  ctx: DialogueContext;
  turn: Turn;
  format: ReplyFormat;
  local: LocalNow;
  /** The debtor's date today, `YYYY-MM-DD`. */
  today: string;
  parts: ReplyPart[];
  kind: ReplyKind;
  actions: DialogueAction[];
}

export function say(s: StepState, key: ReplyKey, vars?: Readonly<Record<string, string>>): void {
  s.parts.push(vars ? { key, vars } : { key });
}

export function act(s: StepState, action: DialogueAction): void {
  s.actions.push(action);
}

export function money(s: StepState, minor: number): string {
  return formatMoney(minor, s.ctx.account.currency, s.format.intlLocale);
}

export function date(s: StepState, civil: string): string {
  return formatDate(civil, s.format.intlLocale);
}

/** The account's facts as reply values; only ever used after verification. */
export function accountVars(s: StepState): Record<string, string> {
  return {
    collector: s.ctx.account.collectorName,
    creditor: s.ctx.account.creditorName,
    balance: money(s, s.ctx.account.balanceMinor),
    today: date(s, s.today),
  };
}

/** Hands the conversation to a person in `queue`, with what happened so far. */
export function handoff(s: StepState, queue: HandoffQueue): void {
  s.conv.handoff = queue;
  if (s.conv.state !== 'closed' && s.conv.state !== 'locked') s.conv.state = 'handed_off';
  s.conv.pending = null;
  act(s, { type: 'handoff', queue, summary: handoffSummary(s.conv, s.format) });
}

/** Ends the conversation: nothing more is sent through it. */
export function close(s: StepState): void {
  s.conv.state = 'closed';
  s.conv.pending = null;
  s.conv.draft = null;
}

/** The open question of what to do next; after hardship, without asking for the whole balance. */
export function askHowToResolve(s: StepState): void {
  say(s, s.conv.signals.hardship ? 'how_to_resolve_gently' : 'how_to_resolve');
}
