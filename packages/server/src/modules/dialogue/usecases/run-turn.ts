import { SaldoError } from '@saldo/core';
import {
  newConversation,
  step,
  type DialogueAction,
  type DialogueState,
  type StepResult,
} from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';
import type { OfferPolicy } from '@saldo/core/offers';
import type { Clock } from '../../../shared/clock/clock.js';
import type { NluService } from '../../nlu/index.js';
import type {
  ConversationStatus,
  ConversationStore,
  DialogueFacts,
  DialogueFactsReader,
  DialogueRecord,
  NewTurn,
  StoredConversation,
  StoredTurn,
  TurnOrigin,
  TurnRef,
  UnitOfWork,
} from '../ports.js';
import { applyActions, type AgreementWriter } from './apply-actions.js';
import { dialogueContext, type IdentityMatcher } from './dialogue-context.js';

/** After this much silence a conversation is over: the next message starts a new one (identity asked again). */
export const CONVERSATION_TIMEOUT_DAYS = 30;

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

/** One debtor message for the engine. */
export interface TurnInput {
  orgId: string;
  debtorId: string;
  /** The account it is about; else the debtor's live conversation's, else their largest collectable one. */
  accountId?: string;
  /** A turn of an existing conversation (the API). */
  conversationId?: string;
  text: string;
  origin: TurnOrigin;
  /** What makes a redelivery of the same message a no-op (`in:<inboundId>`, the API's key), or null. */
  sourceKey: string | null;
  /** True when the channel already put the debtor's message on the timeline (inbound messages). */
  debtorOnTimeline: boolean;
  /** True when the replies are sent through Messaging.contact, which puts them on the timeline. */
  repliesSent: boolean;
}

export interface TurnOutcome {
  conversation: StoredConversation;
  /** The debtor turn's seq: replies are keyed by it. */
  seq: number;
  replies: StoredTurn[];
  actions: DialogueAction[];
  /** The message had been run before (a redelivery): nothing new was written. */
  duplicate: boolean;
}

function statusOf(state: DialogueState): ConversationStatus {
  if (state === 'closed') return 'closed';
  return state === 'handed_off' || state === 'locked' ? 'handed_off' : 'open';
}

const timedOut = (c: StoredConversation, now: Date) =>
  now.getTime() - Date.parse(c.lastTurnAt) > CONVERSATION_TIMEOUT_DAYS * 86_400_000;

/**
 * One debtor turn: read it with the NLU (outside the transaction), then in one transaction load or
 * start the conversation, run `step`, store both sides of the turn, write every action to the
 * record, and put on the timeline whatever no channel writes. A message already run (same
 * `sourceKey`) returns what it produced, so its replies can be sent again under the same keys.
 */
export function createRunTurn(d: RunTurnDeps) {
  async function replay(orgId: string, prior: { conversationId: string; seq: number }): Promise<TurnOutcome> {
    const conversation = (await d.conversations.get(orgId, prior.conversationId))!;
    const turns = await d.conversations.turns(orgId, prior.conversationId);
    return {
      conversation,
      seq: prior.seq,
      replies: turns.filter((t) => t.answersSeq === prior.seq),
      actions: turns.find((t) => t.seq === prior.seq)?.actions ?? [],
      duplicate: true,
    };
  }

  async function accountOf(i: TurnInput): Promise<string> {
    if (i.conversationId) {
      const c = await d.conversations.get(i.orgId, i.conversationId);
      if (!c) throw new SaldoError('not_found', `conversation ${i.conversationId} not found`);
      return c.accountId;
    }
    if (i.accountId) return i.accountId;
    const live = await d.conversations.latestLiveOfDebtor(i.orgId, i.debtorId);
    if (live && !timedOut(live, d.clock.now())) return live.accountId;
    const id = await d.facts.defaultAccountOf(i.orgId, i.debtorId);
    if (!id) throw new SaldoError('not_found', `debtor ${i.debtorId} has no account`);
    return id;
  }

  async function conversationFor(i: TurnInput, f: DialogueFacts, now: Date): Promise<StoredConversation> {
    if (i.conversationId) {
      const c = await d.conversations.getForUpdate(i.orgId, i.conversationId);
      if (!c) throw new SaldoError('not_found', `conversation ${i.conversationId} not found`);
      return c;
    }
    const live = await d.conversations.liveForUpdate(i.orgId, f.debtorId, f.accountId);
    if (live && !timedOut(live, now)) return live;
    if (live) await d.conversations.close(i.orgId, live.id, now);
    return d.conversations.create({
      orgId: i.orgId,
      debtorId: f.debtorId,
      accountId: f.accountId,
      state: newConversation(f.language),
      channel: i.origin.channel,
      at: now,
    });
  }

  function turnsOf(i: TurnInput, reading: NluResult, r: StepResult, seq: number, at: string): NewTurn[] {
    const base = { channel: i.origin.channel, at };
    return [
      {
        ...base,
        actor: 'debtor',
        text: i.text,
        reading,
        actions: r.actions,
        replyKind: null,
        replyContent: null,
        answersSeq: null,
        replyIndex: null,
        sourceKey: i.sourceKey,
      },
      ...r.replies.map((reply, index): NewTurn => ({
        ...base,
        actor: 'bot',
        text: reply.text,
        reading: null,
        actions: [],
        replyKind: reply.kind,
        replyContent: reply.content,
        answersSeq: seq,
        replyIndex: index,
        sourceKey: null,
      })),
    ];
  }

  return async function runTurn(i: TurnInput): Promise<TurnOutcome> {
    const prior = i.sourceKey ? await d.conversations.turnBySource(i.orgId, i.sourceKey) : null;
    if (prior) return replay(i.orgId, prior);
    const accountId = await accountOf(i);
    const facts = await d.facts.account(i.orgId, accountId);
    if (!facts || facts.debtorId !== i.debtorId)
      throw new SaldoError('not_found', `account ${accountId} of debtor ${i.debtorId} not found`);
    const now = d.clock.now();
    const [policy, nlu] = await Promise.all([d.policyFor(i.orgId, facts.portfolioId), d.nlu()]);
    const reading: NluResult = await nlu.parseAsync({
      text: i.text,
      now: now.toISOString(),
      timezone: facts.timeZone,
    });
    const context = dialogueContext(facts, policy, d.identityMatches, now);
    return d.tx(async () => {
      const conv = await conversationFor(i, facts, now);
      const r = step(
        conv.state,
        { text: i.text, channel: i.origin.channel, understanding: reading },
        context,
      );
      const seq = conv.lastSeq + 1;
      const stored = await d.conversations.advance(
        conv,
        {
          state: r.conversation,
          status: statusOf(r.conversation.state),
          handoffQueue: r.conversation.handoff,
        },
        turnsOf(i, reading, r, seq, now.toISOString()),
        now,
      );
      const ref: TurnRef = {
        orgId: i.orgId,
        debtorId: facts.debtorId,
        accountId: facts.accountId,
        conversationId: conv.id,
        seq,
        channel: i.origin.channel,
        at: now,
      };
      if (!i.debtorOnTimeline) await d.record.turnOnTimeline(ref, 'debtor', i.text, seq);
      await applyActions(d, ref, r.actions, i.origin.from);
      const replies = stored.filter((t) => t.actor === 'bot');
      if (!i.repliesSent) for (const t of replies) await d.record.turnOnTimeline(ref, 'bot', t.text, t.seq);
      const conversation = (await d.conversations.get(i.orgId, conv.id))!;
      return { conversation, seq, replies, actions: r.actions, duplicate: false };
    });
  };
}
export type RunTurn = ReturnType<typeof createRunTurn>;
