import type { DialogueAction } from '@saldo/core/dialogue';
import type { StoredConversation, StoredTurn, TurnOrigin } from '../ports.js';

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
