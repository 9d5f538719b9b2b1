/**
 * Ports of the dialogue module: where conversations and their turns are kept, what the runner
 * reads about a debtor and an account to build the engine's context, and how the engine's actions
 * reach the record. Every write of one turn happens in one transaction (`UnitOfWork`).
 */
import type { Channel, PreferenceChannel, TwoWayChannel } from '@saldo/core/channels';
import type {
  Conversation,
  DialogueAction,
  HandoffQueue,
  HandoffSummary,
  HoursPreference,
  Reply,
  ReplyKind,
} from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';

export const conversationStatuses = ['open', 'handed_off', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export interface StoredConversation {
  id: string;
  orgId: string;
  debtorId: string;
  accountId: string;
  state: Conversation;
  status: ConversationStatus;
  lastChannel: TwoWayChannel;
  handoffQueue: HandoffQueue | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  lastTurnAt: string;
}

export interface StoredTurn {
  seq: number;
  actor: 'debtor' | 'bot';
  channel: TwoWayChannel;
  text: string;
  /** Debtor turns: what the NLU read. */
  reading: NluResult | null;
  /** Debtor turns: the actions the step emitted. */
  actions: DialogueAction[];
  /** Bot turns: what the reply is for (identity check, disclosure, conversation). */
  replyKind: ReplyKind | null;
  /** Bot turns: the required content the text carries (the compliance check of its send). */
  replyContent: Reply['content'] | null;
  /** Bot turns: the debtor turn they answer, and their place in that answer. */
  answersSeq: number | null;
  replyIndex: number | null;
  at: string;
}

export type NewTurn = Omit<StoredTurn, 'seq'> & { sourceKey: string | null };

export interface ConversationStore {
  /** The live (not closed) conversation of a debtor's account, locked for this transaction. */
  liveForUpdate(orgId: string, debtorId: string, accountId: string): Promise<StoredConversation | null>;
  /** The debtor's most recently active live conversation (which account a message is about). */
  latestLiveOfDebtor(orgId: string, debtorId: string): Promise<StoredConversation | null>;
  get(orgId: string, id: string): Promise<StoredConversation | null>;
  getForUpdate(orgId: string, id: string): Promise<StoredConversation | null>;
  create(c: {
    orgId: string;
    debtorId: string;
    accountId: string;
    state: Conversation;
    channel: TwoWayChannel;
    at: Date;
  }): Promise<StoredConversation>;
  /** Writes the new engine state and appends the turns after `lastSeq`, in order. */
  advance(
    c: StoredConversation,
    next: { state: Conversation; status: ConversationStatus; handoffQueue: HandoffQueue | null },
    turns: readonly NewTurn[],
    at: Date,
  ): Promise<StoredTurn[]>;
  /** Closes a conversation (30 days of silence) so that a new one can start. */
  close(orgId: string, id: string, at: Date): Promise<void>;
  /** The debtor turn a source (an inbound message, an API turn) produced, if it was already run. */
  turnBySource(orgId: string, sourceKey: string): Promise<{ conversationId: string; seq: number } | null>;
  turns(orgId: string, conversationId: string): Promise<StoredTurn[]>;
  listForAccount(orgId: string, accountId: string, limit: number): Promise<StoredConversation[]>;
  listForDebtor(orgId: string, debtorId: string, limit: number): Promise<StoredConversation[]>;
}

/** What the engine's context needs about an account and its debtor. */
export interface DialogueFacts {
  orgId: string;
  accountId: string;
  debtorId: string;
  portfolioId: string;
  status: string;
  balanceMinor: number;
  currency: string;
  delinquentSince: string | null;
  creditorName: string;
  collectorName: string;
  language: 'es' | 'en';
  country: string;
  timeZone: string;
  dobHash: string | null;
  nationalIdHash: string | null;
}

export interface DialogueFactsReader {
  /** The account's facts, or null when it is not the organisation's. */
  account(orgId: string, accountId: string): Promise<DialogueFacts | null>;
  /** The account a message from this debtor is about when no conversation is live: the largest collectable one. */
  defaultAccountOf(orgId: string, debtorId: string): Promise<string | null>;
  /** The call a voice webhook speaks of (the outbound voicebot call Saldo placed), or null. */
  callOf(orgId: string, callId: string): Promise<PlacedCall | null>;
  /** The debtor whose phone calls in (never a number a wrong party answered on), or null. */
  callerOf(orgId: string, phone: string): Promise<Caller | null>;
}

/** A debtor calling Saldo's number: their account to talk about and how to greet them. */
export interface Caller {
  debtorId: string;
  accountId: string;
  language: 'es' | 'en';
  country: string;
  /** The organisation's name, said when answering. */
  collectorName: string;
}

/** Callbacks asked for by a call in: an agent task per call, and the call on the timeline. */
export interface CallbackRequests {
  /** Opens the task once per call (a webhook delivered again adds nothing); false when it already was. */
  open(orgId: string, caller: Caller, call: { callId: string; from: string; at: Date }): Promise<boolean>;
}

/** An outbound call of the send path: whom it reached, about which account, under which send key. */
export interface PlacedCall {
  debtorId: string;
  accountId: string;
  idempotencyKey: string;
  language: 'es' | 'en';
  country: string;
}

/** Where a turn came from: the channel, and the sender's address when a provider carried it. */
export interface TurnOrigin {
  channel: TwoWayChannel;
  /** The sender's address (E.164, e-mail): the contact point a wrong party stops. */
  from: string | null;
}

/** Which conversation turn a fact written to the record comes from. */
export interface TurnRef {
  orgId: string;
  debtorId: string;
  accountId: string;
  conversationId: string;
  /** The debtor turn's seq. */
  seq: number;
  channel: TwoWayChannel;
  at: Date;
}

/** Statuses the dialogue moves an account to (through the status machine). */
export type DialogueStatusMove = 'disputed' | 'deceased' | 'bankrupt' | 'cease';

/**
 * The record side of the engine's actions other than agreements (promises, plans and settlements
 * go through the record's offer gate). The adapter writes in the caller's transaction, each fact
 * with its timeline entry and, where journeys react to it, its domain event.
 */
export interface DialogueRecord {
  openDispute(t: TurnRef): Promise<void>;
  /** An account status change the status machine allows; false (and nothing written) otherwise. */
  moveStatus(t: TurnRef, to: DialogueStatusMove, why: string): Promise<boolean>;
  /** Hardship: the debtor's vulnerability flag (the offer policy's hardship rules then apply). */
  flagHardship(t: TurnRef): Promise<void>;
  /** The channel's consent withdrawn, and the opt-out event journeys react to. */
  withdrawConsent(t: TurnRef, channel: PreferenceChannel): Promise<void>;
  /** The contact point the turn came from is marked wrong party: it is never used again. */
  stopContactPoint(t: TurnRef, address: string): Promise<boolean>;
  setContactPreference(
    t: TurnRef,
    p: { channel: PreferenceChannel | null; hours?: HoursPreference },
  ): Promise<void>;
  /** A fact without a table of its own (already-paid claim, pause, payment link…): a timeline note. */
  note(t: TurnRef, summary: string, data: Record<string, unknown>): Promise<void>;
  /** The handoff: an open task in the queue with the engine's summary, and its domain event. */
  handoff(t: TurnRef, queue: HandoffQueue, summary: HandoffSummary): Promise<string>;
  /** A turn on the timeline when no channel wrote it (API and voice turns, replies not sent). */
  turnOnTimeline(t: TurnRef, actor: 'debtor' | 'bot', text: string, seq: number): Promise<void>;
}

export type UnitOfWork = <T>(fn: () => Promise<T>) => Promise<T>;

/** Why a rewording came back empty-handed: the endpoint's failures (the reply is sent as written). */
export const rephraserFailures = ['timeout', 'network', 'http', 'malformed'] as const;
export type RephraserFailure = (typeof rephraserFailures)[number];

/**
 * The optional rewording of a bot reply by a language model (off by default). It receives the
 * reply's text only, with the required sentences, links and phone numbers already replaced by
 * markers (`[[1]]`…), and answers once, within its deadline: no retries on the reply path. What it
 * answers is checked (`checkRephrasing`) before anything is sent.
 */
export interface Rephraser {
  rephrase(request: {
    text: string;
    lang: 'es' | 'en';
    channel: Channel;
  }): Promise<{ kind: 'text'; text: string } | { kind: 'failed'; reason: RephraserFailure }>;
}
