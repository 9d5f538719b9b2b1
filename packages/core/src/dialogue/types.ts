/**
 * The dialogue engine's vocabulary: the conversation (stored as JSON by the runner), one debtor turn,
 * the context the caller gives (account facts, offer policy, identity check, `now`), and what a step
 * returns: the new conversation, the bot's replies and the actions to write to the record.
 * Money is integer minor units in the account's currency; dates are `YYYY-MM-DD` civil dates in the
 * debtor's zone; `now` is an epoch-millisecond instant.
 */
import type { PreferenceChannel, TwoWayChannel } from '../channels/channel.js';
import type { Language } from '../nlu/intents.js';
import type { NluResult } from '../nlu/parse.js';
import type { Agreement, Installment, OfferPolicy, PlanFrequency } from '../offers/types.js';

export const dialogueStates = [
  /** Nothing about a debt may be said: the bot asks for the identity check. */
  'verifying',
  /** Three failed identity answers: nothing more is said; a person takes over. */
  'locked',
  /** Verified: the bot talks about the account and negotiates. */
  'open',
  /** An agreement within policy waits for the debtor's yes. */
  'confirming',
  /** A person takes over; the bot only acknowledges (and still honours an opt-out). */
  'handed_off',
  /** Contact through this conversation ended (opt-out, wrong party, deceased, bankruptcy, attorney). */
  'closed',
] as const;
export type DialogueState = (typeof dialogueStates)[number];

export const handoffQueues = ['payments', 'disputes', 'hardship', 'vulnerable', 'general'] as const;
export type HandoffQueue = (typeof handoffQueues)[number];

export const identityKinds = ['dob', 'national_id_last4'] as const;
export type IdentityKind = (typeof identityKinds)[number];

export const moods = ['calm', 'upset', 'distressed', 'abusive'] as const;
export type Mood = (typeof moods)[number];

/** An offer in the conversation's memory, for the handoff summary and for "yes" to mean something. */
export interface OfferNote {
  turn: number;
  agreement: Agreement;
}

/** A promise the debtor gave an amount for but no date yet ("te pago 500"). */
export interface PromiseDraft {
  amountMinor: number;
}

/** The conversation: serialisable JSON, everything the next step needs. */
export interface Conversation {
  version: 1;
  state: DialogueState;
  language: Language;
  /** Debtor turns seen so far. */
  turns: number;
  verification: { tries: number; verifiedAtTurn: number | null; asked: IdentityKind | null };
  /** A request made before verification, handled right after it (the text and what the NLU understood). */
  deferred: { text: string; understanding: NluResult } | null;
  /** The agreement awaiting the debtor's confirmation (state `confirming`). */
  pending: Agreement | null;
  draft: PromiseDraft | null;
  /** Offers shown in the last reply that a "yes" or a choice ("the pause", "el plan") takes up. */
  choices: Agreement[];
  offers: { made: OfferNote[]; refused: OfferNote[]; agreed: OfferNote[] };
  /** Intents understood, in order (with repeats), for the handoff summary. */
  understood: string[];
  signals: { abuse: number; refusals: number; notUnderstood: number; hardship: boolean };
  /** The last queue a person was asked for, if any. */
  handoff: HandoffQueue | null;
}

/** One debtor message: the text as written or transcribed, and what the NLU understood of it. */
export interface Turn {
  text: string;
  channel: TwoWayChannel;
  understanding: NluResult;
}

export interface DialogueAccount {
  balanceMinor: number;
  currency: string;
  dpd: number;
  /** The creditor that owns the debt (named only after verification). */
  creditorName: string;
  /** The organisation writing: the one identity said before verification. */
  collectorName: string;
  /** The debtor's IANA zone and country (ISO 3166-1 alpha-2). */
  timeZone: string;
  country: string;
  /** The link the bot may give for paying online, when the runner has one. */
  paymentLink?: string;
}

/**
 * The identity check. Core never sees stored identity data: the server compares HMACs, replay the
 * plain values given. `available` lists the kinds the record holds (the bot asks for the first one).
 */
export interface IdentityCheck {
  available: readonly IdentityKind[];
  matches(kind: IdentityKind, normalizedAnswer: string): boolean;
}

export interface DialogueContext {
  account: DialogueAccount;
  policy: OfferPolicy;
  identity: IdentityCheck;
  /** Epoch milliseconds. */
  now: number;
}

export interface HandoffSummary {
  /** What the debtor asked for or said, as understood (intents, in order, without repeats). */
  understood: string[];
  offered: string[];
  refused: string[];
  agreed: string[];
  mood: Mood;
  verified: boolean;
  /** One paragraph for the agent, in the conversation's language. */
  text: string;
}

export type HoursPreference = { from?: string; to?: string };

export type DialogueAction =
  | { type: 'promise'; date: string; amountMinor: number; currency: string }
  | {
      type: 'plan';
      installments: number;
      frequency: PlanFrequency;
      totalMinor: number;
      firstDue: string;
      currency: string;
      schedule: readonly Installment[];
    }
  | { type: 'settlement_offer'; amountMinor: number; expires: string; currency: string }
  | { type: 'settlement'; amountMinor: number; expires: string; currency: string }
  | { type: 'dispute' }
  | { type: 'already_paid_claim'; date: string | null }
  | { type: 'pause_collection'; until: string }
  | { type: 'hardship' }
  | { type: 'opt_out'; channel: PreferenceChannel }
  | { type: 'wrong_party' }
  | { type: 'stop_contact_point' }
  | { type: 'deceased' }
  | { type: 'bankruptcy' }
  | { type: 'attorney' }
  | { type: 'contact_preference'; channel: PreferenceChannel | null; hours?: HoursPreference }
  | { type: 'payment_link' }
  | { type: 'verification_failed' }
  | { type: 'handoff'; queue: HandoffQueue; summary: HandoffSummary };
export type DialogueActionType = DialogueAction['type'];

/**
 * What a reply is for, so the runner asks the compliance check the right question:
 * `identity_check` (before verification: says who writes, asks for the check, no debt information),
 * `disclosure` (the first message after verification: the account and the required disclosures),
 * `conversation` (every later message).
 */
export const replyKinds = ['identity_check', 'disclosure', 'conversation'] as const;
export type ReplyKind = (typeof replyKinds)[number];

export interface ReplyContent {
  miniMiranda: boolean;
  optOutInstructions: boolean;
  /** Only acknowledges a dispute, a request to stop, a death or a bankruptcy; asks for nothing. */
  acknowledgementOnly?: boolean;
  /** Only confirms an opt-out. */
  optOutConfirmation?: boolean;
}

export interface Reply {
  kind: ReplyKind;
  text: string;
  /** The catalogue keys the text was built from, in order (tests and the runner's logs). */
  keys: string[];
  /**
   * The required content the text carries, and what it declares it is (replies/compose.ts), for the
   * compliance check of the contact.
   */
  content: ReplyContent;
}

export interface StepResult {
  conversation: Conversation;
  replies: Reply[];
  actions: DialogueAction[];
}
