// The rows of migration 0060 (conversations, conversation_turns) and their mapping to the port's types.
import type { TwoWayChannel } from '@saldo/core/channels';
import type { Conversation, DialogueAction, HandoffQueue, Reply, ReplyKind } from '@saldo/core/dialogue';
import type { NluResult } from '@saldo/core/nlu';
import type { ConversationStatus, StoredConversation, StoredTurn } from '../ports.js';

export interface ConversationRow {
  id: string;
  org_id: string;
  debtor_id: string;
  account_id: string;
  state: Conversation;
  status: ConversationStatus;
  last_channel: TwoWayChannel;
  handoff_queue: HandoffQueue | null;
  last_seq: number;
  created_at: Date | string;
  updated_at: Date | string;
  last_turn_at: Date | string;
}

export interface TurnRow {
  seq: number;
  actor: 'debtor' | 'bot';
  channel: TwoWayChannel;
  text: string;
  reading: NluResult | null;
  actions: DialogueAction[];
  reply_kind: ReplyKind | null;
  reply_content: Reply['content'] | null;
  answers_seq: number | null;
  reply_index: number | null;
  at: Date | string;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export const COLUMNS = `id, org_id, debtor_id, account_id, state, status, last_channel, handoff_queue, last_seq,
  created_at, updated_at, last_turn_at`;
export const TURN_COLUMNS =
  'seq, actor, channel, text, reading, actions, reply_kind, reply_content, answers_seq, reply_index, at';

export function conversationOf(r: ConversationRow): StoredConversation {
  return {
    id: r.id,
    orgId: r.org_id,
    debtorId: r.debtor_id,
    accountId: r.account_id,
    state: r.state,
    status: r.status,
    lastChannel: r.last_channel,
    handoffQueue: r.handoff_queue,
    lastSeq: Number(r.last_seq),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    lastTurnAt: iso(r.last_turn_at),
  };
}

export function turnOf(r: TurnRow): StoredTurn {
  return {
    seq: Number(r.seq),
    actor: r.actor,
    channel: r.channel,
    text: r.text,
    reading: r.reading,
    actions: r.actions,
    replyKind: r.reply_kind,
    replyContent: r.reply_content,
    answersSeq: r.answers_seq === null ? null : Number(r.answers_seq),
    replyIndex: r.reply_index === null ? null : Number(r.reply_index),
    at: iso(r.at),
  };
}
