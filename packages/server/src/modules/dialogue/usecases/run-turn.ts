import { SaldoError } from '@saldo/core';
import { step, type DialogueAction, type DialogueContext } from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';
import type { OfferPolicy } from '@saldo/core/offers';
import type { Clock } from '../../../shared/clock/clock.js';
import type { NluService } from '../../nlu/index.js';
import type {
  ConversationStore,
  DialogueFacts,
  DialogueFactsReader,
  DialogueRecord,
  StoredTurn,
  TurnRef,
  UnitOfWork,
} from '../ports.js';
import { applyActions, type AgreementWriter } from './apply-actions.js';
import { dialogueContext, type IdentityMatcher } from './dialogue-context.js';
import { accountOfTurn, conversationForTurn } from './turn-conversation.js';
import { replayedTurn, statusOf, turnsOf } from './turn-rows.js';
import type { TurnInput, TurnOutcome } from './turn-types.js';

export { CONVERSATION_TIMEOUT_DAYS } from './turn-conversation.js';
export type { TurnInput, TurnOutcome } from './turn-types.js';

export interface RunTurnDeps {
  conversations: ConversationStore;
  facts: DialogueFactsReader;
  record: DialogueRecord;
  agreements: AgreementWriter;
  policyFor(orgId: string, portfolioId: string): Promise<OfferPolicy>;
  nlu(): Promise<NluService>;
  identityMatches: IdentityMatcher;
  tx: UnitOfWork;
  clock: Clock;
  log: (msg: string, data: Record<string, unknown>) => void;
}

/** What a turn needs before its transaction: the account's facts, the NLU's reading, the engine's context. */
interface PreparedTurn {
  facts: DialogueFacts;
  reading: NluResult;
  context: DialogueContext;
  now: Date;
}

/** Reads the message and builds the engine's context, outside any transaction (the NLU may take a while). */
async function prepareTurn(d: RunTurnDeps, i: TurnInput): Promise<PreparedTurn> {
  const accountId = await accountOfTurn(d, i);
  const facts = await d.facts.account(i.orgId, accountId);
  if (!facts || facts.debtorId !== i.debtorId)
    throw new SaldoError('not_found', `account ${accountId} of debtor ${i.debtorId} not found`);
  const now = d.clock.now();
  const [policy, nlu] = await Promise.all([d.policyFor(i.orgId, facts.portfolioId), d.nlu()]);
  const reading = await nlu.parseAsync({ text: i.text, now: now.toISOString(), timezone: facts.timeZone });
  return { facts, reading, context: dialogueContext(facts, policy, d.identityMatches, now), now };
}

/**
 * The record's side of a stored turn: the debtor's message on the timeline when no channel wrote it,
 * every action of the step, and the replies on the timeline when the send path will not write them.
 */
async function recordTurn(
  d: RunTurnDeps,
  ref: TurnRef,
  i: TurnInput,
  actions: readonly DialogueAction[],
  replies: readonly StoredTurn[],
): Promise<void> {
  if (!i.debtorOnTimeline) await d.record.turnOnTimeline(ref, 'debtor', i.text, ref.seq);
  await applyActions(d, ref, actions, i.origin.from);
  if (!i.repliesSent) for (const t of replies) await d.record.turnOnTimeline(ref, 'bot', t.text, t.seq);
}

/** In the turn's transaction: the conversation (locked or started), `step`, both sides stored, the record. */
async function writeTurn(d: RunTurnDeps, i: TurnInput, p: PreparedTurn): Promise<TurnOutcome> {
  const conv = await conversationForTurn(d.conversations, i, p.facts, p.now);
  const turn = { text: i.text, channel: i.origin.channel, understanding: p.reading };
  const r = step(conv.state, turn, p.context);
  const seq = conv.lastSeq + 1;
  const next = {
    state: r.conversation,
    status: statusOf(r.conversation.state),
    handoffQueue: r.conversation.handoff,
  };
  const stored = await d.conversations.advance(
    conv,
    next,
    turnsOf(i, p.reading, r, seq, p.now.toISOString()),
    p.now,
  );
  const ref: TurnRef = {
    orgId: i.orgId,
    debtorId: p.facts.debtorId,
    accountId: p.facts.accountId,
    conversationId: conv.id,
    seq,
    channel: i.origin.channel,
    at: p.now,
  };
  const replies = stored.filter((t) => t.actor === 'bot');
  await recordTurn(d, ref, i, r.actions, replies);
  const conversation = (await d.conversations.get(i.orgId, conv.id))!;
  return { conversation, seq, replies, actions: r.actions, duplicate: false };
}

/**
 * One debtor turn: read it with the NLU (outside the transaction), then in one transaction load or
 * start the conversation, run `step`, store both sides of the turn, write every action to the
 * record, and put on the timeline whatever no channel writes. A message already run (same
 * `sourceKey`) returns what it produced, so its replies can be sent again under the same keys.
 */
export function createRunTurn(d: RunTurnDeps) {
  return async function runTurn(i: TurnInput): Promise<TurnOutcome> {
    const prior = i.sourceKey ? await d.conversations.turnBySource(i.orgId, i.sourceKey) : null;
    if (prior) return replayedTurn(d.conversations, i.orgId, prior);
    const prepared = await prepareTurn(d, i);
    return d.tx(() => writeTurn(d, i, prepared));
  };
}
export type RunTurn = ReturnType<typeof createRunTurn>;
